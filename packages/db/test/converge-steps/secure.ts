import { describe, expect, test } from 'bun:test';
import { secure } from '../../src/converge/steps/secure.ts';
import { useStepDatabase } from './support.ts';

describe('steps/secure', () => {
  const db = useStepDatabase('create table step_notes (id uuid primary key, account_id uuid)');

  test('a catalog change with no check, its plan line, online as it is', async () => {
    const steps = secure.build({
      phase: 'logic',
      table: 'step_notes',
      summary: 'step_notes: enable row level security',
      sql: ['alter table "step_notes" enable row level security'],
    });
    expect(steps.map((s) => [s.kind, s.phase, s.table, s.summary, s.checks])).toEqual([
      ['secure', 'logic', 'step_notes', 'step_notes: enable row level security', []],
    ]);
    await db.applyOnline(steps);
    expect(await db.value(`select relrowsecurity from pg_class where relname = 'step_notes'`)).toBe(
      true,
    );
  });
});
