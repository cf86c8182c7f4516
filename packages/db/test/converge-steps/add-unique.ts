import { describe, expect, test } from 'bun:test';
import type { LiveConstraint } from '../../src/catalog/introspect.ts';
import { addUnique } from '../../src/converge/steps/add-unique.ts';
import { liveConstraint, useStepDatabase } from './support.ts';

const unique = (over: Partial<LiveConstraint>): LiveConstraint =>
  liveConstraint('au_email_key', 'unique', 'UNIQUE (email)', { columns: ['email'], ...over });

describe('steps/add-unique', () => {
  const db = useStepDatabase(`
    create table au (id int primary key, email text);
    insert into au values (1, 'a@x'), (2, 'a@x'), (3, null), (4, null), (5, 'b@x');
    create table au_nopk (id int, code text);
    insert into au_nopk values (1, 'a'), (2, 'b');`);

  test('duplicates are refused in groups, nulls apart; once merged the constraint is added', async () => {
    const steps = addUnique.build({ table: 'au', constraint: unique({}) });
    expect(steps.map((s) => [s.kind, s.phase, s.summary, s.longLock])).toEqual([
      ['add-unique', 'constrain', 'add unique au_email_key on au', true],
    ]);
    expect((await db.check(steps[0]?.checks[0])).summary).toBe(
      'REFUSED: au.email: 2 row(s) share a value in 1 duplicate group(s), which au_email_key forbids (e.g. a@x in 1 & 2). Fix: merge or delete the duplicates, and run again',
    );
    await db.session.exec('delete from au where id = 2');
    expect((await db.check(steps[0]?.checks[0])).summary).toBe(
      'ok: no duplicates for au_email_key',
    );
    await db.apply(steps);
    await expect(db.session.exec(`insert into au values (6, 'b@x')`)).rejects.toThrow();
  });

  test('a primary key counts nulls as equal (and they fail NOT NULL besides)', async () => {
    const steps = addUnique.build({
      table: 'au_nopk',
      constraint: unique({
        name: 'au_nopk_pkey',
        type: 'primary key',
        definition: 'PRIMARY KEY (id)',
        columns: ['id'],
      }),
    });
    expect(steps[0]?.summary).toBe('add primary key au_nopk_pkey on au_nopk');
    expect(steps[0]?.checks).toEqual([
      {
        kind: 'unique',
        table: 'au_nopk',
        columns: ['id'],
        nullsNotDistinct: true,
        name: 'au_nopk_pkey',
      },
    ]);
    expect((await db.check(steps[0]?.checks[0])).ok).toBe(true);
    await db.apply(steps);
    expect(
      await db.value(`select count(*)::int from pg_constraint where conname = 'au_nopk_pkey'`),
    ).toBe(1);
  });
});
