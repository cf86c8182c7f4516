/**
 * `db:converge --drop TABLE` on both databases: the table is dropped without CASCADE. When a
 * view or another table's foreign key depends on it, and the plan does not drop that too, the
 * plan refuses in one line naming the table, its rows, the dependents and the fix, and nothing
 * changes (catalog dump, row counts and every column's checksum compared). When nothing
 * depends on it, or the plan drops the dependents too, it applies and every other table keeps
 * every row.
 */
import { beforeAll, describe, expect, test } from 'bun:test';
import type { SqlSession } from '../src/connection/client.ts';
import { renderPlan } from '../src/converge/render.ts';
import { databaseKinds } from '../src/testing/index.ts';
import { convergeFixture } from './support/drop-fixture.ts';
import { expectUnchanged, type Fingerprint, fingerprint } from './support/fingerprint.ts';

/** The fingerprint without the named tables. */
function without(print: Fingerprint, tables: string[]) {
  const kept = (name: string) => !tables.some((t) => name === t || name.startsWith(`${t}.`));
  return {
    rows: [...print.rows].filter(([name]) => kept(name)),
    columns: [...print.columns].filter(([name]) => kept(name)),
  };
}

describe.each(databaseKinds)('db:converge --drop TABLE (%s)', (kind) => {
  // What an operator added by hand beside the schema, with rows: a table another table's
  // foreign key references, a table a view reads, and a table nothing depends on.
  const fixture = convergeFixture(
    kind,
    `
      create table fixture_batches (id serial primary key, label text not null);
      insert into fixture_batches (label) select 'batch ' || g from generate_series(1, 5) g;
      create table fixture_batch_rows (
        id serial primary key,
        batch_id int not null constraint fixture_batch_rows_batch_fk references fixture_batches (id),
        payload text);
      insert into fixture_batch_rows (batch_id, payload)
        select 1 + g % 5, 'row ' || g from generate_series(1, 12) g;
      create table fixture_labels (id serial primary key, name text not null);
      insert into fixture_labels (name) values ('red'), ('green'), ('blue');
      create view public.fixture_label_names as select name from fixture_labels;
      create table fixture_scratch (id serial primary key, note text);
      insert into fixture_scratch (note) values ('a'), ('b');`,
  );
  const run = fixture.run;
  let session: SqlSession;
  beforeAll(() => {
    session = fixture.session;
  });

  const unchanged = (action: () => Promise<void>) => expectUnchanged(session, action);

  test('without --drop the tables are kept with their rows: the plan lists them, applying records them, and only then is there nothing to converge', async () => {
    const outcome = await run();
    expect(outcome.status).toBe('planned');
    expect(outcome.plan.steps).toEqual([]);
    expect(renderPlan(outcome.plan, 'test')).toContain('--   table fixture_labels (3 rows)');
    const before = await fingerprint(session);
    expect((await run({ apply: true })).status).toBe('applied');
    const after = await fingerprint(session);
    expect(after.rows).toEqual(before.rows);
    expect(after.columns).toEqual(before.columns);
    const kept = await session.query<{ name: string }>(
      `select name from drizzle.fluxcore_kept where kind = 'table' order by name`,
    );
    expect(kept.map((k) => k.name)).toEqual([
      'fixture_batch_rows',
      'fixture_batches',
      'fixture_labels',
      'fixture_scratch',
    ]);
    const again = await run();
    expect(again.status).toBe('nothing');
    expect(again.plan.kept.filter((k) => k.kind === 'table').map((k) => [k.name, k.rows])).toEqual([
      ['fixture_batch_rows', 12],
      ['fixture_batches', 5],
      ['fixture_labels', 3],
      ['fixture_scratch', 2],
    ]);
  });

  test('a table a view reads is refused, naming the view and the fix, and nothing changes', async () => {
    await unchanged(async () => {
      for (const apply of [false, true]) {
        const outcome = await run({ apply, drop: ['fixture_labels'] });
        expect(outcome.status).toBe('refused');
        expect(outcome.plan.refusals.map((r) => r.summary)).toEqual([
          'REFUSED: fixture_labels (3 row(s)) cannot be dropped: view public.fixture_label_names depends on it, and --drop never drops with CASCADE. Fix: deal with it first (--drop public.fixture_label_names), or keep the table, and run again',
        ]);
        expect(renderPlan(outcome.plan, 'test')).toContain(
          `--   ${outcome.plan.refusals[0]?.summary}`,
        );
      }
    });
  });

  test('a table another table references is refused, naming the foreign key and the fix, and nothing changes', async () => {
    await unchanged(async () => {
      const outcome = await run({ apply: true, drop: ['fixture_batches'] });
      expect(outcome.status).toBe('refused');
      expect(outcome.plan.refusals).toHaveLength(1);
      expect(outcome.plan.refusals[0]).toMatchObject({
        table: 'fixture_batches',
        rows: 5,
        examples: ['foreign key fixture_batch_rows_batch_fk on fixture_batch_rows'],
        summary:
          'REFUSED: fixture_batches (5 row(s)) cannot be dropped: foreign key fixture_batch_rows_batch_fk on fixture_batch_rows depends on it, and --drop never drops with CASCADE. Fix: deal with it first (alter table "fixture_batch_rows" drop constraint "fixture_batch_rows_batch_fk"), or keep the table, and run again',
      });
    });
  });

  test('a table nothing depends on is dropped without CASCADE; every other table keeps every row', async () => {
    const planned = await run({ drop: ['fixture_scratch'] });
    expect(planned.status).toBe('planned');
    const step = planned.plan.steps.find(
      (s) => s.summary === 'drop table fixture_scratch (--drop)',
    );
    expect(step?.sql).toEqual(['drop table "fixture_scratch"']);
    expect(
      planned.plan.results.get(step as NonNullable<typeof step>)?.map((r) => r.summary),
    ).toEqual(['ok: nothing outside fixture_scratch depends on it; its 2 row(s) go with it']);
    expect(renderPlan(planned.plan, 'test')).toContain('--   table fixture_scratch (2 rows)');
    const before = await fingerprint(session);
    const applied = await run({ apply: true, drop: ['fixture_scratch'] });
    expect(applied.status).toBe('applied');
    const after = await fingerprint(session);
    expect(after.rows.has('fixture_scratch')).toBe(false);
    expect(without(after, [])).toEqual(without(before, ['fixture_scratch']));
  });

  test('a table dropped with its dependents (the view, the referencing table) applies', async () => {
    const planned = await run({
      drop: [
        'fixture_labels',
        'public.fixture_label_names',
        'fixture_batches',
        'fixture_batch_rows',
      ],
    });
    expect(planned.plan.refusals).toEqual([]);
    const drops = planned.plan.steps.filter((s) => s.phase === 'drop').map((s) => s.sql);
    // The view first, then the tables in one statement (they reference each other).
    expect(drops).toEqual([
      ['drop view "public"."fixture_label_names"'],
      ['drop table "fixture_batch_rows", "fixture_batches", "fixture_labels"'],
    ]);
    const before = await fingerprint(session);
    const applied = await run({
      apply: true,
      drop: [
        'fixture_labels',
        'public.fixture_label_names',
        'fixture_batches',
        'fixture_batch_rows',
      ],
    });
    expect(applied.status).toBe('applied');
    const dropped = ['fixture_batch_rows', 'fixture_batches', 'fixture_labels'];
    const after = await fingerprint(session);
    for (const table of dropped) expect(after.rows.has(table)).toBe(false);
    expect(without(after, [])).toEqual(without(before, dropped));
    expect((await run()).status).toBe('nothing');
  });

  test('a trigger the schema lacks on a dropped table goes with it: listed as dropped, never recorded as kept', async () => {
    await session.exec(`
      create table fixture_logged (id serial primary key, note text);
      insert into fixture_logged (note) values ('x'), ('y');
      create function public.fixture_logged_touch() returns trigger language plpgsql as
        $$ begin return new; end $$;
      create trigger fixture_logged_touch before update on fixture_logged for each row
        execute function public.fixture_logged_touch();`);
    const planned = await run({ drop: ['fixture_logged'] });
    expect(planned.plan.refusals).toEqual([]);
    expect(
      planned.plan.kept
        .filter((k) => k.name.startsWith('fixture_logged'))
        .map((k) => [k.kind, k.name, k.dropped, k.note]),
    ).toEqual([
      ['table', 'fixture_logged', true, 'dropped (--drop)'],
      [
        'trigger',
        'fixture_logged.fixture_logged_touch',
        true,
        'dropped with table fixture_logged (--drop)',
      ],
    ]);
    expect((await run({ apply: true, drop: ['fixture_logged'] })).status).toBe('applied');
    const kept = await session.query<{ kind: string; name: string }>(
      `select kind, name from drizzle.fluxcore_kept where name like '%fixture_logged%' order by 1, 2`,
    );
    // The function stays (kept: nothing the plan was told to drop), the trigger went with the table.
    expect(kept).toEqual([{ kind: 'function', name: 'public.fixture_logged_touch()' }]);
    expect((await run()).status).toBe('nothing');
  });
});
