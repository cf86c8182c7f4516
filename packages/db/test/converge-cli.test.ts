/**
 * The commands as an operator runs them, on the reference database carrying the original's 6
 * Drizzle journal rows (test/fixtures/fluxcore-2026-02.journal.tsv), on both databases:
 * status, migrate and baseline name the earlier history; db:converge --plan exits 0, 1 on a
 * refusal, 2 when it cannot run; --yes adopts the history and a second run does nothing.
 */

import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  createReferenceDatabase,
  databaseKinds,
  generateReferenceData,
  projectMigrations,
  projectTarget,
  type ReferenceDatabase,
} from '@fluxcore/db/testing';
import { knownLineages } from '../src/migrator/lineages.ts';
import { fingerprint } from './support/fingerprint.ts';
import { copyProjectMigrations, runCli, runDrizzleKit, runProcess } from './support/migrations.ts';

const journal = readFileSync(
  resolve(import.meta.dir, 'fixtures/fluxcore-2026-02.journal.tsv'),
  'utf8',
)
  .trim()
  .split('\n')
  .slice(1)
  .map((line) => {
    const [idx = '', tag = '', when = '', hash = ''] = line.split('\t');
    return { idx: Number(idx), tag, when: Number(when), hash };
  });

const cliEntry = resolve(import.meta.dir, '../src/cli/main.ts');

test('the package knows the original history by the rows its journal wrote', () => {
  expect(journal).toHaveLength(6);
  const [lineage] = knownLineages;
  expect(lineage?.entries.map(({ tag, when, hash }) => ({ tag, when, hash }))).toEqual(
    journal.map(({ tag, when, hash }) => ({ tag, when, hash })),
  );
});

test('the target converge brings a database to is the schema: drizzle-kit generate finds nothing', async () => {
  // converge requires the catalog to equal the last snapshot; this shows the snapshot is the
  // schema, on a copy of the folder so nothing is ever written into the real one.
  const copy = copyProjectMigrations();
  try {
    const before = readdirSync(copy, { recursive: true }).map(String).sort();
    const run = await runDrizzleKit(['generate'], {
      FLUXCORE_MIGRATIONS_DIR: copy,
      DATABASE_URL: '',
    });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('No schema changes, nothing to migrate');
    expect(readdirSync(copy, { recursive: true }).map(String).sort()).toEqual(before);
  } finally {
    rmSync(copy, { recursive: true, force: true });
  }
});

