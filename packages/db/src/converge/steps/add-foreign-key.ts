/**
 * Adding a foreign key: NOT VALID after every other step (the uniques it needs come first), then
 * validated; the data check finds the orphans.
 */
import type { LiveConstraint } from '../../catalog/introspect.ts';
import { type CheckContext, countWhere, projection, result } from '../check-sql.ts';
import type { CheckResult, CheckSpec } from '../model.ts';
import { quote } from '../pair.ts';
import { asIs, makeStep, type StepKind } from './kind.ts';
import { validateConstraint } from './validate-constraint.ts';

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

export interface AddForeignKeyInput {
  table: string;
  constraint: LiveConstraint;
}

/**
 * The steps: the constraint added NOT VALID (with the orphan check), run after every other
 * step of every table (the uniques it needs come first), then validated. Both are online as
 * they are: NOT VALID takes no scan, and VALIDATE blocks no write.
 */
export const addForeignKey: StepKind<AddForeignKeyInput, 'foreign-key'> = {
  name: 'add-foreign-key',
  checks: { 'foreign-key': checkForeignKey },
  build({ table, constraint: c }) {
    const t = quote(table);
    const name = quote(c.name);
    const add = [`alter table ${t} add constraint ${name} ${c.definition} not valid`];
    return [
      makeStep(
        'add-foreign-key',
        'constrain',
        table,
        `add foreign key ${c.name} on ${table}`,
        add,
        {
          checks: [
            {
              kind: 'foreign-key',
              table,
              columns: c.columns,
              refTable: c.referencedTable as string,
              refColumns: c.referencedColumns,
              name: c.name,
            },
          ],
          online: asIs(add, [`alter table ${t} drop constraint if exists ${name}`]),
        },
      ),
      ...validateConstraint.build({ table, name: c.name }),
    ];
  },
};
