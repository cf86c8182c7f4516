import { describe, expect, test } from 'bun:test';
import type { LiveColumn } from '../../src/catalog/introspect.ts';
import { addColumn } from '../../src/converge/steps/add-column.ts';
import { liveColumn, useStepDatabase } from './support.ts';

const column = (over: Partial<LiveColumn>) => liveColumn('c', over);

describe('steps/add-column', () => {
  const db = useStepDatabase(`
    create table ac (id int primary key);
    insert into ac values (1), (2);`);

  test('a NOT NULL column with no default and no source is refused on a table with rows', async () => {
    const steps = addColumn.build({ table: 'ac', column: column({ notNull: true }) });
    expect(steps.map((s) => [s.kind, s.phase, s.summary])).toEqual([
      ['add-column', 'add', 'add column ac.c text'],
    ]);
    expect((await db.check(steps[0]?.checks[0])).summary).toBe(
      'REFUSED: ac.c: 2 row(s) would have no value: ac.c is new, NOT NULL and has no default (e.g. 1; 2). Fix: give it a default in the schema, or declare the original column it comes from in originalRenames or how to derive it in originalBackfills (packages/db/src/schema/original/), or empty the table, and run again',
    );
  });

  test('with a default, the existing rows get it; no check', async () => {
    const steps = addColumn.build({
      table: 'ac',
      column: column({ name: 'd', notNull: true, default: "'x'::text" }),
    });
    expect(steps[0]?.checks).toEqual([]);
    expect(steps[0]?.online).toBeUndefined();
    await db.apply(steps);
    expect(await db.value(`select string_agg(d, ',' order by id) from ac`)).toBe('x,x');
  });

  test('online: a nullable column without default is added as it is, and rolled back by a drop', async () => {
    const steps = addColumn.build({ table: 'ac', column: column({ name: 'e' }) });
    await db.applyOnline(steps);
    expect(await db.value(`select count(e)::int from ac`)).toBe(0);
    await db.rollbackOnline(steps);
    expect(
      await db.value(
        `select count(*)::int from information_schema.columns where table_name = 'ac' and column_name = 'e'`,
      ),
    ).toBe(0);
  });
});
