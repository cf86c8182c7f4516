/**
 * Adding a unique constraint or primary key (and an exclusion constraint, which has no data
 * check): the data check finds the duplicate groups, for a unique index too (create-index.ts).
 * No online phases yet: online, the index is built CONCURRENTLY first and the constraint
 * added USING INDEX (issue 26).
 */
import { type CheckContext, projection, result } from '../check-sql.ts';
import type { CheckResult, CheckSpec } from '../model.ts';
import { quote } from '../pair.ts';
import type { AddConstraintInput } from './add-check.ts';
import { makeStep, type StepKind } from './kind.ts';

export async function checkUnique(
  context: CheckContext,
  spec: Extract<CheckSpec, { kind: 'unique' }>,
): Promise<CheckResult> {
  // An index's keys may be expressions (lower(email), least(a, b)), over target columns.
  const cols = spec.keys ?? spec.columns.map(quote);
  const filters = spec.nullsNotDistinct ? [] : cols.map((c) => `(${c}) is not null`);
  if (spec.predicate) filters.push(`(${spec.predicate})`);
  const notNull = filters.length > 0 ? filters.join(' and ') : 'true';
  const rows = await context.session.query<{ groups: number; rows: number; examples: unknown }>(
    `select count(*)::int as groups, coalesce(sum(n), 0)::int as rows, (array_agg(example))[1:${context.exampleLimit ?? 3}]::text[] as examples
     from (select count(*) as n, concat_ws(', ', ${cols.map((c) => `(${c})::text`).join(', ')}) || ' in ' || string_agg(__key, ' & ') as example
           from (${projection(context, spec.table, spec.columns)}) t where ${notNull} group by ${cols.join(', ')} having count(*) > 1) d`,
  );
  const groups = Number(rows[0]?.groups ?? 0);
  const ex = rows[0]?.examples;
  const examples = Array.isArray(ex) ? ex.map(String) : [];
  return result(
    spec,
    spec.columns.join(', '),
    { rows: Number(rows[0]?.rows ?? 0), examples },
    `no duplicates for ${spec.name}`,
    `share a value in ${groups} duplicate group(s), which ${spec.name} forbids`,
    `merge or delete the duplicates, and run again`,
  );
}

export const addUnique: StepKind<AddConstraintInput, 'unique'> = {
  name: 'add-unique',
  checks: { unique: checkUnique },
  build({ table, constraint: c }) {
    const checks: CheckSpec[] =
      c.type === 'unique' || c.type === 'primary key'
        ? [
            {
              kind: 'unique',
              table,
              columns: c.columns,
              nullsNotDistinct: c.nullsNotDistinct || c.type === 'primary key',
              name: c.name,
            },
          ]
        : [];
    return [
      makeStep(
        'add-unique',
        'constrain',
        table,
        `add ${c.type} ${c.name} on ${table}`,
        [`alter table ${quote(table)} add constraint ${quote(c.name)} ${c.definition}`],
        { checks, longLock: true },
      ),
    ];
  },
};
