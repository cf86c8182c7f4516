/**
 * `db:studio`: Drizzle Studio on whichever database the config names. For the embedded
 * database it hands Studio our own PGlite (with pgvector loaded), which drizzle-kit's CLI
 * cannot do: its PGlite would lack the vector type.
 *
 * Everything a user can get wrong is checked before Studio starts, each as one line: the
 * port (a number, and free on the host), and the server (reachable, the role known, the
 * database there, the schema readable), so Studio never runs against a database it cannot use.
 */
import { openSqlSession } from '../../client.ts';
import { type DatabaseConfig, describeTarget } from '../../config.ts';
import { openEmbedded } from '../../embedded/open.ts';
import { FluxDbError } from '../../errors.ts';
import * as schema from '../../schema/index.ts';
import { consoleIo, type Io } from '../context.ts';

export interface StudioFlags {
  port: number;
  host: string;
}

/** Fails in one line when host:port cannot be listened on (in use, or not this machine's). */
function assertListenable(host: string, port: number): void {
  try {
    const probe = Bun.listen({ hostname: host, port, socket: { data() {} } });
    probe.stop(true);
  } catch (error) {
    const code = (error as { code?: string }).code ?? (error as Error).message;
    throw new FluxDbError(
      'USAGE',
      code === 'EADDRINUSE'
        ? `port ${port} on ${host} is already in use`
        : `Studio cannot listen on ${host}:${port} (${code})`,
      code === 'EADDRINUSE'
        ? 'Stop what uses it, or pick another with --port'
        : 'Give --host an address of this machine (127.0.0.1 by default) and a free --port',
    );
  }
}

/**
 * Starts Studio and resolves once it listens. drizzle-kit reports that with a console line of
 * its own ("Studio is running at …", or an error object); this catches that line, so the
 * command prints only its own lines, and only once Studio really listens.
 */
async function startStudio(start: () => Promise<void>, where: string): Promise<void> {
  const { log, error } = console;
  try {
    await new Promise<void>((resolve, reject) => {
      console.log = (...args: unknown[]) => {
        if (typeof args[0] === 'string' && args[0].startsWith('Studio is running at')) resolve();
        // drizzle-kit names the driver it picked for a URL ("Using 'pg' driver …"): not ours to print.
        else if (typeof args[0] === 'string' && args[0].includes('driver for database querying'))
          return;
        else log(...args);
      };
      console.error = (...args: unknown[]) => {
        if (args[0] instanceof Error) {
          reject(
            new FluxDbError(
              'USAGE',
              `Studio cannot listen on ${where} (${args[0].message.split('\n')[0]})`,
              'Pick another --host or --port',
            ),
          );
        } else error(...args);
      };
      start().catch(reject);
    });
  } finally {
    console.log = log;
    console.error = error;
  }
}

/**
 * What it prints once Studio listens. The address it listens on answers Studio's interface,
 * not a browser (a 404 there), and the interface itself is a page served from the internet:
 * the second line says so, and what works offline instead.
 */
export function studioLines(target: string, host: string, port: number): string[] {
  return [
    `Drizzle Studio's data server for ${target} listens on ${host}:${port} (Ctrl-C to stop)`,
    `Studio's interface is served from the internet: open https://local.drizzle.studio?host=${host}&port=${port}; offline, use bun run db:docs (the schema) or psql through bun run db:serve (the data)`,
  ];
}

export async function run(flags: StudioFlags, config: DatabaseConfig, io: Io = consoleIo) {
  const { host, port } = flags;
  assertListenable(host, port);
  // drizzle-kit is a developer-time tool: loaded here, never by a production command.
  const { startStudioPostgresServer } = await import('drizzle-kit/api');
  if (config.kind === 'embedded') {
    // Under the folder's lock until Studio exits, or through db:serve when it holds the folder.
    const handle = await openEmbedded(config.dataDir, { waitMs: config.lockWaitMs });
    const credentials =
      handle.mode === 'served'
        ? { url: handle.url }
        : { driver: 'pglite' as const, client: handle.client };
    await startStudio(
      () => startStudioPostgresServer(schema, credentials, { host, port }),
      `${host}:${port}`,
    );
  } else {
    // Connect once first: a refused, unknown-role or missing database is one line now, not a
    // running Studio that prints a stack on its first query.
    const session = await openSqlSession(config);
    try {
      await session.query('select count(*) from pg_catalog.pg_tables');
    } finally {
      await session.close();
    }
    await startStudio(
      () => startStudioPostgresServer(schema, { url: config.url }, { host, port }),
      `${host}:${port}`,
    );
  }
  for (const line of studioLines(describeTarget(config), host, port)) io.log(line);
  await new Promise(() => {});
  return 0;
}
