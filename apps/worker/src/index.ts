/**
 * The account-deletion worker: `bun run --cwd apps/worker start`. Its own small pool (two
 * connections), the database from the shared config, and a graceful stop on SIGTERM or SIGINT:
 * the current step finishes, the lease is released, then the pool closes. The stop is bounded
 * by FLUXCORE_SHUTDOWN_MS whatever the database does: a step still waiting on a database that
 * does not answer is cut off (its transaction rolls back with the connection, the lease
 * expires on its own), one line says so, exit 1. A second signal exits at once.
 *
 * Settings: FLUXCORE_WORKER_ID (default host-pid), FLUXCORE_WORKER_LEASE_MS (60000),
 * FLUXCORE_WORKER_POLL_MS (1000), FLUXCORE_SHUTDOWN_MS (10000), plus the database variables
 * of @fluxcore/db.
 */
import {
  createDb,
  describeTarget,
  firstStopSignal,
  loadDatabaseConfig,
  type ProgramSpec,
  readNoArguments,
  runCommand,
  settlesWithin,
} from '@fluxcore/db';
import { readWorkerSettings } from './settings.ts';
import { runWorker } from './worker.ts';

const workerProgram: ProgramSpec = {
  usage: 'bun run --cwd apps/worker start',
  summary: 'runs account-deletion jobs, one step at a time under a lease, until stopped',
  notes: [
    'Settings (environment variables):',
    '  FLUXCORE_WORKER_ID        how it names itself in leases and logs (default <host>-<pid>)',
    '  FLUXCORE_WORKER_LEASE_MS  how long a claimed job stays its own (default 60000)',
    '  FLUXCORE_WORKER_POLL_MS   how often it looks for work when idle (default 1000)',
    '  DATABASE_URL              a PostgreSQL server; unset, the embedded database in .data/ (FLUXCORE_DATA_DIR moves it)',
    '  FLUXCORE_SHUTDOWN_MS      how long a stop waits for the current step (default 10000)',
    'SIGTERM or SIGINT stops it after the current step; the lease is released, then the pool closes; past FLUXCORE_SHUTDOWN_MS it exits 1, and a second signal exits at once.',
  ],
};

async function main(): Promise<number> {
  if (readNoArguments(process.argv.slice(2), workerProgram)) return 0;
  const { workerId, leaseMs, pollMs, shutdownMs } = readWorkerSettings(process.env);
  const config = loadDatabaseConfig(process.env, { applicationName: 'fluxcore-worker' });
  const client = await createDb(config, { poolMax: 2 });
  const stop = new AbortController();
  const stopped = firstStopSignal().then((signal) => {
    console.log(`worker ${workerId}: ${signal}, stopping after this step`);
    stop.abort();
  });
  console.log(`worker ${workerId} started on the ${describeTarget(config)}`);
  const running = runWorker({
    db: client,
    workerId,
    leaseMs,
    pollMs,
    signal: stop.signal,
    log: (line) => console.log(line),
  });
  await Promise.race([running, stopped]);
  const deadline = Date.now() + shutdownMs;
  const left = () => Math.max(100, deadline - Date.now());
  if (!(await settlesWithin(running, left()))) {
    console.error(
      `worker ${workerId}: the step still waits on the database after ${shutdownMs} ms (FLUXCORE_SHUTDOWN_MS); stopping without it (it rolls back, and its lease expires on its own)`,
    );
    return 1;
  }
  const summary = await running;
  if (!(await settlesWithin(client.close(), left()))) {
    console.error(
      `worker ${workerId}: the database connections did not close in time; exiting without them`,
    );
    return 1;
  }
  console.log(
    `worker ${workerId} stopped: ${summary.completed} completed, ${summary.failed} failed, ${summary.retried} to retry, ${summary.released} released`,
  );
  return 0;
}

// The edge (runCommand): a failure is one line on stderr (what went wrong, how to fix it), exit 1.
await runCommand(main);
