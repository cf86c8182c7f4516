/**
 * Tables the schema does not declare that --drop names: dropped last of the drop phase, in one
 * statement (they may reference each other) and without CASCADE. Its check: nothing outside
 * them depends on them unless the plan drops it too (a view, another table's foreign key), and
 * their rows are counted for the plan. No online phases: a drop cannot be rolled back.
 */
import { readDependents } from '../../catalog/dependents.ts';
import type { CheckContext } from '../check-sql.ts';
import { droppedAlongside, namedDependent } from '../drop-checks.ts';
import type { CheckResult, CheckSpec } from '../model.ts';
import { quote } from '../pair.ts';
import { makeStep, type StepKind } from './kind.ts';

/**
 * A table --drop drops: nothing outside it may depend on it (the drop runs without CASCADE,
 * which would drop views and other tables' foreign keys silently), unless the plan drops that
 * too. Its rows are counted for the plan.
 */
export async function dropTableCheck(
  context: CheckContext,
  spec: Extract<CheckSpec, { kind: 'drop-table' }>,
): Promise<CheckResult> {
  const alongside = new Set(spec.alongside);
  const blocking = (await readDependents(context.session, spec.table)).filter(
    (d) => !droppedAlongside(d, alongside),
  );
  const [count] = await context.session.query<{ n: number }>(
    `select count(*)::int as n from ${quote(spec.table)}`,
  );
  const rows = Number(count?.n ?? 0);
  const named = blocking.map((d) => namedDependent(d).named);
  if (blocking.length === 0) {
    return {
      spec,
      ok: true,
      summary: `ok: nothing outside ${spec.table} depends on it; its ${rows} row(s) go with it`,
      table: spec.table,
      column: undefined,
      rows,
      examples: [],
      fix: undefined,
    };
  }
  const ways = blocking.map((d) => namedDependent(d).way);
  const fix = `deal with ${blocking.length === 1 ? 'it' : 'them'} first (${ways.join('; ')}), or keep the table, and run again`;
  return {
    spec,
    ok: false,
    summary: `REFUSED: ${spec.table} (${rows} row(s)) cannot be dropped: ${named.join('; ')} depend${blocking.length === 1 ? 's' : ''} on it, and --drop never drops with CASCADE. Fix: ${fix}`,
    table: spec.table,
    column: undefined,
    rows,
    examples: named,
    fix,
  };
}

export interface DropTableInput {
  tables: string[];
  /** What the plan drops before (`view:s.v`, `constraint:t.c`, `column:t.c`, …). */
  before: string[];
}

export const dropTable: StepKind<DropTableInput, 'drop-table'> = {
  name: 'drop-table',
  checks: { 'drop-table': dropTableCheck },
  build({ tables, before }) {
    if (tables.length === 0) return [];
    const alongside = [...before, ...tables.map((name) => `table:${name}`)];
    return [
      makeStep(
        'drop-table',
        'drop',
        tables.length === 1 ? tables[0] : undefined,
        `drop table ${tables.join(', ')} (--drop)`,
        [`drop table ${tables.map(quote).join(', ')}`],
        {
          checks: tables.map((table) => ({ kind: 'drop-table', table, alongside })),
          drops: tables.map((name) => `table:${name}`),
        },
      ),
    ];
  },
};
