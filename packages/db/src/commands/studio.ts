/**
 * `db:studio`: Drizzle Studio on whichever database the config names. For the embedded
 * database it hands Studio our own PGlite (with pgvector loaded), which drizzle-kit's CLI
 * cannot do: its PGlite would lack the vector type.
 */
import { startStudioPostgresServer } from 'drizzle-kit/api';
import { describeTarget, loadDatabaseConfig } from '../config.ts';
import { openEmbedded } from '../embedded/open.ts';
import * as schema from '../schema/index.ts';
import { parseFlags, runCommand } from './run.ts';

await runCommand(async () => {
  const flags = parseFlags({ port: { type: 'string' }, host: { type: 'string' } });
  const config = loadDatabaseConfig(process.env, { applicationName: 'fluxcore-studio' });
  const port = Number(flags.port ?? 4983);
  const host = flags.host ?? '127.0.0.1';
  if (config.kind === 'embedded') {
    // Under the folder's lock until Studio exits, or through db:serve when it holds the folder.
    const handle = await openEmbedded(config.dataDir, { waitMs: config.lockWaitMs });
    if (handle.mode === 'served') {
      await startStudioPostgresServer(schema, { url: handle.url }, { host, port });
    } else {
      await startStudioPostgresServer(
        schema,
        { driver: 'pglite', client: handle.client },
        { host, port },
      );
    }
  } else {
    await startStudioPostgresServer(schema, { url: config.url }, { host, port });
  }
  console.log(`Drizzle Studio serves ${describeTarget(config)} at http://${host}:${port}`);
  console.log(`open https://local.drizzle.studio?host=${host}&port=${port} (Ctrl-C to stop)`);
  await new Promise(() => {});
  return 0;
});
