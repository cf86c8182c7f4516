import { describe, expect, test } from 'bun:test';
import { createSchema } from '../../src/converge/steps/create-schema.ts';
import { useStepDatabase } from './support.ts';

describe('steps/create-schema', () => {
  const db = useStepDatabase('select 1');

  test('created, with no check; online as it is, and dropped by the rollback', async () => {
    const steps = createSchema.build({ schema: 'step_tools' });
    expect(steps.map((s) => [s.kind, s.phase, s.summary, s.sql, s.checks])).toEqual([
      ['create-schema', 'create', 'create schema step_tools', ['create schema "step_tools"'], []],
    ]);
    await db.applyOnline(steps);
    expect(
      await db.value(`select count(*)::int from pg_namespace where nspname = 'step_tools'`),
    ).toBe(1);
    await db.rollbackOnline(steps);
    expect(
      await db.value(`select count(*)::int from pg_namespace where nspname = 'step_tools'`),
    ).toBe(0);
  });
});
