/**
 * `db:converge --drop SCHEMA` on both databases: the schema is dropped without CASCADE. While
 * it holds a table (with rows), a type, or a function or view the plan does not drop too, the
 * plan refuses in one line naming each with its rows, and nothing changes (catalog dump, every
 * public table's rows and checksums, and the schema's own table). A schema whose functions the
 * plan drops first applies, and every other table keeps every row.
 */
import { beforeAll, describe, expect, test } from 'bun:test';
import type { SqlSession } from '../src/connection/client.ts';
import { databaseKinds } from '../src/testing/index.ts';
import { convergeFixture } from './support/drop-fixture.ts';
import { expectUnchanged, fingerprint } from './support/fingerprint.ts';

describe.each(databaseKinds)('db:converge --drop SCHEMA (%s)', (kind) => {
  // What an operator added by hand: a schema holding a table with rows, a type, a view and
  // a function; and a schema holding only a function.
  const fixture = convergeFixture(
    kind,
    `
      create schema fixture_side;
      create type fixture_side.mood as enum ('calm', 'busy');
      create table fixture_side.labels (id serial primary key, label text not null, mood fixture_side.mood);
      insert into fixture_side.labels (label, mood) values ('red', 'calm'), ('green', 'busy'), ('blue', null);
      create view fixture_side.label_names as select label from fixture_side.labels;
      create function fixture_side.label_count() returns bigint language sql as 'select count(*) from fixture_side.labels';
      create schema fixture_tools;
      create function fixture_tools.twice(n integer) returns integer language sql as 'select n * 2';`,
  );
  const run = fixture.run;
  let session: SqlSession;
  beforeAll(() => {
    session = fixture.session;
  });
  const sideRows = async () =>
    (
      await session.query<{ n: number; sum: string }>(
        `select count(*)::int as n, md5(string_agg(label, ',' order by id)) as sum from fixture_side.labels`,
      )
    )[0];

  test('a schema holding a table with rows, a type, a view and a function is refused, and nothing changes', async () => {
    const side = await sideRows();
    await expectUnchanged(session, async () => {
      for (const apply of [false, true]) {
        const outcome = await run({ apply, drop: ['fixture_side'] });
        expect(outcome.status).toBe('refused');
        expect(outcome.plan.refusals).toHaveLength(1);
        const refusal = outcome.plan.refusals[0];
        expect(refusal?.rows).toBe(3);
        expect(refusal?.summary).toStartWith(
          'REFUSED: schema fixture_side cannot be dropped: it holds ',
        );
        for (const held of [
          'function fixture_side.label_count()',
          'table fixture_side.labels (3 row(s))',
          'view fixture_side.label_names',
        ]) {
          expect(refusal?.summary).toContain(held);
        }
        expect(refusal?.summary).toContain('fixture_side.mood');
        expect(refusal?.summary).toContain('and --drop never drops with CASCADE. Fix: ');
      }
    });
    expect(await sideRows()).toEqual(side);
  });

  test('a schema whose function the plan does not drop is refused, naming the function', async () => {
    const outcome = await run({ apply: true, drop: ['fixture_tools'] });
    expect(outcome.status).toBe('refused');
    expect(outcome.plan.refusals.map((r) => r.summary)).toEqual([
      'REFUSED: schema fixture_tools cannot be dropped: it holds function fixture_tools.twice(n integer), and --drop never drops with CASCADE. Fix: drop its functions and views with --drop first, move or drop its tables and types yourself (after a backup), or keep the schema, and run again',
    ]);
    const [still] = await session.query<{ n: number }>(
      `select count(*)::int as n from pg_namespace where nspname = 'fixture_tools'`,
    );
    expect(still?.n).toBe(1);
  });

  test('a schema dropped with its function applies without CASCADE; every other table keeps every row', async () => {
    const drop = ['fixture_tools', 'fixture_tools.twice(n integer)'];
    const planned = await run({ drop });
    expect(planned.plan.refusals).toEqual([]);
    const schemaStep = planned.plan.steps.find(
      (s) => s.summary === 'drop schema fixture_tools (--drop)',
    );
    expect(schemaStep?.sql).toEqual(['drop schema "fixture_tools"']);
    const before = await fingerprint(session);
    const side = await sideRows();
    const applied = await run({ apply: true, drop });
    expect(applied.status).toBe('applied');
    const [gone] = await session.query<{ n: number }>(
      `select count(*)::int as n from pg_namespace where nspname = 'fixture_tools'`,
    );
    expect(gone?.n).toBe(0);
    const after = await fingerprint(session);
    expect(after.rows).toEqual(before.rows);
    expect(after.columns).toEqual(before.columns);
    expect(await sideRows()).toEqual(side);
  });
});
