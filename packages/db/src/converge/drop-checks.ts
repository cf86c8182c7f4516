/**
 * The checks of what --drop drops: a table, a column or a schema goes without CASCADE, so
 * whatever else depends on it must be dropped by the plan too, or the plan refuses in one
 * line naming the dependents, the rows or values that would go, and the fix. And the order of
 * the column drops, which PostgreSQL needs dependents first.
 */
import {
  type ColumnDependents,
  type Dependent,
  readColumnDependents,
  readDependents,
} from '../catalog/dependents.ts';
import type { SqlSession } from '../connection/client.ts';
import type { CheckContext } from './checks.ts';
import type { CheckResult, CheckSpec, Step } from './model.ts';
import { quote } from './pair.ts';

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

/**
 * Puts the plan's column drops (--drop TABLE.COLUMN) in an order PostgreSQL accepts: a column
 * whose foreign key or generated column depends on another dropped column goes first (its
 * drop takes that dependency with it). On a cycle, the rest keep the plan's order (the
 * checks then refuse what cannot be dropped). Returns what it read, by `table.column`, for
 * the checks (see dropColumnCheck).
 */
export async function orderColumnDrops(
  session: SqlSession,
  steps: Step[],
): Promise<Map<string, ColumnDependents>> {
  const read = new Map<string, ColumnDependents>();
  const positions = steps.flatMap((step, i) =>
    step.checks.some((c) => c.kind === 'drop-column') ? [i] : [],
  );
  if (positions.length < 2) return read;
  const drops = positions.map((i) => steps[i] as Step);
  const keyOf = (step: Step) => {
    const spec = step.checks.find((c) => c.kind === 'drop-column');
    return spec?.kind === 'drop-column' ? `${spec.table}.${spec.column}` : '';
  };
  const byKey = new Map(drops.map((step) => [keyOf(step), step]));
  const first = new Map<Step, Set<Step>>(drops.map((step) => [step, new Set()]));
  for (const step of drops) {
    const [table = '', column = ''] = keyOf(step).split('.');
    const dependents = await readColumnDependents(session, table, column);
    read.set(keyOf(step), dependents);
    for (const dependent of dependents.blocking) {
      for (const name of dependent.columns) {
        const other = byKey.get(`${dependent.relation}.${name}`);
        if (other && other !== step) first.get(step)?.add(other);
      }
    }
  }
  const ordered: Step[] = [];
  const placed = new Set<Step>();
  while (ordered.length < drops.length) {
    const ready = drops.find(
      (step) => !placed.has(step) && [...(first.get(step) ?? [])].every((o) => placed.has(o)),
    );
    const next = ready ?? drops.find((step) => !placed.has(step));
    if (!next) break;
    ordered.push(next);
    placed.add(next);
  }
  positions.forEach((position, i) => {
    steps[position] = ordered[i] as Step;
  });
  return read;
}

/** How a refusal names a dependent, and how to deal with it. */
function namedDependent(d: Dependent): { named: string; way: string } {
  if (d.kind.endsWith('view')) return { named: `${d.kind} ${d.name}`, way: `--drop ${d.name}` };
  if (d.kind === 'generated column') {
    const full = `${d.relation}.${d.name}`;
    return { named: `generated column ${full}`, way: `--drop ${full}` };
  }
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

/**
 * A schema --drop drops: it must hold nothing the plan does not drop first (the drop runs
 * without CASCADE, which would take its tables with their rows, its types with every column
 * of that type elsewhere, and its functions). Its tables' rows are counted for the refusal.
 */
export async function dropSchemaCheck(
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
