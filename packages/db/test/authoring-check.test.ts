import { afterEach, describe, expect, test } from 'bun:test';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { projectMigrations } from '@fluxcore/db/testing';
import { checkMigrations } from '../src/authoring/check.ts';
import { generateDownSql, writeMissingDownFiles } from '../src/authoring/down.ts';
import { migrationsFolder } from '../src/connection/config.ts';
import { loadMigrations } from '../src/migrator/journal.ts';
import { copyProjectMigrations, runCli } from './support/migrations.ts';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

function migrationsCopy(): string {
  const dir = copyProjectMigrations();
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

function editJson(path: string, edit: (value: Record<string, unknown>) => void): void {
  const value = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
  edit(value);
  writeFileSync(path, JSON.stringify(value, null, 2));
}

/** Removes the last `count` migrations (files, snapshots, journal entries) from a copy. */
function dropLastMigrations(dir: string, count: number): void {
  const removed = projectMigrations.slice(-count);
  for (const migration of removed) {
    rmSync(join(dir, `${migration.tag}.sql`));
    rmSync(join(dir, `${migration.tag}.down.sql`));
    rmSync(join(dir, 'meta', `${migration.tag.split('_')[0]}_snapshot.json`));
  }
  editJson(join(dir, 'meta', '_journal.json'), (journal) => {
    journal.entries = (journal.entries as { tag: string }[]).filter(
      (entry) => !removed.some((m) => m.tag === entry.tag),
    );
  });
  editJson(join(dir, 'released.json'), (released) => {
    released.lastReleased = projectMigrations.at(-count - 1)?.tag;
  });
}

/** The tables and enums of a migration's snapshot, as text to compare. */
function schemaOf(idx: number): string {
  const path = join(migrationsFolder, 'meta', `${String(idx).padStart(4, '0')}_snapshot.json`);
  const snapshot = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
  // Keys sorted: drizzle-kit writes the same snapshot with its keys in varying order.
  const sorted = (value: unknown): unknown =>
    Array.isArray(value)
      ? value.map(sorted)
      : value && typeof value === 'object'
        ? Object.fromEntries(
            Object.entries(value)
              .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
              .map(([key, inner]) => [key, sorted(inner)]),
          )
        : value;
  return JSON.stringify(sorted([snapshot.tables, snapshot.enums]));
}

/**
 * The newest migration that changes the schema (custom migrations after it, such as a SQL
 * function, leave the snapshot as it was), and how many migrations are dropped to remove it.
 */
const newestSchemaChange = projectMigrations.findLastIndex(
  (migration, i) => i > 0 && schemaOf(migration.idx) !== schemaOf(migration.idx - 1),
);
const schemaTail = projectMigrations.length - newestSchemaChange;
/** The number the newest schema change has, and the one after the newest migration. */
const next = String(newestSchemaChange).padStart(4, '0');
const after = String(projectMigrations.length).padStart(4, '0');

describe('db:check', () => {
  test('passes on the repository as it is', async () => {
    const result = await checkMigrations(migrationsFolder);
    expect(result.problems).toEqual([]);
    expect(result.passed.filter((line) => !line.startsWith('online: '))).toHaveLength(5);
    // The unreleased migrations with long-lock statements, each with its online form.
    expect(
      result.passed
        .filter((line) => line.startsWith('online: '))
        .map((l) => l.split(':')[1]?.trim()),
    ).toEqual([
      '0026_original_columns_and_tables',
      '0027_rag_min_score_numeric',
      '0032_drop_columns_folded_into_original',
      '0036_never_narrower_than_the_original',
      '0041_index_may_foreign_keys',
      '0043_accounts_alias_not_null',
      '0044_protected_accounts_enforced_by_text',
      '0046_chunk_embedding_any_dimension',
      '0052_tenant_column_indexes',
    ]);
  }, 60_000);

  test('fails on a schema change that no migration holds', async () => {
    const dir = migrationsCopy();
    // The newest schema change is generated (no rename, so no question to ask).
    dropLastMigrations(dir, schemaTail);
    const result = await checkMigrations(dir);
    expect(result.problems).toEqual([
      expect.stringMatching(
        new RegExp(
          `^the schema has changes no migration holds: drizzle-kit generate would write ${next}_\\w+\\.sql, meta/${next}_snapshot\\.json, meta/_journal\\.json\\. Run bun run db:generate --name <what changed>$`,
        ),
      ),
    ]);
  }, 60_000);

  test('fails on a missing down file, naming it', async () => {
    const dir = migrationsCopy();
    rmSync(join(dir, '0010_appointments.down.sql'));
    const run = await runCli('check', [], { FLUXCORE_MIGRATIONS_DIR: dir });
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      `error: 0010_appointments has no down file: run bun run db:generate, which writes ${join(dir, '0010_appointments.down.sql')} from the snapshots\n`,
    );
    expect(run.stdout).toContain('db:check failed: 1 problem(s)');
  }, 60_000);

  test('a missing down file db:generate cannot write is named as one to write by hand, as db:generate says', async () => {
    const dir = migrationsCopy();
    const downPath = join(dir, '0025_credits_policies_seed.down.sql');
    rmSync(downPath);
    const check = await runCli('check', [], { FLUXCORE_MIGRATIONS_DIR: dir });
    expect(check.code).toBe(1);
    const reason =
      'it changes no schema (a data or custom migration), so only a person knows its inverse';
    expect(check.stderr).toBe(
      `error: 0025_credits_policies_seed has no down file: write ${downPath} by hand (db:generate cannot: ${reason})\n`,
    );
    const written = await writeMissingDownFiles(dir);
    expect(written.written).toEqual([]);
    expect(written.byHand).toEqual([{ tag: '0025_credits_policies_seed', path: downPath, reason }]);
  }, 60_000);

  test('lints migrations after the last released one with squawk', async () => {
    const dir = migrationsCopy();
    editJson(join(dir, 'released.json'), (released) => {
      released.lastReleased = '0023_media_and_message_assets';
    });
    const result = await checkMigrations(dir);
    expect(result.problems).toEqual([
      'squawk: 0024_protected_accounts.sql:9:0: require-lock-timeout Missing `set lock_timeout` before potentially slow SHARE ROW EXCLUSIVE lock operations',
      'squawk: 0024_protected_accounts.sql:9:0: require-statement-timeout Missing `set statement_timeout` before potentially slow operations',
    ]);
  }, 60_000);
});

