/**
 * The data checks that guard a plan. Each reads the live rows through a projection: the
 * target's columns computed from the live row (renamed, transformed, cast) exactly as the plan
 * will compute them, so a check sees the values the step will meet without changing anything.
 * Every refusal names the table and column, the number of rows, up to three example keys and
 * the fix.
 */
import { type CheckContext, guarded } from './check-sql.ts';
import { dropColumnCheck, dropSchemaCheck, dropTableCheck } from './drop-checks.ts';
import { checkLogicNames } from './logic-readers.ts';
import type { CheckResult, CheckSpec } from './model.ts';
import { checkConstraint } from './steps/add-check.ts';
import { checkNoSource } from './steps/add-column.ts';
import { checkForeignKey } from './steps/add-foreign-key.ts';
import { checkUnique } from './steps/add-unique.ts';
import { checkRetype } from './steps/retype.ts';
import { checkNotNull } from './steps/set-not-null.ts';

export type { CheckContext } from './check-sql.ts';

type CheckRunners = {
  [K in CheckSpec['kind']]: (
    context: CheckContext,
    spec: Extract<CheckSpec, { kind: K }>,
  ) => Promise<CheckResult>;
};

/**
 * Each kind of check, run by the module of the step it guards (steps/, drop-checks.ts,
 * logic-readers.ts): one file a kind of step, as pgroll's op_*.go, where the online phases of
 * issue 26 (start, complete, rollback) are to join the step's SQL and its check.
 */
const runners: CheckRunners = {
  'not-null': checkNotNull,
  'no-source': checkNoSource,
  retype: checkRetype,
  unique: checkUnique,
  'foreign-key': checkForeignKey,
  check: checkConstraint,
  'drop-table': dropTableCheck,
  'drop-column': dropColumnCheck,
  'drop-schema': dropSchemaCheck,
  logic: checkLogicNames,
};

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
  const run = runners[spec.kind] as (
    context: CheckContext,
    spec: CheckSpec,
  ) => Promise<CheckResult>;
  return run(context, spec);
}
