import { describe, expect, test } from 'bun:test';
import { renameConstraint } from '../../src/converge/steps/rename-constraint.ts';
import { useStepDatabase } from './support.ts';

describe('steps/rename-constraint', () => {
  const db = useStepDatabase(`
    create table rn (id int primary key, code text constraint rn_old_code unique);
    create index rn_old_idx on rn (id, code);`);
  const names = () =>
    db.value(
      `select string_agg(relname, ',' order by relname) from pg_class where relname like 'rn\\_%'`,
    );

  test('a constraint and an index of the same definition under another name are renamed, and back online', async () => {
    const steps = [
      ...renameConstraint.build({
        table: 'rn',
        object: 'constraint',
        from: 'rn_old_code',
        to: 'rn_code_key',
      }),
      ...renameConstraint.build({
        table: 'rn',
        object: 'index',
        from: 'rn_old_idx',
        to: 'rn_id_code_idx',
      }),
    ];
    expect(steps.map((s) => [s.kind, s.phase, s.summary])).toEqual([
      [
        'rename-constraint',
        'rename',
        'rename constraint rn_old_code to rn_code_key (same definition)',
      ],
      [
        'rename-constraint',
        'rename',
        'rename index rn_old_idx to rn_id_code_idx (same definition)',
      ],
    ]);
    await db.applyOnline(steps);
    expect(await names()).toBe('rn_code_key,rn_id_code_idx,rn_pkey');
    await db.rollbackOnline(steps);
    expect(await names()).toBe('rn_old_code,rn_old_idx,rn_pkey');
  });
});
