/**
 * What every data check is built of: a projection of the live rows as the plan will compute
 * them, a count with example keys, and the one-line result (ok, or a refusal with the fix).
 */
import type { ColumnDependents } from '../catalog/dependents.ts';
import type { LiveSchema } from '../catalog/introspect.ts';
import type { SqlSession } from '../connection/client.ts';
import type { ColumnSource } from './diff.ts';
import type { CheckResult, CheckSpec } from './model.ts';
import { quote } from './pair.ts';

export const valuePlaceholder = '__fluxcore_value__';

export interface CheckContext {
  session: SqlSession;
  /** How many example keys a refusal lists (3 for people). */
  exampleLimit?: number;
  live: LiveSchema;
  target: LiveSchema;
  sources: Map<string, Map<string, ColumnSource>>;
  /** What each dropped column's dependents were, when the plan's ordering read them already. */
  columnDependents?: ReadonlyMap<string, ColumnDependents>;
}

export const literal = (text: string) => `'${text.replaceAll("'", "''")}'`;

/** The live row's key as text, for examples: its primary key, or its physical address. */
function keyOf(context: CheckContext, table: string): string {
  const primary = [...(context.live.tables.get(table)?.constraints.values() ?? [])].find(
    (c) => c.type === 'primary key',
  );
  if (!primary) return 'ctid::text';
  return primary.columns.length === 1
    ? `${quote(primary.columns[0] as string)}::text`
    : `concat_ws('/', ${primary.columns.map((c) => `${quote(c)}::text`).join(', ')})`;
}

/** `select <target columns as the plan will compute them>, key from <live table>`. */
export function projection(
  context: CheckContext,
  table: string,
  columns: string[],
  mode: 'cast' | 'raw' = 'cast',
): string {
  const sources = context.sources.get(table);
  const target = context.target.tables.get(table);
  if (!sources) {
    const types = columns.map(
      (c) => `null::${target?.columns.get(c)?.type ?? 'text'} as ${quote(c)}`,
    );
    return `select ${[...types, 'null::text as __key'].join(', ')} where false`;
  }
  const list = columns.map((c) => `${sources.get(c)?.[mode] ?? 'null'} as ${quote(c)}`);
  return `select ${[...list, `${keyOf(context, table)} as __key`].join(', ')} from ${quote(table)}`;
}

export async function guarded<T>(session: SqlSession, run: () => Promise<T>): Promise<T | Error> {
  await session.exec('savepoint fluxcore_check');
  try {
    const result = await run();
    await session.exec('release savepoint fluxcore_check');
    return result;
  } catch (error) {
    await session.exec('rollback to savepoint fluxcore_check');
    return error as Error;
  }
}

export async function countWhere(
  context: CheckContext,
  from: string,
  where: string,
): Promise<{ rows: number; examples: string[] }> {
  const rows = await context.session.query<{ rows: number; examples: unknown }>(
    `select count(*)::int as rows, (array_agg(__key))[1:${context.exampleLimit ?? 3}]::text[] as examples from (${from}) t where ${where}`,
  );
  const examples = rows[0]?.examples;
  return {
    rows: Number(rows[0]?.rows ?? 0),
    examples: Array.isArray(examples)
      ? examples.map(String)
      : String(examples ?? '')
          .replace(/^\{|\}$/g, '')
          .split(',')
          .filter(Boolean),
  };
}

export function result(
  spec: Exclude<CheckSpec, { kind: 'drop-schema' }>,
  column: string | undefined,
  found: { rows: number; examples: string[] },
  ok: string,
  problem: string,
  fix: string,
): CheckResult {
  const at = column ? `${spec.table}.${column}` : spec.table;
  const examples = found.examples.length ? ` (e.g. ${found.examples.join('; ')})` : '';
  return found.rows === 0
    ? {
        spec,
        ok: true,
        summary: `ok: ${ok}`,
        table: spec.table,
        column,
        rows: 0,
        examples: [],
        fix: undefined,
      }
    : {
        spec,
        ok: false,
        summary: `REFUSED: ${at}: ${found.rows} row(s) ${problem}${examples}. Fix: ${fix}`,
        table: spec.table,
        column,
        rows: found.rows,
        examples: found.examples,
        fix,
      };
}

export const castableFunction = `create or replace function pg_temp.fluxcore_castable(statement text) returns boolean
  language plpgsql as $$ begin execute statement; return true; exception when others then return false; end $$`;
