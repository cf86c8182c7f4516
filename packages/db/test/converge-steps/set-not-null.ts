import { describe, expect, test } from 'bun:test';
import { setNotNull } from '../../src/converge/steps/set-not-null.ts';
import { isNotNull, useStepDatabase } from './support.ts';

describe('steps/set-not-null', () => {
  const db = useStepDatabase(`
    create table sn_refused (id int primary key, n int);
    insert into sn_refused values (1, null), (2, 5), (3, null);
    create table sn_filled (id int primary key, n int);
    insert into sn_filled values (1, null), (2, 5);
    create table sn_online (id int primary key, n int);
    insert into sn_online select g, case when g % 2 = 0 then null else g end from generate_series(1, 5) g;`);

  test('nulls with no default are refused, naming table, column, count, examples and the fix', async () => {
    const steps = setNotNull.build({ table: 'sn_refused', column: 'n' });
    expect(steps.map((s) => [s.kind, s.phase, s.summary])).toEqual([
      ['set-not-null', 'constrain', 'set sn_refused.n not null'],
    ]);
    const result = await db.check(steps[0]?.checks[0]);
    expect(result.summary).toBe(
      'REFUSED: sn_refused.n: 2 row(s) are null and the schema says NOT NULL (e.g. 1; 3). Fix: fill them (update sn_refused set n = … where n is null) or delete those rows, and run again',
    );
    await expect(db.apply(steps)).rejects.toThrow();
  });

  test("the schema's default fills the nulls: counted by the check, then NOT NULL holds", async () => {
    const steps = setNotNull.build({ table: 'sn_filled', column: 'n', fill: '0' });
    expect(steps[0]?.summary).toBe('set sn_filled.n not null (its nulls get the default 0)');
    const result = await db.check(steps[0]?.checks[0]);
    expect([result.ok, result.summary]).toEqual([
      true,
      "ok: 1 null(s) filled with the schema's default 0 (e.g. 1)",
    ]);
    await db.apply(steps);
    expect(await db.value("select string_agg(n::text, ',' order by id) from sn_filled")).toBe(
      '0,5',
    );
    expect(await isNotNull(db, 'sn_filled', 'n')).toBe(true);
  });

  test('online: a NOT VALID check, the nulls filled in batches, then NOT NULL; rollback leaves nothing', async () => {
    const [step] = setNotNull.build({ table: 'sn_online', column: 'n', fill: '-1' });
    if (!step) throw new Error('no step');
    await db.session.exec(step.online?.start.join(';') ?? '');
    await db.rollbackOnline([step]);
    expect(
      await db.value(
        `select count(*)::int from pg_constraint where conrelid = 'sn_online'::regclass and contype = 'c'`,
      ),
    ).toBe(0);
    const { batches } = await db.applyOnline([step], 1);
    expect(batches).toBe(2);
    expect(await db.value("select string_agg(n::text, ',' order by id) from sn_online")).toBe(
      '1,-1,3,-1,5',
    );
    expect(await isNotNull(db, 'sn_online', 'n')).toBe(true);
    // The guard check is gone (PostgreSQL 18, PGlite's, keeps NOT NULL as a constraint of its own).
    expect(
      await db.value(
        `select count(*)::int from pg_constraint where conrelid = 'sn_online'::regclass and contype = 'c'`,
      ),
    ).toBe(0);
  });
});
