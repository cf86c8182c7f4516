import { describe, expect, test } from 'bun:test';
import type { LiveFunction, LiveTrigger, LiveView } from '../../src/catalog/logic.ts';
import { replaceLogic } from '../../src/converge/steps/replace-logic.ts';
import { useStepDatabase } from './support.ts';

describe('steps/replace-logic', () => {
  const db = useStepDatabase(`
    create table rl (id int primary key, n int, hits int not null default 0);
    create function public.rl_count() returns trigger language plpgsql as
      'begin new.hits := new.hits + 1; return new; end';
    create trigger rl_count before update on rl for each row execute function public.rl_count();
    create view rl_view as select id from rl;
    insert into rl values (1, 1, 0);`);

  test('the original trigger is dropped in the step list before the one that replaces it is created: it fires once', async () => {
    const logic = await db.catalog();
    const trigger = logic.logic.triggers.get('rl.rl_count') as LiveTrigger;
    const fn = logic.logic.functions.get('public.rl_count()') as LiveFunction;
    const view = logic.logic.views.get('public.rl_view') as LiveView;
    const replacement = trigger.definition.replace('rl_count', 'rl_count_hits');
    const steps = [
      ...replaceLogic.build({
        action: 'drop-trigger',
        key: 'rl.rl_count',
        trigger,
        why: ": the original's, replaced",
      }),
      ...replaceLogic.build({ action: 'drop-view', key: 'public.rl_view', view, recreated: false }),
      ...replaceLogic.build({
        action: 'create',
        object: 'trigger',
        key: 'rl.rl_count_hits',
        definition: replacement,
      }),
      ...replaceLogic.build({
        action: 'drop-function',
        key: 'public.rl_count()',
        fn,
        why: ' (--drop)',
        original: false,
      }),
    ];
    expect(steps.map((s) => [s.kind, s.phase, s.summary, s.drops])).toEqual([
      [
        'replace-logic',
        'drop',
        "drop trigger rl.rl_count: the original's, replaced",
        ['trigger:rl.rl_count'],
      ],
      ['replace-logic', 'drop', 'drop view public.rl_view (--drop)', ['view:public.rl_view']],
      ['replace-logic', 'logic', 'create trigger rl.rl_count_hits', undefined],
      ['replace-logic', 'drop', 'drop function public.rl_count() (--drop)', undefined],
    ]);
    // The function goes last here only because the new trigger still runs it: apply without it.
    await db.apply(steps.slice(0, 3));
    await db.session.exec('update rl set n = 2');
    expect(await db.value('select hits from rl')).toBe(1);
    expect(
      await db.value(
        `select string_agg(tgname, ',') from pg_trigger where tgrelid = 'rl'::regclass`,
      ),
    ).toBe('rl_count_hits');
  });

  test('a column change that kept logic names is refused in one line (the check this kind owns)', async () => {
    const result = await db.check({
      kind: 'logic',
      table: 'rl',
      column: 'n',
      change: 'dropped',
      readers: ['function public.rl_count() (trigger rl_count_hits on rl)'],
    });
    expect(result.summary).toBe(
      'REFUSED: rl.n is dropped by the plan, but database logic still names it: function public.rl_count() (trigger rl_count_hits on rl) (PostgreSQL does not track plpgsql bodies). Fix: rewrite it without the column, or drop it with --drop <name> too, or keep the column, and run again',
    );
  });
});
