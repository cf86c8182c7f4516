/**
 * Adding a foreign key: NOT VALID after every other step (the uniques it needs come first), then
 * validated; the data check finds the orphans.
 */
import type { LiveConstraint } from '../../catalog/introspect.ts';
import { type CheckContext, countWhere, projection, result } from '../check-sql.ts';
import type { ConstraintTable } from '../constraints.ts';
import type { CheckResult, CheckSpec } from '../model.ts';
import { quote } from '../pair.ts';

export async function checkForeignKey(
  context: CheckContext,
  spec: Extract<CheckSpec, { kind: 'foreign-key' }>,
): Promise<CheckResult> {
  const match = spec.columns
    .map((c, i) => `p.${quote(spec.refColumns[i] as string)} = c.${quote(c)}`)
    .join(' and ');
  const found = await countWhere(
    context,
    `select c.* from (${projection(context, spec.table, spec.columns)}) c where ${spec.columns.map((col) => `c.${quote(col)} is not null`).join(' and ')}
       and not exists (select 1 from (${projection(context, spec.refTable, spec.refColumns)}) p where ${match})`,
    'true',
  );
  return result(
    spec,
    spec.columns.join(', '),
    found,
    `no orphans for ${spec.name}`,
    `point at no row of ${spec.refTable} (orphans for ${spec.name})`,
    `delete them, or set ${spec.columns.join(', ')} to an existing ${spec.refTable} row (or null where allowed), and run again`,
  );
}

/** The steps: the constraint added NOT VALID (with the orphan check), then validated. */
export function planAddForeignKey(ct: ConstraintTable, c: LiveConstraint): void {
  const { want, t } = ct;
  ct.laterFks.push({
    phase: 'constrain',
    table: want.name,
    summary: `add foreign key ${c.name} on ${want.name}`,
    rewrites: false,
    longLock: false,
    sql: [`alter table ${t} add constraint ${quote(c.name)} ${c.definition} not valid`],
    checks: [
      {
        kind: 'foreign-key',
        table: want.name,
        columns: c.columns,
        refTable: c.referencedTable as string,
        refColumns: c.referencedColumns,
        name: c.name,
      },
    ],
  });
  ct.step('validate', want.name, `validate ${c.name}`, [
    `alter table ${t} validate constraint ${quote(c.name)}`,
  ]);
}
