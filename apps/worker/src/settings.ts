/**
 * The worker's settings, read from the environment with one zod schema: FLUXCORE_WORKER_ID
 * (default host-pid), FLUXCORE_WORKER_LEASE_MS (60000) and FLUXCORE_WORKER_POLL_MS (1000). A
 * mistake becomes one CONFIG_INVALID line naming the variable.
 */
import { hostname } from 'node:os';
import { FluxDbError } from '@fluxcore/db';
import { z } from 'zod';

/** Milliseconds from `min` to `max`, read from a string. */
function milliseconds(min: number, max: number, fallback: number) {
  const error = `must be a number of milliseconds from ${min} to ${max}`;
  return z.coerce
    .number({ error })
    .int({ error })
    .min(min, { error })
    .max(max, { error })
    .default(fallback);
}

const workerSettings = z.object({
  FLUXCORE_WORKER_ID: z
    .string()
    .regex(/^[\w.:-]{1,200}$/, 'must be 1 to 200 letters, digits, or . _ : -')
    .default(`${hostname()}-${process.pid}`),
  FLUXCORE_WORKER_LEASE_MS: milliseconds(100, 3_600_000, 60_000),
  FLUXCORE_WORKER_POLL_MS: milliseconds(10, 600_000, 1_000),
});

export interface WorkerSettings {
  workerId: string;
  leaseMs: number;
  pollMs: number;
}

export function readWorkerSettings(env: Record<string, string | undefined>): WorkerSettings {
  const parsed = workerSettings.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new FluxDbError(
      'CONFIG_INVALID',
      `${issue?.path.join('.') || 'a setting'} ${issue?.message ?? 'is invalid'}`,
      'Fix the variable and start the worker again',
    );
  }
  return {
    workerId: parsed.data.FLUXCORE_WORKER_ID,
    leaseMs: parsed.data.FLUXCORE_WORKER_LEASE_MS,
    pollMs: parsed.data.FLUXCORE_WORKER_POLL_MS,
  };
}
