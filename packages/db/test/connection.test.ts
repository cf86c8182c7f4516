/**
 * `db`, the shared client the original app imports: importing opens nothing; the first use
 * opens it from the same settings every command reads; closeDb() closes it.
 */
import { afterEach, describe, expect, test } from 'bun:test';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestDatabase, databaseKinds, projectMigrations } from '@fluxcore/db/testing';
import { eq, sql } from 'drizzle-orm';
import { closeDb, db, openDb } from '../src/connection/shared-db.ts';
import { migrate } from '../src/migrator/apply.ts';
import { users } from '../src/schema/index.ts';
import { runProcess } from './support/migrations.ts';

const saved = {
  DATABASE_URL: process.env.DATABASE_URL,
  FLUXCORE_DATA_DIR: process.env.FLUXCORE_DATA_DIR,
};

afterEach(async () => {
  await closeDb();
  for (const [key, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
});

test('importing @fluxcore/db opens no database', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'fluxcore-import-'));
  const dataDir = join(dir, 'never', 'pgdata');
  try {
    const run = await runProcess(
      [process.execPath, '-e', "await import('@fluxcore/db'); console.log('imported');"],
      { FLUXCORE_DATA_DIR: dataDir },
      import.meta.dir,
    );
    expect(run.stdout.trim()).toBe('imported');
    expect(run.code).toBe(0);
    expect(existsSync(join(dir, 'never'))).toBe(false);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

describe.each(databaseKinds)('db on the %s database', (kind) => {
  test('opens on first use from the environment, runs recorded queries, closes and reopens', async () => {
    // A migrated folder (a copy of a database migrated once per run), closed for db to open.
    const database = await createTestDatabase(kind, { onDisk: true, migratedTo: 'all' });
    try {
      for (const [key, value] of Object.entries(database.env)) {
        if (value === '') delete process.env[key];
        else process.env[key] = value;
      }

      // Before anything is open: recorded, then replayed when awaited.
      const [ana] = await db
        .insert(users)
        .values({ email: 'ana@example.test', passwordHash: 'x', name: 'Ana' })
        .returning();
      expect(ana?.name).toBe('Ana');
      // Once open, db is the real client: synchronous builder methods work too.
      expect(db.select().from(users).toSQL().sql).toContain('from "users"');
      const named = db.select({ id: users.id }).from(users).where(eq(users.name, 'Ana'));
      const inside = await db.select({ count: sql<number>`count(*)::int` }).from(named.as('named'));
      expect(inside[0]?.count).toBe(1);
      await db.transaction(async (tx) => {
        await tx
          .update(users)
          .set({ name: 'Ana B.' })
          .where(eq(users.id, ana?.id ?? ''));
      });

      await closeDb();
      // Closed: the next use opens it again and sees the committed change.
      const again = await db.select().from(users);
      expect(again.map((row) => row.name)).toEqual(['Ana B.']);
      expect(await openDb()).toBeDefined();
    } finally {
      await closeDb();
      await database.drop();
    }
  });

  test('a subquery built before the first use is replayed with its outer query', async () => {
    const database = await createTestDatabase(kind, { onDisk: true });
    try {
      const session = await database.session();
      await migrate(session, projectMigrations);
      await session.exec(
        "insert into users (email, password_hash, name) values ('a@example.test', 'x', 'A'), ('b@example.test', 'x', 'B')",
      );
      await session.close();
      await database.release();
      for (const [key, value] of Object.entries(database.env)) {
        if (value === '') delete process.env[key];
        else process.env[key] = value;
      }
      const named = db.select({ id: users.id }).from(users).where(eq(users.name, 'B')).as('named');
      const rows = await db.select({ count: sql<number>`count(*)::int` }).from(named);
      expect(rows).toEqual([{ count: 1 }]);
    } finally {
      await closeDb();
      await database.drop();
    }
  }, 120_000);
});
