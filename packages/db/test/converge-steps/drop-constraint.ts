import { describe, expect, test } from 'bun:test';
import { dropConstraint } from '../../src/converge/steps/drop-constraint.ts';
import { useStepDatabase } from './support.ts';

describe('steps/drop-constraint', () => {
  const db = useStepDatabase(`
    create table dcn (id int primary key, n int constraint dcn_small check (n < 10));
    insert into dcn values (1, 5);`);

  test('dropped with no check (no row is lost), and listed for the drop checks', async () => {
    const steps = dropConstraint.build({ table: 'dcn', name: 'dcn_small' });
    expect(steps.map((s) => [s.kind, s.phase, s.summary, s.checks, s.drops])).toEqual([
      [
        'drop-constraint',
        'drop',
        'drop constraint dcn_small on dcn (not in the schema; no row is lost)',
        [],
        ['constraint:dcn.dcn_small'],
      ],
    ]);
    await db.apply(steps);
    await db.session.exec('insert into dcn values (2, 50)');
    expect(await db.value('select count(*)::int from dcn')).toBe(2);
  });
});
