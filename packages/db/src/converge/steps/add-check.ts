/**
 * Adding a check constraint: its data check finds the rows that violate it. Online, added NOT
 * VALID (no scan under the lock), then validated (blocking no write).
 */

import type { LiveConstraint } from '../../catalog/introspect.ts';
import { type CheckContext, countWhere, projection, result } from '../check-sql.ts';
import type { CheckResult, CheckSpec } from '../model.ts';
import { quote } from '../pair.ts';
import { makeStep, type StepKind } from './kind.ts';

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

export interface AddConstraintInput {
  table: string;
  constraint: LiveConstraint;
}

export const addCheck: StepKind<AddConstraintInput, 'check'> = {
  name: 'add-check',
  checks: { check: checkConstraint },
  build({ table, constraint: c }) {
    const t = quote(table);
    const name = quote(c.name);
    const expression = c.definition.replace(/^CHECK\s*/, '').replace(/\s*NOT VALID$/, '');
    return [
      makeStep(
        'add-check',
        'constrain',
        table,
        `add ${c.type} ${c.name} on ${table}`,
        [`alter table ${t} add constraint ${name} ${c.definition}`],
        {
          checks: [{ kind: 'check', table, name: c.name, expression }],
          longLock: true,
          online: {
            start: [
              `alter table ${t} add constraint ${name} ${c.definition.replace(/\s*NOT VALID$/, '')} not valid`,
            ],
            complete: [`alter table ${t} validate constraint ${name}`],
            rollback: [`alter table ${t} drop constraint if exists ${name}`],
          },
        },
      ),
    ];
  },
};
