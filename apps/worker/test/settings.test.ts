/** The worker's settings: defaults, and a mistake as one CONFIG_INVALID line naming the variable. */
import { describe, expect, test } from 'bun:test';
import { hostname } from 'node:os';
import { FluxDbError } from '@fluxcore/db';
import { readWorkerSettings } from '../src/settings.ts';

function refusal(env: Record<string, string>): FluxDbError {
  try {
    readWorkerSettings(env);
  } catch (error) {
    if (error instanceof FluxDbError) return error;
    throw error;
  }
  throw new Error(`accepted ${JSON.stringify(env)}`);
}

describe('the worker settings', () => {
  test('every setting has a default, and values are read as given', () => {
    expect(readWorkerSettings({})).toEqual({
      role: 'fluxcore_system',
      workerId: `${hostname()}-${process.pid}`,
      leaseMs: 60_000,
      pollMs: 1_000,
      shutdownMs: 10_000,
      storeIndexEveryMs: 60_000,
    });
    expect(
      readWorkerSettings({
        FLUXCORE_WORKER_ID: 'w-1',
        FLUXCORE_WORKER_LEASE_MS: '5000',
        FLUXCORE_WORKER_POLL_MS: '10',
        FLUXCORE_SHUTDOWN_MS: '250',
        FLUXCORE_RAG_STORE_INDEX_EVERY_MS: '250',
        FLUXCORE_WORKER_DB_ROLE: 'fluxcore_system',
      }),
    ).toEqual({
      role: 'fluxcore_system',
      workerId: 'w-1',
      leaseMs: 5000,
      pollMs: 10,
      shutdownMs: 250,
      storeIndexEveryMs: 250,
    });
  });

  test.each([
    [
      { FLUXCORE_WORKER_ID: 'has space' },
      'FLUXCORE_WORKER_ID must be 1 to 200 letters, digits, or . _ : -',
    ],
    [
      { FLUXCORE_WORKER_LEASE_MS: '99' },
      'FLUXCORE_WORKER_LEASE_MS must be a number of milliseconds from 100 to 3600000',
    ],
    [
      { FLUXCORE_WORKER_LEASE_MS: '1.5' },
      'FLUXCORE_WORKER_LEASE_MS must be a number of milliseconds from 100 to 3600000',
    ],
    [
      // The API's role, or the owner, is not the worker's: one line naming the variable.
      { FLUXCORE_WORKER_DB_ROLE: 'fluxcore_app' },
      "FLUXCORE_WORKER_DB_ROLE must be fluxcore_system, the worker's runtime role (docs/tenancy.md)",
    ],
    [
      { FLUXCORE_WORKER_POLL_MS: 'soon' },
      'FLUXCORE_WORKER_POLL_MS must be a number of milliseconds from 10 to 600000',
    ],
  ])('%j is refused: %s', (env, message) => {
    const error = refusal(env as Record<string, string>);
    expect(error.code).toBe('CONFIG_INVALID');
    expect(error.toLine()).toBe(`${message}. Fix the variable and start the worker again`);
  });
});
