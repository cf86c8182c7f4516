/**
 * The worker's settings, read from the environment with one zod schema: FLUXCORE_WORKER_ID
 * (default host-pid), FLUXCORE_WORKER_LEASE_MS (60000), FLUXCORE_WORKER_POLL_MS (1000) and
 * FLUXCORE_SHUTDOWN_MS (10000) and FLUXCORE_RAG_STORE_INDEX_EVERY_MS (60000, the per-store index loop),
 * and FLUXCORE_WORKER_DB_ROLE (the runtime role deletions run as, fluxcore_system). A
 * mistake becomes one CONFIG_INVALID line naming the variable (readSettings).
 */
import { hostname } from 'node:os';
import { type RuntimeRole, readSettings, runtimeRoles, wholeNumberSetting } from '@fluxcore/db';
import { z } from 'zod';

/** Milliseconds from `min` to `max`, read from a string. */
const milliseconds = (min: number, max: number, fallback: number) =>
  wholeNumberSetting(min, max, fallback, `must be a number of milliseconds from ${min} to ${max}`);

const workerSettings = z.object({
  FLUXCORE_WORKER_DB_ROLE: z
    .enum([runtimeRoles.system], {
      error: `must be ${runtimeRoles.system}, the worker's runtime role (docs/tenancy.md)`,
    })
    .default(runtimeRoles.system),
  FLUXCORE_WORKER_ID: z
    .string()
    .regex(/^[\w.:-]{1,200}$/, 'must be 1 to 200 letters, digits, or . _ : -')
    .default(`${hostname()}-${process.pid}`),
  FLUXCORE_WORKER_LEASE_MS: milliseconds(100, 3_600_000, 60_000),
  FLUXCORE_WORKER_POLL_MS: milliseconds(10, 600_000, 1_000),
  FLUXCORE_SHUTDOWN_MS: milliseconds(100, 600_000, 10_000),
  FLUXCORE_RAG_STORE_INDEX_EVERY_MS: milliseconds(100, 86_400_000, 60_000),
});

export interface WorkerSettings {
  /** The runtime role every deletion transaction runs as (row-level security applies to it). */
  role: RuntimeRole;
  workerId: string;
  leaseMs: number;
  pollMs: number;
  /** How long a stop (SIGTERM) waits for the current step and the pool before exiting anyway. */
  shutdownMs: number;
  /** How often the per-store index loop runs (maintainStoreIndexes). */
  storeIndexEveryMs: number;
}

export function readWorkerSettings(env: Record<string, string | undefined>): WorkerSettings {
  const settings = readSettings(workerSettings, env, 'Fix the variable and start the worker again');
  return {
    role: settings.FLUXCORE_WORKER_DB_ROLE,
    workerId: settings.FLUXCORE_WORKER_ID,
    leaseMs: settings.FLUXCORE_WORKER_LEASE_MS,
    pollMs: settings.FLUXCORE_WORKER_POLL_MS,
    shutdownMs: settings.FLUXCORE_SHUTDOWN_MS,
    storeIndexEveryMs: settings.FLUXCORE_RAG_STORE_INDEX_EVERY_MS,
  };
}
