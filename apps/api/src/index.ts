/**
 * The FluxCore API server: `bun run --cwd apps/api start`. Serves `createApp` with Bun on
 * HOST (default 127.0.0.1: this machine only; HOST=0.0.0.0 listens on every interface) and
 * PORT (default 3000), and stops cleanly on SIGTERM or SIGINT (the server stops taking
 * requests, then the pool closes).
 *
 * Settings: FLUXCORE_JWT_SECRET (required, at least 32 characters: the HS256 secret bearer
 * tokens are signed with), HOST, PORT, plus the database variables of @fluxcore/db.
 */
import {
  createDb,
  describeTarget,
  FluxDbError,
  loadDatabaseConfig,
  type ProgramSpec,
  readNoArguments,
  runCommand,
} from '@fluxcore/db';
import { createApp } from './app.ts';
import { readApiSettings } from './settings.ts';

const apiProgram: ProgramSpec = {
  usage: 'bun run --cwd apps/api start',
  summary: 'serves the FluxCore API (Hono) on the database the environment names',
  notes: [
    'Settings (environment variables):',
    '  FLUXCORE_JWT_SECRET  required, at least 32 characters: the HS256 secret bearer tokens are signed with',
    '  HOST                 the address to listen on (default 127.0.0.1; 0.0.0.0 for every interface)',
    '  PORT                 the port to listen on (default 3000)',
    '  DATABASE_URL         a PostgreSQL server; unset, the embedded database in .data/ (FLUXCORE_DATA_DIR moves it)',
    'SIGTERM or SIGINT stops it: no new requests, then the pool closes.',
  ],
};

async function main(): Promise<number> {
  if (readNoArguments(process.argv.slice(2), apiProgram)) return 0;
  const { jwtSecret, port, hostname } = readApiSettings(process.env);
  const config = loadDatabaseConfig(process.env, { applicationName: 'fluxcore-api' });
  const client = await createDb(config);
  const app = createApp({ db: client, jwtSecret });
  let server: ReturnType<typeof Bun.serve>;
  try {
    server = Bun.serve({ hostname, port, fetch: app.fetch });
  } catch (error) {
    await client.close();
    throw new FluxDbError(
      'USAGE',
      `the API cannot listen on ${hostname}:${port}: ${(error as { code?: string }).code ?? (error as Error).message}`,
      'Free the port or set PORT (and HOST) to an address this machine can listen on',
    );
  }
  // The address the socket really has, not the one we hoped for.
  console.log(`api listening on ${server.url.origin} (${describeTarget(config)})`);
  const signal = await new Promise<string>((resolve) => {
    process.once('SIGTERM', () => resolve('SIGTERM'));
    process.once('SIGINT', () => resolve('SIGINT'));
  });
  console.log(`api: ${signal}, stopping`);
  await server.stop();
  await client.close();
  return 0;
}

// The edge (runCommand): a failure is one line on stderr (what went wrong, how to fix it), exit 1.
await runCommand(main);
