/**
 * The account-deletion worker: `bun run --cwd apps/worker start`. Its own small pool (two
 * connections), the database from the shared config, and a graceful stop on SIGTERM or SIGINT:
 * the current step finishes, the lease is released, then the pool closes.
 *
 * Settings: FLUXCORE_WORKER_ID (default host-pid), FLUXCORE_WORKER_LEASE_MS (60000),
 * FLUXCORE_WORKER_POLL_MS (1000), FLUXCORE_RAG_STORE_INDEX_EVERY_MS (60000), the per-store index
 * thresholds FLUXCORE_RAG_STORE_INDEX_AT (1000) and FLUXCORE_RAG_STORE_INDEX_DROP_BELOW (500),
 * plus the database variables of @fluxcore/db. The same process keeps the vector stores'
 * own HNSW indexes in line with their sizes (store-indexes.ts).
 */
import {
  createDb,
  describeTarget,
  loadDatabaseConfig,
  readStoreIndexThresholds,
  runCommand,
} from '@fluxcore/db';
import { readWorkerSettings } from './settings.ts';
import { runStoreIndexLoop } from './store-indexes.ts';
import { runWorker } from './worker.ts';

async function main(): Promise<number> {
  const { workerId, leaseMs, pollMs, storeIndexEveryMs } = readWorkerSettings(process.env);
  const thresholds = readStoreIndexThresholds(process.env);
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
  const [summary] = await Promise.all([
    runWorker({
      db: client,
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
  ]);
  await client.close();
  console.log(
    `worker ${workerId} stopped: ${summary.completed} completed, ${summary.failed} failed, ${summary.retried} to retry, ${summary.released} released`,
  );
  return 0;
}

// The edge (runCommand): a failure is one line on stderr (what went wrong, how to fix it), exit 1.
await runCommand(main);
