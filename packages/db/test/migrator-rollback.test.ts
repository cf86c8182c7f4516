import { afterEach, describe, expect, test } from 'bun:test';
import { appendFileSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import {
  createTestDatabase,
  databaseKinds,
  projectMigrations,
  type TestDatabase,
} from '@fluxcore/db/testing';
import { type Catalog, elementKey, introspectCatalog } from '../src/catalog/introspect.ts';
import type { SqlSession } from '../src/connection/client.ts';
import { FluxDbError } from '../src/errors/flux-db-error.ts';
import { migrate } from '../src/migrator/apply.ts';
import { loadMigrations, sha256 } from '../src/migrator/journal.ts';
import { acquireMigrationLock, releaseMigrationLock } from '../src/migrator/lock.ts';
import { rollback } from '../src/migrator/rollback.ts';
import { copyProjectMigrations, runCli } from './support/migrations.ts';

/** What a test made: closed, dropped and removed after it, sessions first. */
const made = {
  sessions: [] as SqlSession[],
  databases: [] as TestDatabase[],
  folders: [] as string[],
};
afterEach(async () => {
  for (const session of made.sessions.splice(0)) await session.close();
  for (const database of made.databases.splice(0)) await database.drop();
  for (const folder of made.folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

/**
 * A new database, migrated to `migratedTo` (a copy of a database migrated so once per run:
 * each test runs only the migrations and rollbacks it is about).
 */
async function freshDatabase(
  kind: TestDatabase['kind'],
  options: { onDisk?: boolean; migratedTo?: string } = {},
) {
  const database = await createTestDatabase(kind, options);
  made.databases.push(database);
  const session = await database.session();
  made.sessions.push(session);
  return { database, session };
}

function migrationsCopy(): string {
  const dir = copyProjectMigrations();
  made.folders.push(dir);
  return dir;
}

/** A catalog as sorted lines, so a difference reads as a diff. */
function lines(catalog: Catalog): string[] {
  return [...catalog.values()].map((e) => `${elementKey(e)} = ${e.definition}`).sort();
}

async function journalCount(session: SqlSession): Promise<number> {
  const rows = await session.query<{ n: number }>(
    'select count(*)::int as n from drizzle.__drizzle_migrations',
  );
  return rows[0]?.n ?? -1;
}

async function columnExists(session: SqlSession, table: string, column: string): Promise<boolean> {
  const rows = await session.query<{ present: boolean }>(
    `select exists (select 1 from information_schema.columns where table_schema = 'public' and table_name = $1 and column_name = $2) as present`,
    [table, column],
  );
  return rows[0]?.present === true;
}

async function tableExists(session: SqlSession, name: string): Promise<boolean> {
  const rows = await session.query<{ present: boolean }>(
    'select to_regclass($1) is not null as present',
    [`public.${name}`],
  );
  return rows[0]?.present === true;
}

/** A user, an account with an alias (0004) and a protected account (0024) pointing at it. */
async function insertProtectedAccount(session: SqlSession): Promise<void> {
  await session.exec(`
    insert into users (id, email, password_hash, name)
      values ('00000000-0000-4000-8000-000000000001', 'owner@example.test', 'x', 'Owner');
    insert into accounts (id, owner_user_id, username, display_name, alias)
      values ('00000000-0000-4000-8000-000000000002', '00000000-0000-4000-8000-000000000001',
              'owner', 'Owner', 'the owner');
    insert into protected_accounts (account_id, reason)
      values ('00000000-0000-4000-8000-000000000002', 'a test');
  `);
}

describe.each(databaseKinds)('db:rollback on the %s database', (kind) => {
  test('rolls back one migration at a time to empty, each step leaving the schema of the migration before it', async () => {
    // Every down file runs here, once per kind; the other tests roll back a few migrations.
    const { session } = await freshDatabase(kind, { migratedTo: 'all' });
    const recorded = await session.query<{ tag: string; down_hash: string }>(
      'select tag, down_hash from drizzle.fluxcore_migrations order by created_at',
    );
    expect(recorded.map((row) => row.down_hash)).toEqual(
      projectMigrations.map((m) => sha256(readFileSync(m.downPath, 'utf8'))),
    );
    // The schema after each migration: after[n] once n migrations are applied.
    const after: string[][] = [];
    after[projectMigrations.length] = lines(await introspectCatalog(session));
    for (let step = projectMigrations.length - 1; step >= 0; step -= 1) {
      const result = await rollback(session, projectMigrations);
      expect(result.reverted.map((r) => r.tag)).toEqual([projectMigrations[step]?.tag ?? '']);
      after[step] = lines(await introspectCatalog(session));
      expect(await journalCount(session)).toBe(step);
    }
    expect(after[0]).toEqual([]);
    const nothing = await rollback(session, projectMigrations);
    expect(nothing.planned).toEqual([]);

    // Migrated forward again one step at a time, as db:migrate --to does: each schema is the one
    // the rollback left at that step, up to the one the migrated database started with.
    for (const [index, migration] of projectMigrations.entries()) {
      const again = await migrate(session, projectMigrations, { to: migration.tag });
      expect(again.applied.map((step) => step.tag)).toEqual([migration.tag]);
      expect(lines(await introspectCatalog(session))).toEqual(after[index + 1] ?? []);
    }
    expect(await journalCount(session)).toBe(projectMigrations.length);
  });

  test('a destructive step is refused without --yes, naming the rows it would drop', async () => {
    const { session } = await freshDatabase(kind, { migratedTo: '0024' });
    // Up to 0035: 0036's defaulted columns (accounts.allow_automated_use…) would be named too.
    await migrate(session, projectMigrations, { to: '0035' });
    await insertProtectedAccount(session);
    const error = await rollback(session, projectMigrations, { to: '0003' }).catch((e) => e);
    expect(error).toBeInstanceOf(FluxDbError);
    expect((error as FluxDbError).code).toBe('ROLLBACK_REFUSED');
    expect((error as FluxDbError).toLine()).toBe(
      'rolling back would drop data: table protected_accounts (1 row) in 0024_protected_accounts, column accounts.alias (1 non-null value) in 0004_account_alias. Back up what you need, then run again with --yes to accept the loss (--dry-run shows the SQL)',
    );
    expect(await journalCount(session)).toBe(36);
    expect(await tableExists(session, 'protected_accounts')).toBe(true);

    const printed: string[] = [];
    const dry = await rollback(session, projectMigrations, {
      to: '0003',
      dryRun: true,
      log: (line) => printed.push(line),
    });
    expect(dry.planned.map((s) => s.migration.tag)).toEqual(
      projectMigrations
        .slice(4, 36)
        .map((m) => m.tag)
        .reverse(),
    );
    expect(printed).toContain('-- would drop table protected_accounts (1 row)');
    expect(printed).toContain('-- would drop table automation_rules (0 rows)');
    expect(printed.join('\n')).toContain('DROP TABLE "protected_accounts" CASCADE;');
    expect(await journalCount(session)).toBe(36);

    const done = await rollback(session, projectMigrations, { to: '0003', yes: true });
    expect(done.reverted).toHaveLength(36 - 4);
    expect(await tableExists(session, 'protected_accounts')).toBe(false);
    const columns = await session.query<{ name: string }>(
      `select column_name as name from information_schema.columns
       where table_schema = 'public' and table_name = 'accounts' and column_name = 'alias'`,
    );
    expect(columns).toEqual([]);
    expect(await journalCount(session)).toBe(4);
  });

  test('the data migration down removes exactly the rows it inserted', async () => {
    const { session } = await freshDatabase(kind, { migratedTo: '0024' });
    // Up to the seed (0025): its down is the newest one then.
    await migrate(session, projectMigrations, { to: '0025' });
    await session.exec(`insert into credits_policies
      (feature_key, engine, model, cost_credits, token_budget, duration_hours)
      values ('ai.session', 'openai_chat', 'gpt-4o', 2, 1000, 1)`);
    const done = await rollback(session, projectMigrations, { to: '0024' });
    expect(done.reverted.map((r) => r.tag)).toContain('0025_credits_policies_seed');
    const left = await session.query<{ model: string }>(
      'select model from credits_policies order by model',
    );
    expect(left.map((row) => row.model)).toEqual(['gpt-4o']);
  });

  test('a seeded row an operator changed counts as data the rollback would drop', async () => {
    const { session } = await freshDatabase(kind, { migratedTo: 'all' });
    await session.exec(
      `update credits_policies set cost_credits = 5 where model = 'gpt-4o-mini-2024-07-18'`,
    );
    const policies = () =>
      session.query<{ model: string; cost: number }>(
        'select model, cost_credits as cost from credits_policies order by model',
      );
    const before = await policies();
    const refused = await rollback(session, projectMigrations, { to: '0024' }).catch((e) => e);
    expect(refused).toBeInstanceOf(FluxDbError);
    expect((refused as FluxDbError).toLine()).toBe(
      'rolling back would drop data: table credits_policies (1 row changed since the migration inserted it) in 0025_credits_policies_seed. Back up what you need, then run again with --yes to accept the loss (--dry-run shows the SQL)',
    );
    expect(await policies()).toEqual(before);
    expect(await journalCount(session)).toBe(projectMigrations.length);
    const printed: string[] = [];
    await rollback(session, projectMigrations, {
      to: '0024',
      dryRun: true,
      log: (line) => printed.push(line),
    });
    expect(printed).toContain(
      '-- would drop table credits_policies (1 row changed since the migration inserted it)',
    );
    expect(await policies()).toEqual(before);
    await rollback(session, projectMigrations, { to: '0024', yes: true });
    expect(await policies()).toEqual([]);
  });

  test('an edited or missing down file is refused; an unrecorded checksum runs with a note', async () => {
    const { session } = await freshDatabase(kind, { migratedTo: '0004' });
    const dir = migrationsCopy();
    const downPath = join(dir, '0004_account_alias.down.sql');
    const original = readFileSync(downPath, 'utf8');

    appendFileSync(downPath, '\n-- an edit after applying\n');
    const edited = await rollback(session, loadMigrations(dir)).catch((e) => e);
    expect((edited as FluxDbError).code).toBe('DOWN_EDITED');
    expect((edited as FluxDbError).message).toContain(`${downPath} was edited after`);

    rmSync(downPath);
    const missing = await rollback(session, loadMigrations(dir)).catch((e) => e);
    expect((missing as FluxDbError).code).toBe('DOWN_MISSING');
    expect((missing as FluxDbError).message).toBe(
      `0004_account_alias has no down file (${downPath}), so it cannot be rolled back`,
    );
    expect(await journalCount(session)).toBe(5);

    // As after drizzle-kit migrate: no checksum recorded, so the file is accepted as it is.
    appendFileSync(downPath, original);
    await session.exec('update drizzle.fluxcore_migrations set down_hash = null');
    const notes: string[] = [];
    const result = await rollback(session, loadMigrations(dir), { log: (l) => notes.push(l) });
    expect(result.reverted.map((r) => r.tag)).toEqual(['0004_account_alias']);
    expect(notes[0]).toBe(
      `note: no checksum was recorded for ${downPath} (0004_account_alias was applied while this down file did not exist yet): it runs unverified`,
    );
  });

  test('a migration with no record of ours was applied by other code: the note says so', async () => {
    const { session } = await freshDatabase(kind, { migratedTo: '0002' });
    await session.exec(`delete from drizzle.fluxcore_migrations where tag = '0002_message_status'`);
    const notes: string[] = [];
    const dry = await rollback(session, projectMigrations, {
      dryRun: true,
      log: (l) => notes.push(l),
    });
    expect(dry.planned.map((s) => s.migration.tag)).toEqual(['0002_message_status']);
    expect(notes[0]).toEndWith(
      '(0002_message_status was applied by other code than db:migrate, such as drizzle-kit migrate): it runs unverified',
    );
  });

  test('an edited own migration: migrate names the way out, rollback reverts it with the down file it was applied with', async () => {
    const { session } = await freshDatabase(kind, { migratedTo: '0004' });
    const dir = migrationsCopy();
    const sqlPath = join(dir, '0004_account_alias.sql');
    appendFileSync(
      sqlPath,
      '\n--> statement-breakpoint\nCREATE TABLE "alias_notes" ("id" integer);',
    );
    const edited = loadMigrations(dir);

    const refused = await migrate(session, edited).catch((e) => e);
    expect((refused as FluxDbError).code).toBe('MIGRATION_EDITED');
    expect((refused as FluxDbError).hint).toBe(
      'If it is released, restore the file as it was applied (git checkout -- <file>) and put the change in a new migration. If it is your own and not yet released (git cannot restore an untracked file), revert it with the down file it was applied with (bun run db:rollback --to 0003_actor_model), then regenerate it (remove its files and its meta/_journal.json entry, then bun run db:generate) and run bun run db:migrate',
    );
    expect(await journalCount(session)).toBe(5);

    const notes: string[] = [];
    const result = await rollback(session, edited, {
      to: '0003_actor_model',
      log: (l) => notes.push(l),
    });
    expect(result.reverted.map((r) => r.tag)).toEqual(['0004_account_alias']);
    expect(notes).toContain(
      `note: ${sqlPath} was edited after it was applied; ${join(dir, '0004_account_alias.down.sql')} reverts what was applied`,
    );
    expect(await journalCount(session)).toBe(4);
    expect(await columnExists(session, 'accounts', 'alias')).toBe(false);

    // Now pending again, the file as it is now applies.
    await migrate(session, edited, { to: '0004' });
    expect(await journalCount(session)).toBe(5);
    expect(await columnExists(session, 'accounts', 'alias')).toBe(true);
    expect(await tableExists(session, 'alias_notes')).toBe(true);
  });

  test('an edited migration that a rollback would keep is still refused, and nothing changes', async () => {
    const { session } = await freshDatabase(kind, { migratedTo: '0004' });
    const dir = migrationsCopy();
    appendFileSync(join(dir, '0002_message_status.sql'), '\n-- an edit after applying\n');
    const refused = await rollback(session, loadMigrations(dir)).catch((e) => e);
    expect((refused as FluxDbError).code).toBe('MIGRATION_EDITED');
    expect((refused as FluxDbError).message).toContain('0002_message_status.sql');
    expect((refused as FluxDbError).hint).toContain(
      'bun run db:rollback --to 0001_material_killer_shrike',
    );
    expect(await journalCount(session)).toBe(5);
    expect(await columnExists(session, 'accounts', 'alias')).toBe(true);
  });

  test('a database migrated before down checksums existed gets the column on the next run', async () => {
    const { session } = await freshDatabase(kind, { migratedTo: '0002' });
    await session.exec('alter table drizzle.fluxcore_migrations drop column down_hash');
    const notes: string[] = [];
    const dry = await rollback(session, projectMigrations, {
      dryRun: true,
      log: (l) => notes.push(l),
    });
    expect(dry.planned.map((s) => s.migration.tag)).toEqual(['0002_message_status']);
    expect(notes[0]).toStartWith('note: no checksum was recorded for');
    await migrate(session, projectMigrations, { to: '0003' });
    const rows = await session.query<{ tag: string; down_hash: string | null }>(
      'select tag, down_hash from drizzle.fluxcore_migrations order by created_at',
    );
    expect(rows.map((row) => row.down_hash === null)).toEqual([true, true, true, false]);
  });

  test('a down file that fails is found before anything is reverted', async () => {
    const { session } = await freshDatabase(kind);
    const dir = migrationsCopy();
    appendFileSync(
      join(dir, '0003_actor_model.down.sql'),
      '\n--> statement-breakpoint\nDROP TABLE "no_such_table";\n',
    );
    await migrate(session, loadMigrations(dir), { to: '0004' });
    const error = await rollback(session, loadMigrations(dir), { to: '0002' }).catch((e) => e);
    expect((error as FluxDbError).code).toBe('ROLLBACK_FAILED');
    expect((error as FluxDbError).toLine()).toStartWith(
      `rolling back 0003_actor_model would fail at statement 9 of 9 of ${join(dir, '0003_actor_model.down.sql')} (DROP TABLE "no_such_table";): `,
    );
    expect((error as FluxDbError).toLine()).toEndWith(
      '. Nothing was changed; fix the down file or the database, then run db:rollback again',
    );
    expect(await journalCount(session)).toBe(5);
    expect(await tableExists(session, 'actors')).toBe(true);
    const alias = await session.query(
      `select 1 from information_schema.columns where table_name = 'accounts' and column_name = 'alias'`,
    );
    expect(alias).toHaveLength(1);
  });

  test('the command prints the refusal as one line and exits 1; --dry-run changes nothing', async () => {
    const { database, session } = await freshDatabase(kind, { onDisk: true, migratedTo: '0024' });
    await insertProtectedAccount(session);
    await database.release();
    const refused = await runCli('rollback', [], database.env);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toBe(
      'error: rolling back would drop data: table protected_accounts (1 row) in 0024_protected_accounts. Back up what you need, then run again with --yes to accept the loss (--dry-run shows the SQL)\n',
    );
    const dry = await runCli('rollback', ['--dry-run'], database.env);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain('-- would drop table protected_accounts (1 row)');
    expect(dry.stdout).toContain('1 migration(s) would be reverted (dry run: nothing changed)');
    const done = await runCli('rollback', ['--yes'], database.env);
    expect(done.stdout).toContain('reverted 0024_protected_accounts');
    const after = await database.session();
    made.sessions.push(after);
    expect(await journalCount(after)).toBe(24);
  });
});

describe.if(databaseKinds.includes('server'))('db:rollback on the server', () => {
  test('waits for the migration lock another runner holds', async () => {
    const { database, session } = await freshDatabase('server', { migratedTo: '0002' });
    const holder = await database.session();
    made.sessions.push(holder);
    await acquireMigrationLock(holder, { timeoutMs: 1000 });
    const error = await rollback(session, projectMigrations, { lockTimeoutMs: 300 }).catch(
      (e) => e,
    );
    expect((error as FluxDbError).code).toBe('LOCK_TIMEOUT');
    await releaseMigrationLock(holder);
    const result = await rollback(session, projectMigrations, { lockTimeoutMs: 300 });
    expect(result.reverted.map((r) => r.tag)).toEqual(['0002_message_status']);
  });
});
