/**
 * db:converge waiting for a table lock (issue 20, item 6): while a long reader holds the
 * table, converge's ALTER waits at most 500 ms at a time and is tried again, so the app's
 * queries that queue behind it wait no longer than that (they waited the whole lock timeout);
 * once the reader is done, the plan applies. Server only: PGlite has one connection.
 */
import { describe, expect, test } from 'bun:test';
import {
  createMigratedDatabase,
  databaseKinds,
  projectMigrations,
  projectTarget,
} from '@fluxcore/db/testing';
import { converge } from '../src/converge/apply.ts';

describe.if(databaseKinds.includes('server'))('converge waiting for a table lock', () => {
  test('the app’s reads wait at most one short try, and the plan applies after the reader', async () => {
    const migrated = await createMigratedDatabase('server');
    const { database } = migrated;
    const session = await database.session();
    const holder = await database.session();
    const reader = await database.session();
    try {
      // A drift converge fixes with an ALTER TABLE (an ACCESS EXCLUSIVE lock).
      await session.exec(`alter table messages alter column status drop default`);
      const target = await projectTarget(database.config);
      await holder.exec('begin');
      await holder.query('select count(*) from messages');
      const lines: string[] = [];
      const applying = converge(session, database.config, projectMigrations, {
        apply: true,
        target,
        lockTimeoutMs: 20_000,
        log: (line) => lines.push(line),
      });
      await Bun.sleep(200);
      let longest = 0;
      const until = performance.now() + 2_000;
      while (performance.now() < until) {
        const started = performance.now();
        await reader.query('select count(*) from messages');
        longest = Math.max(longest, performance.now() - started);
      }
      await holder.exec('commit');
      const outcome = await applying;
      expect(outcome.status).toBe('applied');
      expect(longest).toBeLessThan(1_000);
      expect(lines.some((line) => line.startsWith('a table lock was not free within 500 ms'))).toBe(
        true,
      );
      const [column] = await session.query<{ dflt: string | null }>(
        `select column_default as dflt from information_schema.columns where table_name = 'messages' and column_name = 'status'`,
      );
      expect(column?.dflt).toContain('synced');
    } finally {
      await holder.close();
      await reader.close();
      await session.close();
      await migrated.close();
    }
  }, 120_000);
});
