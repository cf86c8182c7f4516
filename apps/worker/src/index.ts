/**
 * The account-deletion worker: `bun run --cwd apps/worker start`. Its own small pool (two
 * connections), the database from the shared config, and a graceful stop on SIGTERM or SIGINT:
 * the current step finishes, the lease is released, then the pool closes.
 *
 * Settings: FLUXCORE_WORKER_ID (default host-pid), FLUXCORE_WORKER_LEASE_MS (60000),
 * FLUXCORE_WORKER_POLL_MS (1000), plus the database variables of @fluxcore/db.
 */
import {
  createDb,
  describeTarget,
  loadDatabaseConfig,
  type ProgramSpec,
  readNoArguments,
  runCommand,
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
    'SIGTERM or SIGINT stops it after the current step; the lease is released, then the pool closes.',
  ],
};

async function main(): Promise<number> {
  if (readNoArguments(process.argv.slice(2), workerProgram)) return 0;
  const { workerId, leaseMs, pollMs } = readWorkerSettings(process.env);
  const config = loadDatabaseConfig(process.env, { applicationName: 'fluxcore-worker' });
  const client = await createDb(config, { poolMax: 2 });
  const stop = new AbortController();
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      console.log(`worker ${workerId}: ${signal}, stopping after this step`);
      stop.abort();
    });
  }
  console.log(`worker ${workerId} started on the ${describeTarget(config)}`);
  const summary = await runWorker({
    db: client,
    workerId,
    leaseMs,
    pollMs,
    signal: stop.signal,
    log: (line) => console.log(line),
  });
  await client.close();
  console.log(
    `worker ${workerId} stopped: ${summary.completed} completed, ${summary.failed} failed, ${summary.retried} to retry, ${summary.released} released`,
  );
  return 0;
}

// The edge (runCommand): a failure is one line on stderr (what went wrong, how to fix it), exit 1.
await runCommand(main);
