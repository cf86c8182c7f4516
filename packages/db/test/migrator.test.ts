import { afterEach, describe, expect, test } from 'bun:test';
import { appendFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import {
  createTestDatabase,
  databaseKinds,
  projectMigrations,
  type TestDatabase,
} from '@fluxcore/db/testing';
import { introspectCatalog } from '../src/catalog/introspect.ts';
import type { SqlSession } from '../src/connection/client.ts';
import { FluxDbError } from '../src/errors/flux-db-error.ts';
import { migrate } from '../src/migrator/apply.ts';
import { loadMigrations, sha256 } from '../src/migrator/journal.ts';
import { migrationStatus } from '../src/migrator/status.ts';
import { copyProjectMigrations, runCli, writeMigrationFolder } from './support/migrations.ts';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function freshDatabase(kind: TestDatabase['kind'], options: { onDisk?: boolean } = {}) {
  const database = await createTestDatabase(kind, options);
  cleanups.push(() => database.drop());
  const session = await database.session();
  cleanups.push(() => session.close());
  return { database, session };
}

function folder(migrations: { tag: string; sql: string }[]) {
  const dir = writeMigrationFolder(migrations);
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

async function tableExists(session: SqlSession, name: string): Promise<boolean> {
  const rows = await session.query<{ present: boolean }>(
    'select to_regclass($1) is not null as present',
    [`public.${name}`],
  );
  return rows[0]?.present === true;
}

async function journalRows(session: SqlSession) {
  return session.query<{ hash: string; created_at: string }>(
    'select hash, created_at from drizzle.__drizzle_migrations order by id',
  );
}

describe.each(databaseKinds)('the migration runner on the %s database', (kind) => {
  test('applies every migration once, recording exactly what Drizzle records', async () => {
    const { session } = await freshDatabase(kind);
    const lines: string[] = [];
    const first = await migrate(session, projectMigrations, { log: (line) => lines.push(line) });
    expect(first.applied.map((step) => step.tag)).toEqual(projectMigrations.map((m) => m.tag));
    expect(lines[0]).toMatch(/^applied 0000_strong_proudstar \(\d+ ms\)$/);
    const rows = await journalRows(session);
    expect(rows.map((row) => [row.hash, Number(row.created_at)])).toEqual(
      projectMigrations.map((m) => [m.hash, m.when]),
    );
    const side = await session.query<{ tag: string; method: string }>(
      'select tag, method from drizzle.fluxcore_migrations order by created_at',
    );
    expect(side.map((row) => row.tag)).toEqual(projectMigrations.map((m) => m.tag));
    expect(new Set(side.map((row) => row.method))).toEqual(new Set(['migrate']));
    const second = await migrate(session, projectMigrations);
    expect(second.applied).toEqual([]);
    expect(await journalRows(session)).toHaveLength(projectMigrations.length);
  });

  test('--to stops after the named migration, and --dry-run changes nothing', async () => {
    const { session } = await freshDatabase(kind);
    await migrate(session, projectMigrations, { to: '0001_material_killer_shrike' });
    expect(await tableExists(session, 'messages')).toBe(true);
    expect(await tableExists(session, 'automation_rules')).toBe(false);
    const printed: string[] = [];
    const dry = await migrate(session, projectMigrations, {
      dryRun: true,
      to: '0005',
      log: (l) => printed.push(l),
    });
    expect(dry.planned.map((m) => m.tag)).toEqual(projectMigrations.slice(2, 6).map((m) => m.tag));
    expect(printed.join('\n')).toContain('CREATE TABLE "automation_rules"');
    expect(await tableExists(session, 'automation_rules')).toBe(false);
    expect(await journalRows(session)).toHaveLength(2);
  });

  test('--to a migration already applied applies nothing and names what is still pending', async () => {
    const { session } = await freshDatabase(kind);
    const first = await migrate(session, projectMigrations, { to: '0002' });
    expect(first.applied.map((step) => step.tag)).toEqual(
      projectMigrations.slice(0, 3).map((m) => m.tag),
    );
    const again = await migrate(session, projectMigrations, { to: '0001' });
    expect(again.applied).toEqual([]);
    expect(again.target).toBe('0001_material_killer_shrike');
    // Past 0001: 0002 is applied, everything after it is still pending.
    expect(again.pendingAfter).toEqual(projectMigrations.slice(3).map((m) => m.tag));
    expect(await journalRows(session)).toHaveLength(3);
  });

  test('an unknown --to names the problem', async () => {
    const { session } = await freshDatabase(kind);
    const error = await migrate(session, projectMigrations, { to: '9999_nope' }).catch((e) => e);
    expect(error).toBeInstanceOf(FluxDbError);
    expect((error as FluxDbError).message).toContain('no migration named "9999_nope"');
  });

  test('an edited applied migration is reported by status and refused by migrate', async () => {
    const { session } = await freshDatabase(kind);
    const dir = copyProjectMigrations();
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    await migrate(session, loadMigrations(dir), { to: '0004_account_alias' });
    appendFileSync(join(dir, '0002_message_status.sql'), '\n-- a harmless-looking edit\n');
    const edited = loadMigrations(dir);
    const report = await migrationStatus(session, edited);
    expect(report.problems).toBe(true);
    expect(report.migrations.find((m) => m.tag === '0002_message_status')?.state).toBe('edited');
    expect(report.migrations.filter((m) => m.state === 'pending')).toHaveLength(edited.length - 5);
    const error = await migrate(session, edited).catch((e) => e);
    expect(error).toBeInstanceOf(FluxDbError);
    expect((error as FluxDbError).code).toBe('MIGRATION_EDITED');
    expect((error as FluxDbError).message).toContain('0002_message_status.sql');
    expect(await tableExists(session, 'automation_rules')).toBe(false);
  });

  test('a failing statement rolls back only its own migration', async () => {
    const { session } = await freshDatabase(kind);
    const dir = folder([
      { tag: '0000_first', sql: 'create table first_ok (id int);' },
      {
        tag: '0001_broken',
        sql: 'create table half_done (id int);\n--> statement-breakpoint\ninsert into no_such_table values (1);',
      },
      { tag: '0002_after', sql: 'create table never_reached (id int);' },
    ]);
    const error = await migrate(session, loadMigrations(dir)).catch((e) => e);
    expect(error).toBeInstanceOf(FluxDbError);
    expect((error as FluxDbError).code).toBe('MIGRATION_FAILED');
    expect((error as FluxDbError).message).toContain(
      'migration 0001_broken failed at statement 2 of 2',
    );
    expect((error as FluxDbError).message).toContain('insert into no_such_table values (1)');
    expect(await tableExists(session, 'first_ok')).toBe(true);
    expect(await tableExists(session, 'half_done')).toBe(false);
    expect(await tableExists(session, 'never_reached')).toBe(false);
    expect(await journalRows(session)).toHaveLength(1);
  });

  test('rows this folder does not know are reported and refused', async () => {
    const { session } = await freshDatabase(kind);
    const dir = folder([{ tag: '0000_first', sql: 'create table first_ok (id int);' }]);
    await migrate(session, loadMigrations(dir));
    await session.query(
      'insert into drizzle.__drizzle_migrations (hash, created_at) values ($1, $2)',
      [sha256('from the future'), 9_999_999_999_999],
    );
    const report = await migrationStatus(session, loadMigrations(dir));
    expect(report.unknown).toHaveLength(1);
    expect(report.problems).toBe(true);
    const error = await migrate(session, loadMigrations(dir)).catch((e) => e);
    expect((error as FluxDbError).code).toBe('MIGRATION_UNKNOWN');
  });

  test('a missing extension stops the migration with a message naming it', async () => {
    const { session } = await freshDatabase(kind);
    const dir = folder([
      {
        tag: '0000_needs_extension',
        sql: 'create extension if not exists fluxcore_not_installed;',
      },
    ]);
    const error = await migrate(session, loadMigrations(dir)).catch((e) => e);
    expect((error as FluxDbError).code).toBe('EXTENSION_MISSING');
    expect((error as FluxDbError).message).toContain('"fluxcore_not_installed"');
    expect(await journalRows(session)).toHaveLength(0);
  });

  test('a marked migration runs outside a transaction and its concurrent index is checked', async () => {
    const { session } = await freshDatabase(kind);
    const dir = folder([
      { tag: '0000_table', sql: 'create table items (id int, code text);' },
      {
        tag: '0001_concurrent_index',
        sql: '-- fluxcore:no-transaction\ncreate index concurrently items_code_idx on items (code);',
      },
    ]);
    await migrate(session, loadMigrations(dir));
    const catalog = await introspectCatalog(session);
    expect(catalog.get('index:items.items_code_idx')?.definition).not.toContain('INVALID');
    expect(await journalRows(session)).toHaveLength(2);
  });
});

describe.each(databaseKinds)('the migrate and status commands on the %s database', (kind) => {
  test('migrate prints one line per step, status lists every migration and exits 0', async () => {
    const database2 = await createTestDatabase(kind, { onDisk: true });
    cleanups.push(() => database2.drop());
    const migrated = await runCli('migrate', ['--to', '0002'], database2.env);
    // A new embedded folder is announced once, on stderr, before PGlite creates it.
    expect(migrated.stderr).toBe(
      database2.config.kind === 'embedded'
        ? `creating the embedded database in ${database2.config.dataDir}/ (first run, a few seconds)\n`
        : '',
    );
    expect(migrated.code).toBe(0);
    expect(migrated.stdout).toMatch(
      /applied 0000_strong_proudstar \(\d+ ms\)\napplied 0001_material_killer_shrike \(\d+ ms\)\napplied 0002_message_status \(\d+ ms\)\n3 migration\(s\) applied in \d+ ms/,
    );
    const status = await runCli('status', [], database2.env);
    expect(status.code).toBe(0);
    expect(status.stdout).toContain('✓ 0002_message_status  applied');
    expect(status.stdout).toContain('· 0003_actor_model  pending');
    const json = await runCli('status', ['--json'], database2.env);
    const report = JSON.parse(json.stdout) as {
      migrations: { state: string }[];
      problems: boolean;
    };
    expect(report.problems).toBe(false);
    expect(report.migrations.filter((m) => m.state === 'applied')).toHaveLength(3);
    // Run again, --to names a migration already applied: not "up to date", later ones pend.
    const again = await runCli('migrate', ['--to', '0002'], database2.env);
    expect(again.code).toBe(0);
    expect(again.stdout).toBe(
      `nothing to apply: the database is already at or past 0002_message_status; ${projectMigrations.length - 3} later migration(s) pending (bun run db:migrate applies them)\n`,
    );
  });

  test('status exits 1 and names an edited migration', async () => {
    const database = await createTestDatabase(kind, { onDisk: true });
    cleanups.push(() => database.drop());
    const dir = copyProjectMigrations();
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const env = { ...database.env, FLUXCORE_MIGRATIONS_DIR: dir };
    expect((await runCli('migrate', ['--to', '0001'], env)).code).toBe(0);
    appendFileSync(join(dir, '0001_material_killer_shrike.sql'), '\n');
    const status = await runCli('status', [], env);
    expect(status.code).toBe(1);
    expect(status.stdout).toContain('✗ 0001_material_killer_shrike  EDITED after applying');
    const refused = await runCli('migrate', [], env);
    expect(refused.code).toBe(1);
    expect(refused.stderr.trim().split('\n')).toHaveLength(1);
    expect(refused.stderr).toContain('0001_material_killer_shrike.sql');
  });
});
