import { describe, expect, test } from 'bun:test';
import { changeForeignKey } from '../../src/converge/steps/change-foreign-key.ts';
import { useStepDatabase } from './support.ts';

describe('steps/change-foreign-key', () => {
  const db = useStepDatabase(`
    create table cfk_parent (id int primary key);
    create table cfk_child (id int primary key, parent_id int references cfk_parent(id) on delete cascade);
    insert into cfk_parent values (1), (2);
    insert into cfk_child values (1, 1), (2, 2);`);

  test('dropped, added back NOT VALID with its orphan check, and validated; no row changes', async () => {
    const live = (await db.catalog()).schema.tables
      .get('cfk_child')
      ?.constraints.get('cfk_child_parent_id_fkey');
    if (!live) throw new Error('no foreign key');
    const wanted = {
      ...live,
      onDelete: 'set null',
      definition: live.definition.replace('CASCADE', 'SET NULL'),
    };
    const steps = changeForeignKey.build({ table: 'cfk_child', live, wanted, onDeleteOnly: true });
    expect(steps.map((s) => [s.kind, s.phase, s.summary])).toEqual([
      [
        'change-foreign-key',
        'drop',
        'change foreign key cfk_child_parent_id_fkey on cfk_child (on delete cascade → set null): dropped here, added back below',
      ],
      ['add-foreign-key', 'constrain', 'add foreign key cfk_child_parent_id_fkey on cfk_child'],
      ['validate-constraint', 'validate', 'validate cfk_child_parent_id_fkey'],
    ]);
    expect(steps[0]?.drops).toEqual(['constraint:cfk_child.cfk_child_parent_id_fkey']);
    expect((await db.check(steps[1]?.checks[0])).summary).toBe(
      'ok: no orphans for cfk_child_parent_id_fkey',
    );
    await db.apply(steps);
    await db.session.exec('delete from cfk_parent where id = 1');
    expect(
      await db.value(
        `select string_agg(coalesce(parent_id::text, '-'), ',' order by id) from cfk_child`,
      ),
    ).toBe('-,2');
  });
});
