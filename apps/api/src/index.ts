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
  runCommand,
  settlesWithin,
} from '@fluxcore/db';
import { createApp } from './app.ts';
import { readApiSettings } from './settings.ts';

async function main(): Promise<number> {
  const { jwtSecret, port, hostname, shutdownMs, jwtMaxLifetimeS, rateLimit } = readApiSettings(
    process.env,
  );
  const config = loadDatabaseConfig(process.env, { applicationName: 'fluxcore-api' });
  const client = await createDb(config);
  const app = createApp({ db: client, jwtSecret, jwtMaxLifetimeS, rateLimit });
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
