/**
 * `db:converge --drop TABLE.COLUMN` on both databases: a column the schema lacks is dropped
 * without CASCADE. When a view, a trigger, a generated column or database logic depends on
 * it and the plan does not drop that too, the plan refuses in one line naming the column, its
 * values, the dependents and the fix, and nothing changes (catalog dump, row counts and every
 * column's checksum compared). When nothing depends on it, or the plan drops the dependents
 * too, it applies: the column's values go (counted in the plan) and every other column of
 * every table keeps every value.
 */
import { beforeAll, describe, expect, test } from 'bun:test';
import type { SqlSession } from '../src/connection/client.ts';
import { renderPlan } from '../src/converge/render.ts';
import { databaseKinds } from '../src/testing/index.ts';
import { convergeFixture } from './support/drop-fixture.ts';
import { expectUnchanged, fingerprint } from './support/fingerprint.ts';

describe.each(databaseKinds)('db:converge --drop TABLE.COLUMN (%s)', (kind) => {
  // Columns an operator added by hand to a table of the schema, with values: one a view
  // reads, one a trigger's condition and a function's body name, one only an index of its
  // own (with another column) uses, one nothing uses, one another references (a foreign key
  // of the same table), and one a generated column is computed from.
  const fixture = convergeFixture(
    kind,
    `
      insert into users (email, password_hash, name)
        select 'u' || g || '@example.com', 'x', 'user ' || g from generate_series(1, 6) g;
      alter table users add column legacy_nick text, add column legacy_flag boolean,
        add column legacy_score int, add column legacy_note text;
      update users set legacy_nick = 'nick ' || id, legacy_flag = true, legacy_score = 7,
        legacy_note = case when email like 'u1@%' then null else 'note' end;
      create view public.user_nicks as select id, legacy_nick from users;
      create function public.users_flag_guard() returns trigger language plpgsql as
        $$ begin if new.legacy_flag then new.name := upper(new.name); end if; return new; end $$;
      create trigger users_flag_guard before update on users for each row
        when (new.legacy_flag is not null) execute function public.users_flag_guard();
      create index users_score_email_idx on users (email, legacy_score);
      alter table users add column legacy_a uuid unique,
        add column legacy_b uuid references users (legacy_a),
        add column legacy_x int, add column legacy_g int generated always as (legacy_x * 2) stored;
      update users set legacy_a = gen_random_uuid(), legacy_x = 3;
      update users set legacy_b = legacy_a where email like 'u2@%';`,
  );
  const run = fixture.run;
  let session: SqlSession;
  beforeAll(() => {
    session = fixture.session;
  });

  const unchanged = (action: () => Promise<void>) => expectUnchanged(session, action);

  test('a column a view reads is refused, naming the view, its values and the fix; nothing changes', async () => {
    await unchanged(async () => {
      for (const apply of [false, true]) {
        const outcome = await run({ apply, drop: ['users.legacy_nick'] });
        expect(outcome.status).toBe('refused');
        expect(outcome.plan.refusals.map((r) => r.summary)).toEqual([
          'REFUSED: users.legacy_nick (6 value(s)) cannot be dropped: view public.user_nicks depends on it, and --drop never drops with CASCADE. Fix: deal with it first (--drop public.user_nicks), or keep the column, and run again',
        ]);
        expect(renderPlan(outcome.plan, 'test')).toContain(
          `--   ${outcome.plan.refusals[0]?.summary}`,
        );
      }
    });
  });

  test('a column a trigger and its function name is refused for both; with the trigger dropped too, the plan can apply', async () => {
    await unchanged(async () => {
      const outcome = await run({ apply: true, drop: ['users.legacy_flag'] });
      expect(outcome.status).toBe('refused');
      expect(outcome.plan.refusals.map((r) => r.summary)).toEqual([
        'REFUSED: users.legacy_flag (6 value(s)) cannot be dropped: trigger users_flag_guard on table users depends on it, and --drop never drops with CASCADE. Fix: deal with it first (--drop users.users_flag_guard), or keep the column, and run again',
        'REFUSED: users.legacy_flag is dropped by the plan, but database logic still names it: function public.users_flag_guard() (trigger users_flag_guard on users) (PostgreSQL does not track plpgsql bodies). Fix: rewrite it without the column, or drop it with --drop <name> too, or keep the column, and run again',
      ]);
      // Dropped with the trigger, the function runs on no row of users any more.
      const withTrigger = await run({ drop: ['users.legacy_flag', 'users.users_flag_guard'] });
      expect(withTrigger.plan.refusals).toEqual([]);
      expect(withTrigger.status).toBe('planned');
    });
  });

  test('a column only its own index uses is dropped with the index, named in the plan; every other value stays', async () => {
    const planned = await run({ drop: ['users.legacy_score'] });
    expect(planned.status).toBe('planned');
    const step = planned.plan.steps.find(
      (s) => s.summary === 'drop column users.legacy_score (--drop)',
    );
    expect(step?.sql).toEqual(['alter table "users" drop column "legacy_score"']);
    expect(
      planned.plan.results.get(step as NonNullable<typeof step>)?.map((r) => r.summary),
    ).toEqual([
      'ok: nothing else depends on users.legacy_score; its 6 value(s) go with it, and so do index users_score_email_idx',
    ]);
    const before = await fingerprint(session);
    const applied = await run({ apply: true, drop: ['users.legacy_score'] });
    expect(applied.status).toBe('applied');
    const after = await fingerprint(session);
    expect(after.rows).toEqual(before.rows);
    expect([...after.columns]).toEqual(
      [...before.columns].filter(([name]) => name !== 'users.legacy_score'),
    );
    const indexes = await session.query(
      `select 1 from pg_indexes where indexname = 'users_score_email_idx'`,
    );
    expect(indexes).toEqual([]);
  });

  test('a column a generated column is computed from is refused, naming it; dropped together they apply, the dependent first', async () => {
    await unchanged(async () => {
      const outcome = await run({ apply: true, drop: ['users.legacy_x'] });
      expect(outcome.status).toBe('refused');
      expect(outcome.plan.refusals.map((r) => r.summary)).toEqual([
        'REFUSED: users.legacy_x (6 value(s)) cannot be dropped: generated column users.legacy_g depends on it, and --drop never drops with CASCADE. Fix: deal with it first (--drop users.legacy_g), or keep the column, and run again',
      ]);
    });
    // Named in either order, a column and what depends on it (a foreign key of the same
    // table, a generated column) drop in the order PostgreSQL accepts.
    const drop = ['users.legacy_a', 'users.legacy_x', 'users.legacy_b', 'users.legacy_g'];
    const planned = await run({ drop });
    expect(planned.plan.refusals).toEqual([]);
    const order = planned.plan.steps
      .filter((s) => s.summary.startsWith('drop column '))
      .map((s) => s.summary);
    expect(order.indexOf('drop column users.legacy_b (--drop)')).toBeLessThan(
      order.indexOf('drop column users.legacy_a (--drop)'),
    );
    expect(order.indexOf('drop column users.legacy_g (--drop)')).toBeLessThan(
      order.indexOf('drop column users.legacy_x (--drop)'),
    );
    const before = await fingerprint(session);
    const applied = await run({ apply: true, drop });
    expect(applied.status).toBe('applied');
    const after = await fingerprint(session);
    expect(after.rows).toEqual(before.rows);
    const gone = new Set(drop);
    expect([...after.columns]).toEqual([...before.columns].filter(([name]) => !gone.has(name)));
  });

  test('columns dropped with the view, the trigger and the function that use them apply in one plan', async () => {
    const drop = [
      'users.legacy_nick',
      'public.user_nicks',
      'users.legacy_flag',
      'users.users_flag_guard',
      'public.users_flag_guard()',
      'users.legacy_note',
    ];
    const planned = await run({ drop });
    expect(planned.status).toBe('planned');
    const order = planned.plan.steps.map((s) => s.summary);
    // The view, the trigger and the function go before the columns they read.
    expect(order.indexOf('drop view public.user_nicks (--drop)')).toBeLessThan(
      order.indexOf('drop column users.legacy_nick (--drop)'),
    );
    expect(order.indexOf('drop trigger users.users_flag_guard (--drop)')).toBeLessThan(
      order.indexOf('drop column users.legacy_flag (--drop)'),
    );
    const note = planned.plan.steps.find(
      (s) => s.summary === 'drop column users.legacy_note (--drop)',
    );
    expect(
      planned.plan.results.get(note as NonNullable<typeof note>)?.map((r) => r.summary),
    ).toEqual(['ok: nothing else depends on users.legacy_note; its 5 value(s) go with it']);
    const before = await fingerprint(session);
    const applied = await run({ apply: true, drop });
    expect(applied.status).toBe('applied');
    const after = await fingerprint(session);
    expect(after.rows).toEqual(before.rows);
    const gone = new Set(['users.legacy_nick', 'users.legacy_flag', 'users.legacy_note']);
    expect([...after.columns]).toEqual([...before.columns].filter(([name]) => !gone.has(name)));
    expect((await run()).status).toBe('nothing');
  });
});
