/**
 * The account-deletion worker: `bun run --cwd apps/worker start`. Its own small pool (two
 * connections), the database from the shared config, and a graceful stop on SIGTERM or SIGINT:
 * the current step finishes, the lease is released, then the pool closes.
 *
 * Settings: FLUXCORE_WORKER_ID (default host-pid), FLUXCORE_WORKER_LEASE_MS (60000),
 * FLUXCORE_WORKER_POLL_MS (1000), plus the database variables of @fluxcore/db.
 */
import { hostname } from 'node:os';
import {
  createDb,
  describeTarget,
  loadDatabaseConfig,
  parseSettings,
  runCommand,
  wholeNumberSetting,
} from '@fluxcore/db';
import { z } from 'zod';
import { runWorker } from './worker.ts';

const settings = z.object({
  FLUXCORE_WORKER_ID: z
    .string()
    .regex(/^[\w.:-]{1,200}$/, 'must be 1 to 200 letters, digits, or . _ : -')
    .default(`${hostname()}-${process.pid}`),
  FLUXCORE_WORKER_LEASE_MS: wholeNumberSetting(
    100,
    3_600_000,
    'must be a number of milliseconds from 100 to 3600000',
  ).default(60_000),
  FLUXCORE_WORKER_POLL_MS: wholeNumberSetting(
    10,
    600_000,
    'must be a number of milliseconds from 10 to 600000',
  ).default(1_000),
});

await runCommand(async () => {
  const { FLUXCORE_WORKER_ID: workerId, ...timing } = parseSettings(
    settings,
    process.env,
    'Fix the variable and start the worker again',
  );
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
    workerId: workerId,
    leaseMs: timing.FLUXCORE_WORKER_LEASE_MS,
    pollMs: timing.FLUXCORE_WORKER_POLL_MS,
    signal: stop.signal,
    log: (line) => console.log(line),
  });
  await client.close();
  console.log(
    `worker ${workerId} stopped: ${summary.completed} completed, ${summary.failed} failed, ${summary.retried} to retry, ${summary.released} released`,
  );
  return 0;
});
