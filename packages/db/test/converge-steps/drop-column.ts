import { describe, expect, test } from 'bun:test';
import { checkDropColumnAgainst, dropColumn } from '../../src/converge/steps/drop-column.ts';
import { useStepDatabase } from './support.ts';

describe('steps/drop-column', () => {
  const db = useStepDatabase(`
    create table dcol (id int primary key, legacy text, score int);
    create index dcol_score_idx on dcol (score, id);
    insert into dcol values (1, 'a', 1), (2, null, 2), (3, 'c', null);
    create view dcol_names as select id, legacy from dcol;`);
  const drop = (column: string, alongside: string[]) => {
    const steps = dropColumn.build({ table: 'dcol', column });
    const [step] = steps;
    if (step) checkDropColumnAgainst(step, { table: 'dcol', column }, alongside);
    return steps;
  };

  test('a column a view reads is refused, naming the view, the values and the fix', async () => {
    const steps = drop('legacy', []);
    expect(steps.map((s) => [s.kind, s.phase, s.summary, s.drops])).toEqual([
      ['drop-column', 'drop', 'drop column dcol.legacy (--drop)', ['column:dcol.legacy']],
    ]);
    expect((await db.check(steps[0]?.checks[0])).summary).toBe(
      'REFUSED: dcol.legacy (2 value(s)) cannot be dropped: view public.dcol_names depends on it, and --drop never drops with CASCADE. Fix: deal with it first (--drop public.dcol_names), or keep the column, and run again',
    );
  });

  test('one nothing else depends on is dropped, the plan naming its values and the index that goes with it', async () => {
    const steps = drop('score', []);
    expect((await db.check(steps[0]?.checks[0])).summary).toBe(
      'ok: nothing else depends on dcol.score; its 2 value(s) go with it, and so do index dcol_score_idx',
    );
    await db.apply(steps);
    expect(await db.value(`select to_regclass('dcol_score_idx') is null`)).toBe(true);
    expect(await db.value('select count(*)::int from dcol')).toBe(3);
  });
});
