import { describe, expect, test } from 'bun:test';
import { secure } from '../../src/converge/steps/secure.ts';
import { useStepDatabase } from './support.ts';

describe('steps/secure', () => {
  const db = useStepDatabase('create table step_notes (id uuid primary key, account_id uuid)');

  test("one step for a table's flags and policies: no check, its plan line, online as it is", async () => {
    // As converge/security.ts builds it: the flags first, then the policies they make apply.
    const steps = secure.build({
      phase: 'logic',
      table: 'step_notes',
      summary:
        'security of step_notes: enable row level security, force row level security, create policy step_notes_own',
      sql: [
        'alter table "step_notes" enable row level security, force row level security',
        `create policy "step_notes_own" on "step_notes" as permissive for all to public using (account_id is not null)`,
      ],
    });
    expect(steps.map((s) => [s.kind, s.phase, s.table, s.summary, s.checks])).toEqual([
      [
        'secure',
        'logic',
        'step_notes',
        'security of step_notes: enable row level security, force row level security, create policy step_notes_own',
        [],
      ],
    ]);
    const [step] = steps;
    expect(step?.online).toEqual({ start: step?.sql ?? [], complete: [], rollback: [] });
    await db.applyOnline(steps);
    expect(
      await db.value(
        `select relrowsecurity and relforcerowsecurity from pg_class where relname = 'step_notes'`,
      ),
    ).toBe(true);
    expect(
      await db.value(
        `select count(*)::int from pg_policy where polrelid = 'step_notes'::regclass and polname = 'step_notes_own'`,
      ),
    ).toBe(1);
  });
});
