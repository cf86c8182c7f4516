/**
 * The data checks that guard a plan. Each reads the live rows through a projection: the
 * target's columns computed from the live row (renamed, transformed, cast) exactly as the plan
 * will compute them, so a check sees the values the step will meet without changing anything.
 * Every refusal names the table and column, the number of rows, up to three example keys and
 * the fix.
 */
import { type CheckContext, guarded } from './check-sql.ts';
import type { CheckResult, CheckSpec } from './model.ts';
import { checkRunners } from './steps/all.ts';

export type { CheckContext } from './check-sql.ts';

export async function runCheck(context: CheckContext, spec: CheckSpec): Promise<CheckResult> {
  const outcome = await guarded(context.session, () => runCheckUnguarded(context, spec));
  if (outcome instanceof Error) {
    const column = 'column' in spec ? spec.column : undefined;
    const table = 'table' in spec ? spec.table : spec.schema;
    const fix = 'resolve that error and run again';
    return {
      spec,
      ok: false,
      table,
      column,
      rows: 0,
      examples: [],
      fix,
      summary: `REFUSED: ${column ? `${table}.${column}` : table}: the ${spec.kind} check could not run (${outcome.message.split('\n')[0]}). Fix: ${fix}`,
    };
  }
  return outcome;
}

function runCheckUnguarded(context: CheckContext, spec: CheckSpec): Promise<CheckResult> {
  // Each kind of check is run by the module of the step it guards (steps/all.ts).
  const run = checkRunners[spec.kind] as (
    context: CheckContext,
    spec: CheckSpec,
  ) => Promise<CheckResult>;
  return run(context, spec);
}
