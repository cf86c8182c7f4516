import { describe, expect, test } from 'bun:test';
import { renameColumn } from '../../src/converge/steps/rename-column.ts';
import { replaceLogic } from '../../src/converge/steps/replace-logic.ts';
import { useStepDatabase } from './support.ts';

describe('steps/rename-column', () => {
  const db = useStepDatabase(`
    create table rc (id int primary key, nick text);
    insert into rc values (1, 'ann'), (2, null);`);

  test('renamed with its values; the plan line gives the reason; no data check of its own', async () => {
    const steps = renameColumn.build({
      table: 'rc',
      from: 'nick',
      to: 'display_name',
      reason: 'the schema names it display_name',
    });
    expect(steps.map((s) => [s.kind, s.phase, s.summary, s.checks.length])).toEqual([
      [
        'rename-column',
        'rename',
        'rename rc.nick to display_name (the schema names it display_name)',
        0,
      ],
    ]);
    await db.apply(steps);
    expect(
      await db.value(`select string_agg(coalesce(display_name, '-'), ',' order by id) from rc`),
    ).toBe('ann,-');
  });

  test('logic that still names the old column refuses the rename (the check replace-logic owns)', async () => {
    const result = await db.check({
      kind: 'logic',
      table: 'rc',
      column: 'nick',
      change: 'renamed to display_name',
      readers: ['function public.nick_of(integer)'],
    });
    expect(Object.keys(replaceLogic.checks)).toEqual(['logic']);
    expect(result.summary).toBe(
      'REFUSED: rc.nick is renamed to display_name by the plan, but database logic still names it: function public.nick_of(integer) (PostgreSQL does not track plpgsql bodies). Fix: rewrite it for the new column, or drop it with --drop <name> (and recreate it afterwards), and run again',
    );
  });
});
