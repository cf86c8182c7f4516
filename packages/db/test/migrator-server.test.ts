/** What only a server shows: concurrent runners, the lock, a runner killed mid-migration. */
import { afterEach, describe, expect, test } from 'bun:test';
import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { createTestDatabase, databaseKinds, projectMigrations } from '@fluxcore/db/testing';
import pg from 'pg';
import { loadMigrations } from '../src/migrator/journal.ts';
import { migrationLockKey } from '../src/migrator/lock.ts';
import { migrationStatus } from '../src/migrator/status.ts';
import { runCli, runDrizzleKit, spawnCli, writeMigrationFolder } from './support/migrations.ts';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function serverDatabase() {
  const database = await createTestDatabase('server');
  cleanups.push(() => database.drop());
  const client = new pg.Client({ connectionString: database.env.DATABASE_URL });
  await client.connect();
  cleanups.push(() => client.end());
  return { database, client };
}

async function waitFor(check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not reached in time');
    await Bun.sleep(50);
  }
}

describe.if(databaseKinds.includes('server'))('the migration runner on a server', () => {
  test('8 concurrent runners on one empty database all succeed, with one journal row per migration', async () => {
    const { database, client } = await serverDatabase();
    const runs = await Promise.all(
      Array.from({ length: 8 }, () => runCli('migrate', [], database.env)),
    );
    for (const run of runs) {
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
    }
    const applying = runs.filter((run) => run.stdout.includes('applied 0000_strong_proudstar'));
    expect(applying).toHaveLength(1);
    const rows = await client.query(
      'select created_at, count(*)::int as n from drizzle.__drizzle_migrations group by 1',
    );
    expect(rows.rows).toHaveLength(projectMigrations.length);
    expect(rows.rows.every((row) => row.n === 1)).toBe(true);
  }, 120_000);

  test('a runner blocked on the lock gives up with a clear message after its timeout', async () => {
    const { database, client } = await serverDatabase();
    await client.query(`set application_name = 'a long deploy'`);
    await client.query('select pg_advisory_lock($1::bigint)', [migrationLockKey.toString()]);
    const started = Date.now();
    const run = await runCli('migrate', ['--lock-timeout', '1'], database.env);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('waiting for the migration lock (held by pid');
    expect(run.stderr).toMatch(
      /^error: another migration run \(pid \d+, a long deploy\) still holds the migration lock after 1 s\. Wait for it to finish and run the command again, or raise --lock-timeout\n$/,
    );
    const tables = await client.query(`select to_regclass('public.users') as t`);
    expect(tables.rows[0]?.t).toBeNull();
  });

  test('a runner killed with SIGKILL mid-migration leaves no trace of it, and a rerun completes', async () => {
    const { database, client } = await serverDatabase();
    const dir = writeMigrationFolder([
      { tag: '0000_quick', sql: 'create table quick (id int);' },
      {
        tag: '0001_slow',
        sql: [
          'create table slow_first (id int);',
          "select pg_sleep(2) where current_setting('application_name') = 'fluxcore-migrate';",
          'create table slow_second (id int);',
        ].join('\n--> statement-breakpoint\n'),
      },
    ]);
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const env = { ...database.env, FLUXCORE_MIGRATIONS_DIR: dir };
    const child = spawnCli('migrate', [], env);
    const sleeping = async () =>
      (
        await client.query(
          `select 1 from pg_stat_activity where query like '%pg_sleep(2)%' and pid <> pg_backend_pid()`,
        )
      ).rows.length > 0;
    await waitFor(sleeping, 20_000);
    child.kill('SIGKILL');
    await child.exited;
    await waitFor(async () => !(await sleeping()), 20_000);
    const exists = async (name: string) =>
      (await client.query('select to_regclass($1) is not null as present', [name])).rows[0]
        ?.present;
    expect(await exists('public.quick')).toBe(true);
    expect(await exists('public.slow_first')).toBe(false);
    expect((await client.query('select 1 from drizzle.__drizzle_migrations')).rows).toHaveLength(1);

    const rerun = await runCli('migrate', [], env);
    expect(rerun.code).toBe(0);
    expect(rerun.stdout).toContain('applied 0001_slow');
    expect(await exists('public.slow_second')).toBe(true);
    expect((await client.query('select 1 from drizzle.__drizzle_migrations')).rows).toHaveLength(2);
  }, 60_000);
});

const packageDir = resolve(import.meta.dir, '..');
async function drizzleKitMigrate(env: Record<string, string>) {
  const run = await runDrizzleKit(['migrate'], env);
  return { code: run.code, output: run.stdout + run.stderr };
}

describe.if(databaseKinds.includes('server'))('drizzle-kit and our runner agree', () => {
  test('drizzle-kit migrate applies nothing on a database our runner migrated', async () => {
    const { database, client } = await serverDatabase();
    expect((await runCli('migrate', [], database.env)).code).toBe(0);
    const before = await client.query(
      'select id, hash, created_at from drizzle.__drizzle_migrations order by id',
    );
    const kit = await drizzleKitMigrate(database.env);
    expect(kit.code).toBe(0);
    const after = await client.query(
      'select id, hash, created_at from drizzle.__drizzle_migrations order by id',
    );
    expect(after.rows).toEqual(before.rows);
  }, 60_000);

  test('our runner finds every checksum valid on a database drizzle-kit migrated', async () => {
    const { database } = await serverDatabase();
    const kit = await drizzleKitMigrate(database.env);
    expect(kit.code).toBe(0);
    const session = await database.session();
    cleanups.push(() => session.close());
    const report = await migrationStatus(
      session,
      loadMigrations(resolve(packageDir, 'migrations')),
    );
    expect(report.problems).toBe(false);
    expect(report.migrations.every((m) => m.state === 'applied')).toBe(true);
    const run = await runCli('migrate', [], database.env);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('nothing to apply: the database is up to date');
  }, 60_000);
});
