import { describe, expect, test } from 'bun:test';
import { createEnum } from '../../src/converge/steps/create-enum.ts';
import { retype } from '../../src/converge/steps/retype.ts';
import { liveColumn, useStepDatabase } from './support.ts';

describe('steps/create-enum', () => {
  const db = useStepDatabase(`
    create type ce_state as enum ('open', 'closed', 'lost');
    create table ce (id int primary key, state ce_state);
    insert into ce values (1, 'open'), (2, 'lost');`);

  test('a new enum is created with its labels', async () => {
    const steps = createEnum.build({ name: 'ce_kind', labels: ["it's", 'b'], rebuild: false });
    expect(steps.map((s) => [s.kind, s.phase, s.summary, s.sql])).toEqual([
      [
        'create-enum',
        'create',
        'create enum ce_kind',
        [`create type "ce_kind" as enum ('it''s', 'b')`],
      ],
    ]);
    await db.apply(steps);
    expect(
      await db.value(`select string_agg(e, ',') from unnest(enum_range(null::ce_kind)::text[]) e`),
    ).toBe("it's,b");
  });

  test('one with other labels is rebuilt: its columns move over by text, and a value outside the new labels is refused', async () => {
    const steps = createEnum.build({ name: 'ce_state', labels: ['open', 'closed'], rebuild: true });
    expect(steps.map((s) => [s.summary, s.sql])).toEqual([
      [
        'rebuild enum ce_state',
        [
          `alter type "ce_state" rename to "ce_state__fluxcore_old"`,
          `create type "ce_state" as enum ('open', 'closed')`,
        ],
      ],
    ]);
    const column = liveColumn('state', { type: 'ce_state', enumType: 'ce_state' });
    const [move] = retype.build({
      table: 'ce',
      column,
      from: column,
      transform: undefined,
      typeChanges: true,
      afterRename: '"state"',
      enumLabels: ['open', 'closed'],
      zone: undefined,
    });
    expect((await db.check(move?.checks[0])).summary).toBe(
      'REFUSED: ce.state: 1 row(s) hold values outside the enum ce_state (open, closed) (e.g. 2). Fix: update them to one of those values, and run again',
    );
    await db.session.exec(`update ce set state = 'closed' where id = 2`);
    await db.apply([...steps, ...(move ? [move] : [])]);
    expect(await db.value(`select string_agg(state::text, ',' order by id) from ce`)).toBe(
      'open,closed',
    );
  });
});
