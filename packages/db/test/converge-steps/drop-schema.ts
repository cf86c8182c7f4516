import { describe, expect, test } from 'bun:test';
import { dropSchema } from '../../src/converge/steps/drop-schema.ts';
import { useStepDatabase } from './support.ts';

describe('steps/drop-schema', () => {
  const db = useStepDatabase(`
    create schema ds_tools;
    create function ds_tools.twice(n integer) returns integer language sql as 'select n * 2';
    create table ds_tools.kept (id int);
    insert into ds_tools.kept values (1), (2);`);

  test('a schema holding what the plan does not drop is refused, naming it with its rows', async () => {
    const steps = dropSchema.build({
      schema: 'ds_tools',
      before: ['function:ds_tools.twice(n integer)'],
    });
    expect(steps.map((s) => [s.kind, s.phase, s.summary, s.sql])).toEqual([
      ['drop-schema', 'drop', 'drop schema ds_tools (--drop)', ['drop schema "ds_tools"']],
    ]);
    expect((await db.check(steps[0]?.checks[0])).summary).toBe(
      'REFUSED: schema ds_tools cannot be dropped: it holds table ds_tools.kept (2 row(s)), and --drop never drops with CASCADE. Fix: drop its functions and views with --drop first, move or drop its tables and types yourself (after a backup), or keep the schema, and run again',
    );
  });

  test('once it holds only what the plan drops first, it is dropped', async () => {
    await db.session.exec('drop table ds_tools.kept');
    const steps = dropSchema.build({
      schema: 'ds_tools',
      before: ['function:ds_tools.twice(n integer)'],
    });
    expect((await db.check(steps[0]?.checks[0])).summary).toBe(
      'ok: schema ds_tools holds nothing the plan does not drop first',
    );
    await db.session.exec('drop function ds_tools.twice(integer)');
    await db.apply(steps);
    expect(
      await db.value(`select count(*)::int from pg_namespace where nspname = 'ds_tools'`),
    ).toBe(0);
  });
});
