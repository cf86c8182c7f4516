/**
 * A worker whose role may not touch the deletion jobs (server only: PGlite has no roles)
 * says so in one line naming the table and the grant, once, not on every poll, and never
 * repeats the query text.
 */
import { afterAll, describe, expect, test } from 'bun:test';
import { createDb } from '@fluxcore/db';
import { adminUrl, createMigratedDatabase, databaseKinds } from '@fluxcore/db/testing';
import pg from 'pg';
import { runWorker } from '../src/worker.ts';

const role = `fluxcore_test_worker_${process.pid}`;

async function asAdmin(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

describe.if(databaseKinds.includes('server'))('the worker without the privilege', () => {
  afterAll(() => asAdmin(adminUrl, `drop role if exists ${role}`).catch(() => {}));

  test('logs one line naming the table and the grant, once for many polls', async () => {
    const migrated = await createMigratedDatabase('server');
    const url = migrated.database.env.DATABASE_URL ?? '';
    await asAdmin(adminUrl, `create role ${role} login`);
    await asAdmin(url, `grant usage on schema public to ${role}`);
    const asRole = new URL(url);
    asRole.username = role;
    const client = await createDb({
      kind: 'server',
      url: asRole.toString(),
      applicationName: 'fluxcore-tests',
      poolMax: 1,
    });
    try {
      const lines: string[] = [];
      const stop = new AbortController();
      const running = runWorker({
        db: client,
        workerId: 'w1',
        leaseMs: 1_000,
        pollMs: 10,
        signal: stop.signal,
        log: (line) => {
          lines.push(line);
        },
      });
      // Polling every 10 ms, half a second is dozens of failed polls (the exact number does
      // not matter: any second one used to log the query text again).
      await new Promise((resolve) => setTimeout(resolve, 500));
      stop.abort();
      await running;
      expect(lines).toEqual([
        'w1: permission denied for table account_deletion_jobs. The role in DATABASE_URL lacks the privilege: have the owner run GRANT SELECT, INSERT, UPDATE, DELETE ON account_deletion_jobs TO <role> (the role of DATABASE_URL), or connect as the owner',
      ]);
    } finally {
      await client.close();
      await asAdmin(url, `drop owned by ${role}`);
      await migrated.close();
    }
  }, 60_000);
});
