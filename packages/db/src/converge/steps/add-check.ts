/**
 * The data check of a new check constraint: the rows that violate it. (The step is planned in
 * constraints.ts.)
 */
import { type CheckContext, countWhere, projection, result } from '../check-sql.ts';
import type { CheckResult, CheckSpec } from '../model.ts';

export async function checkConstraint(
  context: CheckContext,
  spec: Extract<CheckSpec, { kind: 'check' }>,
): Promise<CheckResult> {
  const columns = [...(context.target.tables.get(spec.table)?.columns.keys() ?? [])];
  const found = await countWhere(
    context,
    projection(context, spec.table, columns),
    `not coalesce((${spec.expression}), true)`,
  );
  return result(
    spec,
    undefined,
    found,
    `every row satisfies ${spec.name}`,
    `violate ${spec.name} ${spec.expression}`,
    `update them to satisfy the check, and run again`,
  );
}
