import { describe, expect, test } from 'bun:test';
import { dropIndex } from '../../src/converge/steps/drop-index.ts';
import { useStepDatabase } from './support.ts';

describe('steps/drop-index', () => {
  const db = useStepDatabase(`
    create table dix (id int primary key, n int);
    create index dix_n_idx on dix (n);
    create index dix_online_idx on dix (n, id);
    insert into dix values (1, 5);`);

  test('dropped with no check (no row is lost)', async () => {
    const steps = dropIndex.build({ table: 'dix', name: 'dix_n_idx' });
    expect(steps.map((s) => [s.kind, s.phase, s.summary, s.checks])).toEqual([
      ['drop-index', 'drop', 'drop index dix_n_idx on dix (not in the schema; no row is lost)', []],
    ]);
    await db.apply(steps);
    expect(await db.value(`select to_regclass('dix_n_idx') is null`)).toBe(true);
    expect(await db.value('select count(*)::int from dix')).toBe(1);
  });

  test('online: DROP INDEX CONCURRENTLY outside a transaction, again without error after a kill', async () => {
    const steps = dropIndex.build({ table: 'dix', name: 'dix_online_idx' });
    expect(steps[0]?.online?.start).toEqual(['drop index concurrently if exists "dix_online_idx"']);
    expect(steps[0]?.online?.outsideTransaction).toBe(true);
    await db.applyOnline(steps);
    expect(await db.value(`select to_regclass('dix_online_idx') is null`)).toBe(true);
    await db.applyOnline(steps);
    expect(await db.value('select count(*)::int from dix')).toBe(1);
  });
});
