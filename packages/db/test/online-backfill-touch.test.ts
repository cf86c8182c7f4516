/**
 * An online retype copies the column in batches of UPDATEs; on a table with the touch trigger
 * (0029) those would give every row a new updated_at. Since 0056 the backfill's transactions
 * leave it alone, and an update of the app's own still moves it (server: --online is a
 * server's). The migration under test retypes accounts.display_name back to varchar(255).
 */
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import { rmSync } from 'node:fs';
import {
  createMigratedDatabase,
  createOwnedAccount,
  databaseKinds,
  projectMigrations,
} from '@fluxcore/db/testing';
import pg from 'pg';
import { projectMigrationsWith, runCli } from './support/migrations.ts';

const next = String(projectMigrations.length).padStart(4, '0');
const tag = `${next}_online_touch_fixture`;

describe.if(databaseKinds.includes('server'))('an online retype and updated_at', () => {
  let close: () => Promise<void>;
  let client: pg.Client;
  let env: Record<string, string>;
  let folder: string;

  beforeAll(async () => {
    const migrated = await createMigratedDatabase('server');
    close = migrated.close;
    for (let i = 0; i < 5; i++) await createOwnedAccount(migrated.client.db, `touch${i}`);
    client = new pg.Client({ connectionString: migrated.database.env.DATABASE_URL });
    await client.connect();
    // The column as an older schema had it, and every account last updated long ago.
    await client.query(`alter table accounts alter column display_name type text;
      update accounts set updated_at = '2026-01-02 03:04:05+00';`);
    folder = projectMigrationsWith(
      tag,
      'ALTER TABLE "accounts" ALTER COLUMN "display_name" SET DATA TYPE varchar(255);',
    );
    env = { ...migrated.database.env, FLUXCORE_MIGRATIONS_DIR: folder };
  }, 120_000);

  afterAll(async () => {
    await client?.end();
    await close?.();
    if (folder) rmSync(folder, { recursive: true, force: true });
  });

  test('the backfill keeps every row, updated_at included; the app’s own update still moves it', async () => {
    const rows = async () =>
      (
        await client.query(
          'select id, display_name, updated_at::text as updated_at from accounts order by id',
        )
      ).rows;
    const before = await rows();
    expect(before.length).toBeGreaterThanOrEqual(5);
    const run = await runCli('migrate', ['--online', '--batch-size', '2'], env);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('backfilled');
    const type = await client.query(
      `select format_type(atttypid, atttypmod) as type from pg_attribute
        where attrelid = 'accounts'::regclass and attname = 'display_name'`,
    );
    expect(type.rows[0].type).toBe('character varying(255)');
    expect(await rows()).toEqual(before);
    // Outside a backfill the trigger works as before.
    await client.query(`update accounts set display_name = 'moved' where id = $1`, [before[0].id]);
    const moved = await client.query('select updated_at::text as at from accounts where id = $1', [
      before[0].id,
    ]);
    expect(moved.rows[0].at).not.toBe(before[0].updated_at);
  }, 180_000);
});
