import { describe, expect, test } from 'bun:test';
import type { LiveColumn } from '../../src/catalog/introspect.ts';
import { retype } from '../../src/converge/steps/retype.ts';
import { liveColumn, useStepDatabase } from './support.ts';

const col = (name: string, type: string, over: Partial<LiveColumn> = {}) =>
  liveColumn(name, { type, ...over });

describe('steps/retype', () => {
  const db = useStepDatabase(`
    create table rt (id int primary key, v text, label varchar(20), stamp timestamp);
    insert into rt values (1, '10', 'short', '2026-01-01 12:00'), (2, 'ten', 'a rather long label', null);`);

  const input = (column: LiveColumn, from: LiveColumn) => ({
    table: 'rt',
    column,
    from,
    transform: undefined,
    typeChanges: true,
    afterRename: `"${column.name}"`,
    enumLabels: null,
    zone: 'UTC',
  });

  test('a value that does not cast is refused; once corrected the column is retyped', async () => {
    const steps = retype.build(input(col('v', 'integer'), col('v', 'text')));
    expect(steps.map((s) => [s.kind, s.phase, s.summary, s.rewrites, s.longLock])).toEqual([
      ['retype', 'retype', 'retype rt.v text → integer', true, true],
    ]);
    expect(steps[0]?.sql).toEqual([
      'alter table "rt" alter column "v" type integer using ("v")::integer',
    ]);
    const sources = {
      rt: {
        v: { raw: 'v', cast: 'v::integer', castTemplate: '(__fluxcore_value__::text)::integer' },
      },
    };
    expect((await db.check(steps[0]?.checks[0], sources)).summary).toBe(
      'REFUSED: rt.v: 1 row(s) cannot be cast to integer (e.g. 2). Fix: correct them (update rt set v = … where …), and run again',
    );
    await db.session.exec(`update rt set v = '11' where id = 2`);
    expect((await db.check(steps[0]?.checks[0], sources)).summary).toBe(
      'ok: every value casts to integer',
    );
    await db.apply(steps);
    expect(await db.value(`select sum(v)::int from rt`)).toBe(21);
  });

  test('a value too long for the shorter varchar is refused with the fix', async () => {
    const [step] = retype.build(
      input(col('label', 'character varying(10)'), col('label', 'character varying(20)')),
    );
    expect((await db.check(step?.checks[0])).summary).toBe(
      'REFUSED: rt.label: 1 row(s) are longer than 10 characters (character varying(10)) (e.g. 2). Fix: shorten them (update rt set label = left(label, 10) where …) or keep the longer type in the schema, and run again',
    );
  });

  test('timestamp → timestamptz reads the wall-clock time in the zone given, with no rewrite check', async () => {
    const [step] = retype.build({
      ...input(
        col('stamp', 'timestamp with time zone'),
        col('stamp', 'timestamp without time zone'),
      ),
      zone: 'America/Argentina/Buenos_Aires',
    });
    expect(step?.sql).toEqual([
      `alter table "rt" alter column "stamp" type timestamp with time zone using ("stamp") at time zone 'America/Argentina/Buenos_Aires'`,
    ]);
    expect((await db.check(step?.checks[0])).summary).toBe(
      'ok: every value fits timestamp with time zone',
    );
    await db.apply(step ? [step] : []);
    expect(
      await db.value(`select to_char(stamp at time zone 'UTC', 'HH24:MI') from rt where id = 1`),
    ).toBe('15:00');
  });

  test('only a default change is an alter, not a retype, and no check', () => {
    const steps = retype.build({
      ...input(col('v', 'text', { default: "'n'::text" }), col('v', 'text')),
      typeChanges: false,
    });
    expect(steps.map((s) => [s.summary, s.sql, s.checks])).toEqual([
      [
        `alter rt.v (alter column set default 'n'::text)`,
        [`alter table "rt" alter column "v" set default 'n'::text`],
        [],
      ],
    ]);
  });
});
