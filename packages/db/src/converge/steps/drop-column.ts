/**
 * A column the schema does not declare that --drop names: dropped after the views, triggers
 * and functions the plan drops (which may read it), without CASCADE; columns dropped together
 * go dependents first (drop-checks.ts orderColumnDrops). The planner adds the check once it
 * knows everything else the plan drops (`withCheck`). No online phases: a drop cannot be
 * rolled back.
 */
import { readColumnDependents } from '../../catalog/dependents.ts';
import type { CheckContext } from '../check-sql.ts';
import { droppedAlongside, namedDependent } from '../drop-checks.ts';
import type { CheckResult, CheckSpec, Step } from '../model.ts';
import { quote } from '../pair.ts';
import { makeStep, type StepKind } from './kind.ts';

/**
 * A column --drop drops: nothing else may depend on it (views reading it, other tables'
 * foreign keys, a generated column, a trigger or a policy naming it; the drop runs without
 * CASCADE), unless the plan drops that too. Its values are counted, and what goes with it
 * by itself (its table's indexes and constraints that involve it) is named.
 */
export async function dropColumnCheck(
  context: CheckContext,
  spec: Extract<CheckSpec, { kind: 'drop-column' }>,
): Promise<CheckResult> {
  const alongside = new Set(spec.alongside);
  const dependents =
    context.columnDependents?.get(`${spec.table}.${spec.column}`) ??
    (await readColumnDependents(context.session, spec.table, spec.column));
  const blocking = dependents.blocking.filter((d) => !droppedAlongside(d, alongside));
  const [count] = await context.session.query<{ n: number }>(
    `select count(${quote(spec.column)})::int as n from ${quote(spec.table)}`,
  );
  const rows = Number(count?.n ?? 0);
  const full = `${spec.table}.${spec.column}`;
  if (blocking.length === 0) {
    const goes = dependents.alongside.length
      ? `, and so do ${dependents.alongside.join(', ')}`
      : '';
    return {
      spec,
      ok: true,
      summary: `ok: nothing else depends on ${full}; its ${rows} value(s) go with it${goes}`,
      table: spec.table,
      column: spec.column,
      rows,
      examples: dependents.alongside,
      fix: undefined,
    };
  }
  const named = blocking.map((d) => namedDependent(d));
  const fix = `deal with ${blocking.length === 1 ? 'it' : 'them'} first (${named.map((n) => n.way).join('; ')}), or keep the column, and run again`;
  return {
    spec,
    ok: false,
    summary: `REFUSED: ${full} (${rows} value(s)) cannot be dropped: ${named.map((n) => n.named).join('; ')} depend${blocking.length === 1 ? 's' : ''} on it, and --drop never drops with CASCADE. Fix: ${fix}`,
    table: spec.table,
    column: spec.column,
    rows,
    examples: named.map((n) => n.named),
    fix,
  };
}

export interface DropColumnInput {
  table: string;
  column: string;
}

export const dropColumn: StepKind<DropColumnInput, 'drop-column'> = {
  name: 'drop-column',
  checks: { 'drop-column': dropColumnCheck },
  build({ table, column }) {
    const full = `${table}.${column}`;
    return [
      makeStep(
        'drop-column',
        'drop',
        table,
        `drop column ${full} (--drop)`,
        [`alter table ${quote(table)} drop column ${quote(column)}`],
        { drops: [`column:${full}`] },
      ),
    ];
  },
};

/**
 * Its check, first of the step's, once the plan knows all it drops before or with the column
 * (the logic planned after the step was built may put a check of its own on it too).
 */
export function checkDropColumnAgainst(
  step: Step,
  { table, column }: DropColumnInput,
  alongside: string[],
): void {
  step.checks.unshift({ kind: 'drop-column', table, column, alongside });
}
