import { describe, expect, test } from 'bun:test';
import { dropTable } from '../../src/converge/steps/drop-table.ts';
import { useStepDatabase } from './support.ts';

describe('steps/drop-table', () => {
  const db = useStepDatabase(`
    create table dt_labels (id int primary key, name text);
    insert into dt_labels values (1, 'a'), (2, 'b'), (3, 'c');
    create view dt_label_names as select name from dt_labels;
    create table dt_notes (id int primary key, label_id int references dt_labels(id));`);

  test('a table a view or another kept table depends on is refused, naming them and the fix', async () => {
    const steps = dropTable.build({ tables: ['dt_labels'], before: [] });
    expect(steps.map((s) => [s.kind, s.phase, s.summary, s.drops])).toEqual([
      ['drop-table', 'drop', 'drop table dt_labels (--drop)', ['table:dt_labels']],
    ]);
    expect((await db.check(steps[0]?.checks[0])).summary).toBe(
      'REFUSED: dt_labels (3 row(s)) cannot be dropped: foreign key dt_notes_label_id_fkey on dt_notes; view public.dt_label_names depend on it, and --drop never drops with CASCADE. Fix: deal with them first (alter table "dt_notes" drop constraint "dt_notes_label_id_fkey"; --drop public.dt_label_names), or keep the table, and run again',
    );
  });

  test('dropped together with what depends on it, in one statement, after the view', async () => {
    const steps = dropTable.build({
      tables: ['dt_labels', 'dt_notes'],
      before: ['view:public.dt_label_names'],
    });
    expect(steps[0]?.sql).toEqual(['drop table "dt_labels", "dt_notes"']);
    expect((await db.check(steps[0]?.checks[0])).summary).toBe(
      'ok: nothing outside dt_labels depends on it; its 3 row(s) go with it',
    );
    await db.session.exec('drop view dt_label_names');
    await db.apply(steps);
    expect(
      await db.value(`select to_regclass('dt_labels') is null and to_regclass('dt_notes') is null`),
    ).toBe(true);
    expect(dropTable.build({ tables: [], before: [] })).toEqual([]);
  });
});
