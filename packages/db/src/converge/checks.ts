/**
 * The data checks that guard a plan. Each reads the live rows through a projection: the
 * target's columns computed from the live row (renamed, transformed, cast) exactly as the plan
 * will compute them, so a check sees the values the step will meet without changing anything.
 * Every refusal names the table and column, the number of rows, up to three example keys and
 * the fix.
 */
import { type Dependent, readColumnDependents, readDependents } from '../catalog/dependents.ts';
import type { LiveSchema } from '../catalog/introspect.ts';
import type { SqlSession } from '../client.ts';
import type { ColumnSource } from './diff.ts';
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

/** Whether the plan drops this dependent before or with the table. */
function droppedAlongside(dependent: Dependent, alongside: Set<string>): boolean {
  if (dependent.kind.endsWith('view')) return alongside.has(`view:${dependent.name}`);
  // A trigger, as PostgreSQL describes it: `trigger name on table t`.
  const trigger = /^trigger (\S+) on table (\S+)$/.exec(dependent.name);
  if (dependent.kind === 'other' && trigger)
    return alongside.has(`trigger:${trigger[2]}.${trigger[1]}`);
  if (!dependent.relation || dependent.kind === 'other') return false;
  return (
    alongside.has(`table:${dependent.relation}`) ||
    alongside.has(`constraint:${dependent.relation}.${dependent.name}`) ||
    dependent.columns.some((c) => alongside.has(`column:${dependent.relation}.${c}`))
  );
}

/**
 * A table --drop drops: nothing outside it may depend on it (the drop runs without CASCADE,
 * which would drop views and other tables' foreign keys silently), unless the plan drops that
 * too. Its rows are counted for the plan.
 */
async function dropTableCheck(
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

/** How a refusal names a dependent, and how to deal with it. */
function namedDependent(d: Dependent): { named: string; way: string } {
  if (d.kind.endsWith('view')) return { named: `${d.kind} ${d.name}`, way: `--drop ${d.name}` };
  if (d.kind === 'foreign key' || d.kind === 'constraint') {
    return {
      named: `${d.kind} ${d.name} on ${d.relation}`,
      way: `alter table ${quote(d.relation ?? '')} drop constraint ${quote(d.name)}`,
    };
  }
  const trigger = /^trigger (\S+) on table (\S+)$/.exec(d.name);
  if (d.kind === 'other' && trigger)
    return { named: d.name, way: `--drop ${trigger[2]}.${trigger[1]}` };
  return {
    named: d.kind === 'other' ? d.name : `${d.kind} ${d.name}`,
    way: `drop ${d.name} by hand`,
  };
}

/**
 * A column --drop drops: nothing else may depend on it (views reading it, other tables'
 * foreign keys, a generated column, a trigger or a policy naming it; the drop runs without
 * CASCADE), unless the plan drops that too. Its values are counted, and what goes with it
 * by itself (its table's indexes and constraints that involve it) is named.
 */
async function dropColumnCheck(
  context: CheckContext,
  spec: Extract<CheckSpec, { kind: 'drop-column' }>,
): Promise<CheckResult> {
  const alongside = new Set(spec.alongside);
  const dependents = await readColumnDependents(context.session, spec.table, spec.column);
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

/**
 * A schema --drop drops: it must hold nothing the plan does not drop first (the drop runs
 * without CASCADE, which would take its tables with their rows, its types with every column
 * of that type elsewhere, and its functions). Its tables' rows are counted for the refusal.
 */
async function dropSchemaCheck(
  context: CheckContext,
  spec: Extract<CheckSpec, { kind: 'drop-schema' }>,
): Promise<CheckResult> {
  const held = await context.session.query<{ kind: string; name: string; table: string | null }>(
    `select case when p.oid is not null then 'function'
                 when c.relkind in ('v', 'm') then 'view'
                 when c.relkind in ('r', 'p', 'f') then 'table'
                 when c.oid is not null then 'relation'
                 else 'other' end as kind,
            coalesce(n.nspname || '.' || p.proname || '(' || pg_get_function_identity_arguments(p.oid) || ')',
                     n.nspname || '.' || c.relname,
                     pg_describe_object(d.classid, d.objid, d.objsubid)) as name,
            case when c.relkind in ('r', 'p', 'f') then format('%I.%I', n.nspname, c.relname) end as table
     from pg_namespace n
     join pg_depend d on d.refclassid = 'pg_namespace'::regclass and d.refobjid = n.oid and d.deptype = 'n'
     left join pg_proc p on d.classid = 'pg_proc'::regclass and p.oid = d.objid
     left join pg_class c on d.classid = 'pg_class'::regclass and c.oid = d.objid
     where n.nspname = $1
     order by 1, 2`,
    [spec.schema],
  );
  const alongside = new Set(spec.alongside);
  const blocking = held.filter((o) => !alongside.has(`${o.kind}:${o.name}`));
  let rows = 0;
  const named: string[] = [];
  for (const object of blocking) {
    if (!object.table) {
      named.push(`${object.kind} ${object.name}`);
      continue;
    }
    const [count] = await context.session.query<{ n: number }>(
      `select count(*)::int as n from ${object.table}`,
    );
    rows += Number(count?.n ?? 0);
    named.push(`table ${object.name} (${Number(count?.n ?? 0)} row(s))`);
  }
  if (blocking.length === 0) {
    return {
      spec,
      ok: true,
      summary: `ok: schema ${spec.schema} holds nothing the plan does not drop first`,
      table: spec.schema,
      column: undefined,
      rows: 0,
      examples: [],
      fix: undefined,
    };
  }
  const fix =
    'drop its functions and views with --drop first, move or drop its tables and types yourself (after a backup), or keep the schema, and run again';
  return {
    spec,
    ok: false,
    summary: `REFUSED: schema ${spec.schema} cannot be dropped: it holds ${named.join(', ')}, and --drop never drops with CASCADE. Fix: ${fix}`,
    table: spec.schema,
    column: undefined,
    rows,
    examples: named,
    fix,
  };
}
