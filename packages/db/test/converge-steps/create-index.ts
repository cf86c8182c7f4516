import { describe, expect, test } from 'bun:test';
import type { LiveIndex } from '../../src/catalog/introspect.ts';
import { createIndex } from '../../src/converge/steps/create-index.ts';
import { useStepDatabase } from './support.ts';

describe('steps/create-index', () => {
  const db = useStepDatabase(`
    create table cix (id int primary key, email text, deleted boolean not null default false);
    create unique index cix_email_live on cix (lower(email)) where not deleted;
    insert into cix values (1, 'A@x', false), (3, 'b@x', false);`);
  let index: LiveIndex;

  test('the unique index read, dropped, and built again: duplicates of its keys are refused first', async () => {
    index = (await db.catalog()).schema.tables
      .get('cix')
      ?.indexes.get('cix_email_live') as LiveIndex;
    await db.session.exec(
      `drop index cix_email_live; insert into cix values (2, 'a@X', false), (4, 'b@x', true)`,
    );
    const steps = createIndex.build({ table: 'cix', index });
    expect(steps.map((s) => [s.kind, s.phase, s.summary, s.sql])).toEqual([
      ['create-index', 'constrain', 'create index cix_email_live on cix', [index.definition]],
    ]);
    expect((await db.check(steps[0]?.checks[0])).summary).toBe(
      'REFUSED: cix.deleted, email: 2 row(s) share a value in 1 duplicate group(s), which cix_email_live forbids (e.g. a@x in 1 & 2). Fix: merge or delete the duplicates, and run again',
    );
    await db.session.exec('update cix set deleted = true where id = 2');
    expect((await db.check(steps[0]?.checks[0])).ok).toBe(true);
  });

  test('online: built CONCURRENTLY outside a transaction; the rollback drops it', async () => {
    const steps = createIndex.build({ table: 'cix', index });
    expect(steps[0]?.online?.start[0]).toStartWith(
      'CREATE UNIQUE INDEX CONCURRENTLY cix_email_live ON ',
    );
    expect(steps[0]?.online?.outsideTransaction).toBe(true);
    await db.applyOnline(steps);
    expect(
      await db.value(
        `select indisvalid from pg_index where indexrelid = 'cix_email_live'::regclass`,
      ),
    ).toBe(true);
    await expect(db.session.exec(`insert into cix values (5, 'B@X', false)`)).rejects.toThrow();
    await db.rollbackOnline(steps);
    expect(await db.value(`select to_regclass('cix_email_live') is null`)).toBe(true);
  });

  test('an index a failed concurrent build left invalid is rebuilt (reindex), with no check', async () => {
    const online = createIndex.build({ table: 'cix', index });
    await db.session.exec(`insert into cix values (6, 'c@x', false), (7, 'C@x', false)`);
    await expect(db.applyOnline(online)).rejects.toThrow('could not create unique index');
    expect(
      await db.value(
        `select indisvalid from pg_index where indexrelid = 'cix_email_live'::regclass`,
      ),
    ).toBe(false);
    const steps = createIndex.build({ table: 'cix', index, rebuild: true });
    expect(steps.map((s) => [s.summary, s.sql, s.checks])).toEqual([
      ['rebuild invalid index cix_email_live', ['reindex index "cix_email_live"'], []],
    ]);
    await db.session.exec('delete from cix where id = 7');
    await db.apply(steps);
    expect(
      await db.value(
        `select indisvalid from pg_index where indexrelid = 'cix_email_live'::regclass`,
      ),
    ).toBe(true);
  });
});
