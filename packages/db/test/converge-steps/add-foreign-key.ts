import { describe, expect, test } from 'bun:test';
import { addForeignKey } from '../../src/converge/steps/add-foreign-key.ts';
import { liveConstraint, useStepDatabase } from './support.ts';

const toParent = liveConstraint(
  'fk_child_parent_id_fkey',
  'foreign key',
  'FOREIGN KEY (parent_id) REFERENCES fk_parent(id) ON DELETE CASCADE',
  {
    columns: ['parent_id'],
    referencedTable: 'fk_parent',
    referencedColumns: ['id'],
    onDelete: 'cascade',
  },
);

describe('steps/add-foreign-key', () => {
  const db = useStepDatabase(`
    create table fk_parent (id int primary key);
    insert into fk_parent values (1);
    create table fk_child (id int primary key, parent_id int);
    insert into fk_child values (1, 1), (2, 9), (3, null);`);
  const steps = addForeignKey.build({ table: 'fk_child', constraint: toParent });

  test('added NOT VALID after the others, then validated: two steps', () => {
    expect(steps.map((s) => [s.kind, s.phase, s.summary])).toEqual([
      ['add-foreign-key', 'constrain', 'add foreign key fk_child_parent_id_fkey on fk_child'],
      ['validate-constraint', 'validate', 'validate fk_child_parent_id_fkey'],
    ]);
  });

  test('orphans are refused; once pointed at a parent the key is added and holds', async () => {
    expect((await db.check(steps[0]?.checks[0])).summary).toBe(
      'REFUSED: fk_child.parent_id: 1 row(s) point at no row of fk_parent (orphans for fk_child_parent_id_fkey) (e.g. 2). Fix: delete them, or set parent_id to an existing fk_parent row (or null where allowed), and run again',
    );
    await db.session.exec('update fk_child set parent_id = 1 where id = 2');
    expect((await db.check(steps[0]?.checks[0])).summary).toBe(
      'ok: no orphans for fk_child_parent_id_fkey',
    );
    await db.applyOnline(steps);
    expect(
      await db.value(
        `select convalidated from pg_constraint where conname = 'fk_child_parent_id_fkey'`,
      ),
    ).toBe(true);
    await db.session.exec('delete from fk_parent where id = 1');
    expect(await db.value('select count(*)::int from fk_child where parent_id is not null')).toBe(
      0,
    );
  });
});
