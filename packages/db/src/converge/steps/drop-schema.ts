/**
 * A schema the schema does not declare that --drop names: dropped without CASCADE, after the
 * functions and views the plan drops. Its check: it holds nothing the plan does not drop
 * first (a table is named with its rows). No online phases: a drop cannot be rolled back.
 */
import type { CheckContext } from '../check-sql.ts';
import type { CheckResult, CheckSpec } from '../model.ts';
import { quote } from '../pair.ts';
import { makeStep, type StepKind } from './kind.ts';

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

export interface DropSchemaInput {
  schema: string;
  /** What the plan drops before it (`function:s.f(args)`, `view:s.v`). */
  before: string[];
}

export const dropSchema: StepKind<DropSchemaInput, 'drop-schema'> = {
  name: 'drop-schema',
  checks: { 'drop-schema': dropSchemaCheck },
  build({ schema, before }) {
    return [
      makeStep(
        'drop-schema',
        'drop',
        undefined,
        `drop schema ${schema} (--drop)`,
        [`drop schema ${quote(schema)}`],
        { checks: [{ kind: 'drop-schema', schema, alongside: before }] },
      ),
    ];
  },
};
