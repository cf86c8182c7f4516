/**
 * The data checks that guard a plan. Each reads the live rows through a projection: the
 * target's columns computed from the live row (renamed, transformed, cast) exactly as the plan
 * will compute them, so a check sees the values the step will meet without changing anything.
 * Every refusal names the table and column, the number of rows, up to three example keys and
 * the fix.
 */
import type { ColumnDependents } from '../catalog/dependents.ts';
import type { LiveSchema } from '../catalog/introspect.ts';
import type { SqlSession } from '../connection/client.ts';
import type { ColumnSource } from './diff.ts';
import { dropColumnCheck, dropSchemaCheck, dropTableCheck } from './drop-checks.ts';
import type { CheckResult, CheckSpec } from './model.ts';
import { quote } from './pair.ts';

const valuePlaceholder = '__fluxcore_value__';

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

const literal = (text: string) => `'${text.replaceAll("'", "''")}'`;

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
function projection(
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

async function guarded<T>(session: SqlSession, run: () => Promise<T>): Promise<T | Error> {
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

async function countWhere(
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

function result(
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

const castableFunction = `create or replace function pg_temp.fluxcore_castable(statement text) returns boolean
  language plpgsql as $$ begin execute statement; return true; exception when others then return false; end $$`;

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

async function runCheckUnguarded(context: CheckContext, spec: CheckSpec): Promise<CheckResult> {
  switch (spec.kind) {
    case 'not-null': {
      const found = await countWhere(
        context,
        projection(context, spec.table, [spec.column], 'raw'),
        `${quote(spec.column)} is null`,
      );
      if (spec.fill !== undefined && found.rows > 0)
        return {
          spec,
          ok: true,
          summary: `ok: ${found.rows} null(s) filled with the schema's default ${spec.fill} (e.g. ${found.examples.join('; ')})`,
          table: spec.table,
          column: spec.column,
          rows: found.rows,
          examples: found.examples,
          fix: undefined,
        };
      return result(
        spec,
        spec.column,
        found,
        'no nulls',
        'are null and the schema says NOT NULL',
        spec.backfill
          ? `its backfill (${spec.backfill}, originalBackfills in packages/db/src/schema/original/backfills.ts) finds no value for them: give them what it reads, or delete those rows, and run again`
          : `fill them (update ${spec.table} set ${spec.column} = … where ${spec.column} is null) or delete those rows, and run again`,
      );
    }
    case 'no-source': {
      const found = await countWhere(context, projection(context, spec.table, []), 'true');
      return result(
        spec,
        spec.column,
        found,
        'the table is empty',
        `would have no value: ${spec.table}.${spec.column} is new, NOT NULL and has no default`,
        `give it a default in the schema, or declare the original column it comes from in originalRenames or how to derive it in originalBackfills (packages/db/src/schema/original/), or empty the table, and run again`,
      );
    }
    case 'retype': {
      const raw = projection(context, spec.table, [spec.column], 'raw');
      const c = quote(spec.column);
      if (spec.enumLabels) {
        const found = await countWhere(
          context,
          raw,
          `${c} is not null and (${c})::text <> all(array[${spec.enumLabels.map(literal).join(', ')}]::text[])`,
        );
        return result(
          spec,
          spec.column,
          found,
          `every value is one of ${spec.toType}`,
          `hold values outside the enum ${spec.toType} (${spec.enumLabels.join(', ')})`,
          `update them to one of those values, and run again`,
        );
      }
      if (spec.maxLength !== null) {
        const found = await countWhere(
          context,
          raw,
          `char_length((${c})::text) > ${spec.maxLength}`,
        );
        if (found.rows > 0)
          return result(
            spec,
            spec.column,
            found,
            '',
            `are longer than ${spec.maxLength} characters (${spec.toType})`,
            `shorten them (update ${spec.table} set ${spec.column} = left(${spec.column}, ${spec.maxLength}) where …) or keep the longer type in the schema, and run again`,
          );
      }
      if (spec.castSafe)
        return result(
          spec,
          spec.column,
          { rows: 0, examples: [] },
          `every value fits ${spec.toType}`,
          '',
          '',
        );
      const cast = projection(context, spec.table, [spec.column], 'cast');
      const whole = await guarded(context.session, () =>
        context.session.query(`select count(*) from (${cast}) t where ${c} is not null`),
      );
      if (!(whole instanceof Error))
        return result(
          spec,
          spec.column,
          { rows: 0, examples: [] },
          `every value casts to ${spec.toType}`,
          '',
          '',
        );
      await context.session.exec(castableFunction);
      const template = context.sources.get(spec.table)?.get(spec.column)?.castTemplate ?? '';
      const found = await countWhere(
        context,
        raw,
        `${c} is not null and not pg_temp.fluxcore_castable('select ' || replace(${literal(template)}, ${literal(valuePlaceholder)}, quote_literal((${c})::text)))`,
      );
      return result(
        spec,
        spec.column,
        found,
        `every value casts to ${spec.toType}`,
        `cannot be cast to ${spec.toType}`,
        `correct them (update ${spec.table} set ${spec.column} = … where …), and run again`,
      );
    }
    case 'unique': {
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
    case 'foreign-key': {
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
    case 'check': {
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
    case 'drop-table':
      return dropTableCheck(context, spec);
    case 'drop-column':
      return dropColumnCheck(context, spec);
    case 'drop-schema':
      return dropSchemaCheck(context, spec);
    case 'logic': {
      const fix =
        spec.change === 'dropped'
          ? `rewrite it without the column, or drop it with --drop <name> too, or keep the column, and run again`
          : `rewrite it for the new column, or drop it with --drop <name> (and recreate it afterwards), and run again`;
      return {
        spec,
        ok: false,
        table: spec.table,
        column: spec.column,
        rows: 0,
        examples: spec.readers,
        fix,
        summary: `REFUSED: ${spec.table}.${spec.column} is ${spec.change} by the plan, but database logic still names it: ${spec.readers.join('; ')} (PostgreSQL does not track plpgsql bodies). Fix: ${fix}`,
      };
    }
  }
}
