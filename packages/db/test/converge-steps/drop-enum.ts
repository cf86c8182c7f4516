import { describe, expect, test } from 'bun:test';
import { dropEnum } from '../../src/converge/steps/drop-enum.ts';
import { useStepDatabase } from './support.ts';

describe('steps/drop-enum', () => {
  const db = useStepDatabase(`create type de_old as enum ('a');`);

  test('an enum no column uses is dropped at the end, with no check', async () => {
    const steps = dropEnum.build({ name: 'de_old' });
    expect(steps.map((s) => [s.kind, s.phase, s.summary, s.sql, s.checks])).toEqual([
      [
        'drop-enum',
        'cleanup',
        'drop enum de_old (no column uses it any more)',
        ['drop type "de_old"'],
        [],
      ],
    ]);
    await db.apply(steps);
    expect(await db.value(`select to_regtype('de_old') is null`)).toBe(true);
  });
});
