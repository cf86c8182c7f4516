/**
 * The account-deletion worker: `bun run --cwd apps/worker start`. Its own small pool (two
 * connections), the database from the shared config, and a graceful stop on SIGTERM or SIGINT:
 * the current step finishes, the lease is released, then the pool closes. The stop is bounded
 * by FLUXCORE_SHUTDOWN_MS whatever the database does: a step still waiting on a database that
 * does not answer is cut off (its transaction rolls back with the connection, the lease
 * expires on its own), one line says so, exit 1. A second signal exits at once.
 *
 * Settings: FLUXCORE_WORKER_ID (default host-pid), FLUXCORE_WORKER_LEASE_MS (60000),
 * FLUXCORE_WORKER_POLL_MS (1000), FLUXCORE_SHUTDOWN_MS (10000),
 * FLUXCORE_RAG_STORE_INDEX_EVERY_MS (60000), the per-store index thresholds
 * FLUXCORE_RAG_STORE_INDEX_AT (1000) and FLUXCORE_RAG_STORE_INDEX_DROP_BELOW (500),
 * FLUXCORE_WORKER_DB_ROLE (fluxcore_system), plus the database variables of @fluxcore/db.
 * Every deletion transaction runs as FLUXCORE_WORKER_DB_ROLE (`set local role`), so row-level
 * security gives it the queue of jobs and, in each step, the job's account's rows only
 * (docs/tenancy.md). The same process keeps the vector stores' own HNSW indexes in line with
 * their sizes (store-indexes.ts): DDL, so that loop runs as the login itself, which must own
 * the tables for it (it says so in one line otherwise).
 */
import {
  createDb,
  describeTarget,
  firstStopSignal,
  loadDatabaseConfig,
  type ProgramSpec,
  readNoArguments,
  readStoreIndexThresholds,
  runCommand,
  settlesWithin,
} from '@fluxcore/db';
import { readWorkerSettings } from './settings.ts';
import { runStoreIndexLoop } from './store-indexes.ts';
import { runWorker } from './worker.ts';

const workerProgram: ProgramSpec = {
  usage: 'bun run --cwd apps/worker start',
  summary:
    'runs account-deletion jobs, one step at a time under a lease, and keeps large vector stores indexed, until stopped',
  notes: [
    'Settings (environment variables):',
    '  FLUXCORE_WORKER_ID        how it names itself in leases and logs (default <host>-<pid>)',
    '  FLUXCORE_WORKER_LEASE_MS  how long a claimed job stays its own (default 60000)',
    '  FLUXCORE_WORKER_POLL_MS   how often it looks for work when idle (default 1000)',
    '  FLUXCORE_RAG_STORE_INDEX_EVERY_MS    how often it gives large vector stores their own HNSW index (default 60000)',
    '  FLUXCORE_RAG_STORE_INDEX_AT          a store of this many chunks gets one (default 1000)',
    '  FLUXCORE_RAG_STORE_INDEX_DROP_BELOW  a store below this many loses it (default 500)',
    '  FLUXCORE_WORKER_DB_ROLE   the runtime role deletions run as (default fluxcore_system)',
    '  DATABASE_URL              a PostgreSQL server; unset, the embedded database in .data/ (FLUXCORE_DATA_DIR moves it)',
    '  FLUXCORE_SHUTDOWN_MS      how long a stop waits for the current step (default 10000)',
    'SIGTERM or SIGINT stops it after the current step; the lease is released, then the pool closes; past FLUXCORE_SHUTDOWN_MS it exits 1, and a second signal exits at once.',
  ],
};

async function main(): Promise<number> {
  if (readNoArguments(process.argv.slice(2), workerProgram)) return 0;
  const { role, workerId, leaseMs, pollMs, shutdownMs, storeIndexEveryMs } = readWorkerSettings(
    process.env,
  );
  const thresholds = readStoreIndexThresholds(process.env);
  const config = loadDatabaseConfig(process.env, { applicationName: 'fluxcore-worker' });
  const client = await createDb(config, { poolMax: 2 });
  const stop = new AbortController();
  const stopped = firstStopSignal().then((signal) => {
    console.log(`worker ${workerId}: ${signal}, stopping after this step`);
    stop.abort();
  });
  console.log(`worker ${workerId} started on the ${describeTarget(config)}`);
  const running = Promise.all([
    runWorker({
      db: client,
      role,
      workerId,
      leaseMs,
      pollMs,
      signal: stop.signal,
      log: (line) => console.log(line),
    }),
    runStoreIndexLoop({
      db: client,
      everyMs: storeIndexEveryMs,
      thresholds,
      signal: stop.signal,
      log: (line) => console.log(`worker ${workerId}: ${line}`),
    }),
  ]).then(([summary]) => summary);
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
