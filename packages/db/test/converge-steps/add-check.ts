import { describe, expect, test } from 'bun:test';
import { addCheck } from '../../src/converge/steps/add-check.ts';
import { liveConstraint, useStepDatabase } from './support.ts';

const positive = liveConstraint('ack_n_positive', 'check', 'CHECK ((n > 0))', { columns: ['n'] });

describe('steps/add-check', () => {
  const db = useStepDatabase(`
    create table ack (id int primary key, n int);
    insert into ack values (1, -1), (2, 2), (3, null);`);
  const steps = addCheck.build({ table: 'ack', constraint: positive });

  test('rows that violate it are refused (a null satisfies a check); once fixed it is added', async () => {
    expect(steps.map((s) => [s.kind, s.phase, s.summary])).toEqual([
      ['add-check', 'constrain', 'add check ack_n_positive on ack'],
    ]);
    expect((await db.check(steps[0]?.checks[0])).summary).toBe(
      'REFUSED: ack: 1 row(s) violate ack_n_positive ((n > 0)) (e.g. 1). Fix: update them to satisfy the check, and run again',
    );
    await db.session.exec('update ack set n = 1 where id = 1');
    expect((await db.check(steps[0]?.checks[0])).summary).toBe(
      'ok: every row satisfies ack_n_positive',
    );
  });

  test('online: added NOT VALID, then validated; the rollback drops it', async () => {
    const step = steps[0];
    if (!step?.online) throw new Error('no online phases');
    await db.session.exec(step.online.start.join(';'));
    expect(
      await db.value(`select convalidated from pg_constraint where conname = 'ack_n_positive'`),
    ).toBe(false);
    await db.rollbackOnline(steps);
    expect(
      await db.value(`select count(*)::int from pg_constraint where conname = 'ack_n_positive'`),
    ).toBe(0);
    await db.applyOnline(steps);
    expect(
      await db.value(`select convalidated from pg_constraint where conname = 'ack_n_positive'`),
    ).toBe(true);
    await expect(db.session.exec('insert into ack values (4, 0)')).rejects.toThrow();
  });
});
