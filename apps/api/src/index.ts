/**
 * The FluxCore API server: `bun run --cwd apps/api start`. Serves `createApp` with Bun on
 * HOST (default 127.0.0.1: this machine only; HOST=0.0.0.0 listens on every interface) and
 * PORT (default 3000), and stops on SIGTERM or SIGINT within FLUXCORE_SHUTDOWN_MS, whatever
 * the database does: the server stops taking requests and lets the running ones finish, then
 * the pool closes; what is still waiting on a database that does not answer when the time is
 * up is cut off (one line says so, exit 1). A second signal exits at once.
 *
 * Settings: FLUXCORE_JWT_SECRET (required, at least 32 characters: the HS256 secret bearer
 * tokens are signed with), HOST, PORT, FLUXCORE_SHUTDOWN_MS (10000), the API's limits
 * (settings.ts), plus the database variables of @fluxcore/db.
 */
import {
  createDb,
  describeTarget,
  FluxDbError,
  firstStopSignal,
  loadDatabaseConfig,
  type ProgramSpec,
  readNoArguments,
  runCommand,
  settlesWithin,
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
    '  FLUXCORE_JWT_MAX_LIFETIME_S    the longest a bearer token may live from its iat (default 86400); exp is required',
    '  FLUXCORE_RATE_LIMIT_WRITES     writes a signed-in user may make per window (default 600), then 429',
    '  FLUXCORE_RATE_LIMIT_WINDOW_MS  that window (default 60000)',
    '  FLUXCORE_SHUTDOWN_MS           how long a stop waits for requests in flight (default 10000)',
    '  DATABASE_URL         a PostgreSQL server; unset, the embedded database in .data/ (FLUXCORE_DATA_DIR moves it)',
    '                       on a server, log in as a member of fluxcore_app (docs/tenancy.md), not as the owner',
    '  FLUXCORE_DB_ROLE     the runtime role every query runs as (default fluxcore_app)',
    'SIGTERM or SIGINT stops it: no new requests, then the pool closes; past FLUXCORE_SHUTDOWN_MS it exits 1, and a second signal exits at once.',
  ],
};

async function main(): Promise<number> {
  if (readNoArguments(process.argv.slice(2), apiProgram)) return 0;
  const { jwtSecret, port, hostname, shutdownMs, jwtMaxLifetimeS, rateLimit, role } =
    readApiSettings(process.env);
  const config = loadDatabaseConfig(process.env, { applicationName: 'fluxcore-api' });
  const client = await createDb(config);
  const app = createApp({ db: client, jwtSecret, jwtMaxLifetimeS, rateLimit, role });
  let server: ReturnType<typeof Bun.serve>;
  try {
    // Bun closes a request idle for 10 s by default: one waiting on a lock while the schema
    // changes (a converge or a migration without --online) would be cut off, not answered.
    server = Bun.serve({ hostname, port, fetch: app.fetch, idleTimeout: 120 });
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
  const signal = await firstStopSignal();
  console.log(`api: ${signal}, stopping`);
  const deadline = Date.now() + shutdownMs;
  const left = () => Math.max(100, deadline - Date.now());
  if (!(await settlesWithin(server.stop(), left()))) {
    console.error(
      `api: requests still waiting on the database after ${shutdownMs} ms (FLUXCORE_SHUTDOWN_MS); cutting them off`,
    );
    void server.stop(true);
  }
  if (!(await settlesWithin(client.close(), left()))) {
    console.error('api: the database connections did not close in time; exiting without them');
    return 1;
  }
  return 0;
}

// The edge (runCommand): a failure is one line on stderr (what went wrong, how to fix it), exit 1.
await runCommand(main);
