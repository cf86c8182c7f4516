import { describe, expect, test } from 'bun:test';
import { validateConstraint } from '../../src/converge/steps/validate-constraint.ts';
import { useStepDatabase } from './support.ts';

describe('steps/validate-constraint', () => {
  const db = useStepDatabase(`
    create table vc (id int primary key, n int);
    insert into vc values (1, -1);
    alter table vc add constraint vc_n_positive check (n > 0) not valid;`);

  test('no check of its own (the step that added the constraint has it): a violating row fails the SQL, a fixed one validates', async () => {
    const steps = validateConstraint.build({ table: 'vc', name: 'vc_n_positive' });
    expect(steps.map((s) => [s.kind, s.phase, s.summary, s.checks])).toEqual([
      ['validate-constraint', 'validate', 'validate vc_n_positive', []],
    ]);
    expect(Object.keys(validateConstraint.checks)).toEqual([]);
    await expect(db.apply(steps)).rejects.toThrow();
    await db.session.exec('update vc set n = 1');
    await db.applyOnline(steps);
    expect(
      await db.value(`select convalidated from pg_constraint where conname = 'vc_n_positive'`),
    ).toBe(true);
  });
});
