import { describe, expect, test } from 'bun:test';
import { createExtension } from '../../src/converge/steps/create-extension.ts';
import { useStepDatabase } from './support.ts';

describe('steps/create-extension', () => {
  const db = useStepDatabase('select 1');

  test('installed if missing, with no check; the rollback leaves it (other objects may use it)', async () => {
    const steps = createExtension.build({ extension: 'plpgsql' });
    expect(steps.map((s) => [s.kind, s.phase, s.summary, s.sql, s.checks])).toEqual([
      [
        'create-extension',
        'create',
        'install extension plpgsql',
        ['create extension if not exists "plpgsql"'],
        [],
      ],
    ]);
    await db.apply(steps);
    await db.rollbackOnline(steps);
    expect(await db.value(`select count(*)::int from pg_extension where extname = 'plpgsql'`)).toBe(
      1,
    );
  });
});