describe('db:generate', () => {
  test('writes the down file of a new migration beside it', async () => {
    const dir = migrationsCopy();
    // Without the newest migration (a generated schema change), generate writes it again, and
    // its down file says what the committed one says (which may add lines written by hand).
    const newest = projectMigrations[newestSchemaChange];
    dropLastMigrations(dir, schemaTail);
    const run = await runCli('generate', ['--name', 'newest_again'], {
      FLUXCORE_MIGRATIONS_DIR: dir,
    });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(
      new RegExp(
        `${next}_newest_again\\.down\\.sql \\(\\d+ statement\\(s\\), \\d+ marked destructive\\)`,
      ),
    );
    const committed = readFileSync(newest?.downPath ?? '', 'utf8');
    const statements = readFileSync(join(dir, `${next}_newest_again.down.sql`), 'utf8')
      .split('--> statement-breakpoint')
      .map((chunk) =>
        chunk
          .split('\n')
          .filter((line) => line.trim() !== '' && !line.startsWith('-- '))
          .join('\n'),
      )
      .filter((statement) => statement !== '');
    expect(statements.length).toBeGreaterThan(0);
    for (const statement of statements) expect(committed).toContain(statement);
  }, 60_000);

  test('regenerates the committed down files of schema migrations as they are', async () => {
    for (const tag of [
      '0000_strong_proudstar',
      '0003_actor_model',
      '0018_fluxcore_vector_stores_and_rag',
    ]) {
      const index = projectMigrations.findIndex((m) => m.tag === tag);
      const plan = await generateDownSql(projectMigrations, index);
      expect(plan.kind === 'generated' && plan.sql).toBe(
        readFileSync(projectMigrations[index]?.downPath ?? '', 'utf8'),
      );
    }
    for (const tag of [
      '0025_credits_policies_seed',
      '0026_original_columns_and_tables',
      '0028_credits_policies_ai_session_key',
      '0029_updated_at_and_counter_triggers',
    ]) {
      const plan = await generateDownSql(
        projectMigrations,
        projectMigrations.findIndex((m) => m.tag === tag),
      );
      expect(plan.kind).toBe('by-hand');
    }
  });

  test("a down file changes a policy before it drops a column the policy reads (0059's)", async () => {
    const index = projectMigrations.findIndex((m) => m.tag === '0059_messages_carry_their_tenants');
    const plan = await generateDownSql(projectMigrations, index);
    const statements = plan.kind === 'generated' ? plan.sql.split('--> statement-breakpoint') : [];
    const at = (pattern: RegExp) => statements.findIndex((statement) => pattern.test(statement));
    expect(at(/ALTER POLICY "messages_tenant"/)).toBeGreaterThan(-1);
    expect(at(/ALTER POLICY "messages_tenant"/)).toBeLessThan(at(/DROP COLUMN "tenant_a_id"/));
    // The committed file runs them in that order too (its trigger statements are by hand).
    const committed = readFileSync(projectMigrations[index]?.downPath ?? '', 'utf8');
    expect(committed.indexOf('ALTER POLICY "messages_tenant"')).toBeLessThan(
      committed.indexOf('DROP COLUMN "tenant_a_id"'),
    );
  });

  test('never asks drizzle-kit about a rename: that down file is left to a person, without waiting', async () => {
    const dir = migrationsCopy();
    // A new migration renames a column, as a developer answering drizzle-kit's question would.
    const newest = projectMigrations.at(-1)?.tag.split('_')[0] ?? '';
    const tag = `${after}_rename_reason`;
    const last = JSON.parse(readFileSync(join(dir, 'meta', `${newest}_snapshot.json`), 'utf8'));
    const table = last.tables['public.protected_accounts'];
    table.columns.note = { ...table.columns.reason, name: 'note' };
    delete table.columns.reason;
    writeFileSync(
      join(dir, 'meta', `${after}_snapshot.json`),
      JSON.stringify({ ...last, id: '11111111-1111-4111-8111-111111111111', prevId: last.id }),
    );
    writeFileSync(
      join(dir, `${tag}.sql`),
      'ALTER TABLE "protected_accounts" RENAME COLUMN "reason" TO "note";',
    );
    editJson(join(dir, 'meta', '_journal.json'), (journal) => {
      (journal.entries as unknown[]).push({
        idx: projectMigrations.length,
        version: '7',
        when: 1_900_000_000_000,
        tag,
        breakpoints: true,
      });
    });
    // A child without a terminal, as in CI: a question from drizzle-kit would fail or hang it.
    const down = resolve(import.meta.dir, '../src/authoring/down.ts');
    const child = Bun.spawn(
      [
        'bun',
        '-e',
        `const { writeMissingDownFiles } = await import(${JSON.stringify(down)}); console.log(JSON.stringify(await writeMissingDownFiles(${JSON.stringify(dir)})));`,
      ],
      { stdin: 'ignore', stdout: 'pipe', stderr: 'pipe' },
    );
    const timer = setTimeout(() => child.kill(), 20_000);
    const [stdout, code] = await Promise.all([new Response(child.stdout).text(), child.exited]);
    clearTimeout(timer);
    expect(code).toBe(0);
    const result = JSON.parse(stdout);
    expect(result.written).toEqual([]);
    expect(result.byHand).toEqual([
      {
        tag,
        path: join(dir, `${tag}.down.sql`),
        reason:
          'its inverse would be a rename or a drop-and-create (columns of public.protected_accounts: note dropped and reason created), which drizzle-kit can only ask a person about',
      },
    ]);
    expect(loadMigrations(dir)).toHaveLength(projectMigrations.length + 1);
  }, 30_000);
});