describe.each(databaseKinds)('db:converge as a command, with the original journal (%s)', (kind) => {
  let ref: ReferenceDatabase;
  let env: Record<string, string>;
  let rowsBefore: Map<string, number>;
  beforeAll(async () => {
    ref = await createReferenceDatabase(kind, { onDisk: true });
    env = ref.database.env;
    const target = await projectTarget(ref.database.config);
    await generateReferenceData(ref.session, target);
    // What drizzle-orm's migrate() left in the original database.
    await ref.session.exec(`create schema drizzle;
      create table drizzle.__drizzle_migrations (id serial primary key, hash text not null, created_at bigint)`);
    for (const row of journal)
      await ref.session.query(
        'insert into drizzle.__drizzle_migrations (hash, created_at) values ($1, $2)',
        [row.hash, row.when],
      );
    rowsBefore = (await fingerprint(ref.session)).rows;
    await ref.release();
  }, 600_000);
  afterAll(() => ref?.close());

  const cli = async (name: string, args: string[] = []) => {
    await ref.release();
    return runCli(name, args, env);
  };

  test('status, migrate and baseline name the earlier history and point to db:converge --plan', async () => {
    const status = await cli('status');
    expect(status.code).toBe(1);
    expect(status.stdout).toContain('an earlier history this package adopts');
    expect(status.stdout).toContain('db:converge --plan');
    expect(status.stdout).not.toContain('pending');
    expect(status.stdout).not.toContain('UNKNOWN');
    for (const command of ['migrate', 'baseline']) {
      const run = await cli(command);
      expect(run.code).toBe(1);
      expect(run.stderr.trim().split('\n')).toHaveLength(1);
      expect(run.stderr).toStartWith(
        'error: this database carries 6 journal row(s) of the original FluxCore package',
      );
      expect(run.stderr).toContain('Run bun run db:converge --plan');
    }
  });

  // Each db:converge run replays the migrations into a scratch database and plans some 1,000
  // steps: the plan that applies is read once, with --drop (the assertions on the plan alone
  // hold for it too); the ambiguous short --drop name is converge-refusals.test.ts's.
  test('--plan prints the SQL with each check as a comment and exits 0; a refusal exits 1; a bad --drop exits 2', async () => {
    await ref.session.exec(`create function public.fixture_reads_token() returns trigger language plpgsql as $$
      begin perform new.token; return new; end $$;
      create trigger fixture_reads_token before insert on password_reset_tokens for each row execute function public.fixture_reads_token()`);
    try {
      const refused = await cli('converge', ['--plan']);
      expect(refused.code).toBe(1);
      expect(refused.stdout).toMatch(/^-- 1 check refused/m);
      expect(refused.stdout).toContain('REFUSED: password_reset_tokens.token');
      expect(refused.stderr.trim().split('\n')).toHaveLength(1);
      // Full names drop both the trigger and its function: the plan applies.
      const plan = await cli('converge', [
        '--plan',
        '--drop',
        'public.fixture_reads_token()',
        '--drop',
        'password_reset_tokens.fixture_reads_token',
      ]);
      expect(plan.code).toBe(0);
      expect(plan.stdout).toContain('-- DROPPED by --drop');
      expect(plan.stdout).toContain('-- situation: this database carries 6 journal row(s)');
      expect(plan.stdout).toMatch(/^begin;$/m);
      expect(plan.stdout).toMatch(/^commit;$/m);
      expect(plan.stdout).toMatch(/^-- {3}check ok: /m);
      expect(plan.stdout).toContain('-- move 6 journal rows of fluxcore-2026-02');
      expect(plan.stdout).toContain(`-- record ${projectMigrations.length} migrations`);
      expect(plan.stdout).toContain('the plan can apply');
    } finally {
      await ref.session.exec(
        'drop trigger fixture_reads_token on password_reset_tokens; drop function public.fixture_reads_token()',
      );
    }

    const unknown = await cli('converge', ['--plan', '--drop', 'no_such_table']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toBe(
      'error: --drop no_such_table: no object of that name is kept by the plan (only what the schema does not declare can be dropped). Run db:converge --plan to list what is kept, and pass one of those names\n',
    );
  }, 180_000);

  test('--yes converges, keeps the journal rows as adopted history, and a second run does nothing', async () => {
    const applied = await cli('converge', ['--yes']);
    expect(applied.stderr).toBe('');
    expect(applied.code).toBe(0);
    expect(applied.stdout).toMatch(/^converged: \d+ steps in one transaction$/m);
    expect(applied.stdout).toMatch(/^phase create: \d+ step\(s\) \(step \d+ of \d+\)$/m);
    expect(applied.stdout).toContain('kept 6 journal rows of fluxcore-2026-02 as adopted history');

    const adopted = await ref.session.query<{ tag: string; hash: string; created_at: string }>(
      'select tag, hash, created_at from drizzle.fluxcore_adopted_history order by created_at',
    );
    expect(adopted.map((r) => ({ tag: r.tag, hash: r.hash, when: Number(r.created_at) }))).toEqual(
      journal.map(({ tag, hash, when }) => ({ tag, hash, when })),
    );
    const recorded = await ref.session.query<{ created_at: string }>(
      'select created_at from drizzle.__drizzle_migrations order by id',
    );
    expect(recorded.map((r) => Number(r.created_at))).toEqual(projectMigrations.map((m) => m.when));
    const rowsAfter = (await fingerprint(ref.session)).rows;
    for (const [table, rows] of rowsBefore)
      if (table !== 'credits_policies')
        expect([table, rowsAfter.get(table)]).toEqual([table, rows]);

    const status = await cli('status');
    expect(status.code).toBe(0);
    expect(status.stdout).toContain(
      `${projectMigrations.length} applied, 0 pending, 0 edited, 0 skipped, 0 unknown`,
    );
    expect(status.stdout).toContain('adopted history: 6 journal row(s) of fluxcore-2026-02');

    await ref.release();
    const audit = await runProcess(['bun', 'run', cliEntry, 'audit'], env);
    expect(audit.code).toBe(0);
    expect(audit.stdout).toMatch(/ 0 difference\(s\)$/m);

    const again = await cli('converge', ['--yes']);
    expect(again.code).toBe(0);
    expect(again.stdout).toStartWith('nothing to converge');
  }, 180_000);
});
