/**
 * The account-deletion worker: `bun run --cwd apps/worker start`. Its own small pool (two
 * connections), the database from the shared config, and a graceful stop on SIGTERM or SIGINT:
 * the current step finishes, the lease is released, then the pool closes.
 *
 * Settings: FLUXCORE_WORKER_ID (default host-pid), FLUXCORE_WORKER_LEASE_MS (60000),
 * FLUXCORE_WORKER_POLL_MS (1000), plus the database variables of @fluxcore/db.
 */
import { createDb, describeTarget, loadDatabaseConfig, runCommand } from '@fluxcore/db';
import { readWorkerSettings } from './settings.ts';
import { runWorker } from './worker.ts';

async function main(): Promise<number> {
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
