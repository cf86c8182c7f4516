import { describe, expect, test } from 'bun:test';
import { backfill } from '../../src/converge/steps/backfill.ts';
import { liveColumn, useStepDatabase } from './support.ts';

const doubled = liveColumn('b', { type: 'integer', notNull: true, position: 3 });

describe('steps/backfill', () => {
  const db = useStepDatabase(`
    create table bf (id int primary key, a int);
    insert into bf values (1, 1), (2, null), (3, 3);
    create table bf_text (id int primary key, tag text);
    insert into bf_text values (1, ' Mixed ');`);

  const steps = backfill.build({
    table: 'bf',
    column: doubled,
    description: 'twice a',
    value: '(a * 2)',
    adds: true,
  });

  test('a new column is added nullable, filled, then set NOT NULL', () => {
    expect(steps.map((s) => [s.kind, s.phase, s.summary])).toEqual([
      ['backfill', 'add', 'add column bf.b integer'],
      ['backfill', 'backfill', 'backfill bf.b: twice a'],
      ['set-not-null', 'constrain', 'set bf.b not null'],
    ]);
    expect(steps.map((s) => s.sql)).toEqual([
      ['alter table "bf" add column "b" integer'],
      ['update "bf" set "b" = (a * 2)'],
      ['alter table "bf" alter column "b" set not null'],
    ]);
  });

  test('a row the backfill finds no value for is refused, naming the backfill', async () => {
    const result = await db.check(steps[2]?.checks[0], { bf: { b: '(a * 2)' } });
    expect(result.summary).toBe(
      'REFUSED: bf.b: 1 row(s) are null and the schema says NOT NULL (e.g. 2). Fix: its backfill (twice a, originalBackfills in packages/db/src/schema/original/backfills.ts) finds no value for them: give them what it reads, or delete those rows, and run again',
    );
    await db.session.exec('update bf set a = 2 where id = 2');
    expect((await db.check(steps[2]?.checks[0], { bf: { b: '(a * 2)' } })).summary).toBe(
      'ok: no nulls',
    );
    await db.apply(steps);
    expect(await db.value(`select string_agg(b::text, ',' order by id) from bf`)).toBe('2,4,6');
  });

  test("a declared transform rewrites a column's values in place (one step)", async () => {
    const transform = backfill.build({
      table: 'bf_text',
      column: { ...doubled, name: 'tag', type: 'text' },
      description: 'trimmed and lower-cased',
      value: 'lower(trim(tag))',
      adds: false,
    });
    expect(transform.map((s) => [s.phase, s.summary, s.rewrites])).toEqual([
      ['backfill', 'backfill bf_text.tag: trimmed and lower-cased', true],
    ]);
    await db.apply(transform);
    expect(await db.value('select tag from bf_text')).toBe('mixed');
  });
});
