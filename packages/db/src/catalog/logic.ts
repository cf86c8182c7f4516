/**
 * The logic a database keeps besides its tables: schemas, functions, triggers and views, read
 * in four catalog queries. Objects that belong to an extension (pgvector's and pgcrypto's
 * functions), to PostgreSQL itself or to the migration records (`drizzle`) are left out: they
 * are nobody's schema decision. Function bodies are read too (`prosrc`), because PostgreSQL
 * does not track which columns a plpgsql body names, and a change has to scan them.
 */
import type { Row } from '../connection/client.ts';
import { queryAll } from './constraints.ts';
import { type LiveSchema, type Queryable, schemaFromRows, schemaQueries } from './introspect.ts';
import { type LiveSecurity, securityFromRows, securityQueries } from './security.ts';

export interface LiveFunction {
  /** `schema.name(argument types)`: unique, and what --drop takes. */
  key: string;
  schema: string;
  name: string;
  arguments: string;
  language: string;
  /** The body as written (plpgsql, sql). */
  source: string;
  /** pg_get_functiondef: a complete CREATE OR REPLACE FUNCTION statement ('' if not read). */
  definition: string;
}

export interface LiveTrigger {
  name: string;
  table: string;
  /** `schema.name` of the function it runs. */
  function: string;
  /** pg_get_triggerdef: a complete CREATE TRIGGER statement ('' if not read). */
  definition: string;
}

export interface LiveView {
  /** `schema.name`. */
  key: string;
  schema: string;
  name: string;
  materialized: boolean;
  /** pg_get_viewdef: the SELECT ('' if not read). */
  definition: string;
  /** `table.column` of every column the view reads. */
  reads: string[];
}

export interface DatabaseLogic {
  /** Schemas other than public, drizzle and PostgreSQL's own. */
  schemas: string[];
  functions: Map<string, LiveFunction>;
  /** Keyed by `table.trigger`. */
  triggers: Map<string, LiveTrigger>;
  views: Map<string, LiveView>;
}

/** Schemas that are never a schema decision of this package. */
const systemSchemas = `n.nspname not in ('pg_catalog', 'information_schema', 'pg_toast', 'drizzle')
  and n.nspname not like 'pg_temp%' and n.nspname not like 'pg_toast_temp%'`;

type FunctionRow = Omit<LiveFunction, 'key'>;
type ViewRow = Omit<LiveView, 'key' | 'reads'> & { reads: unknown };

/**
 * The queries readDatabaseLogic runs (schemas, functions, triggers, views), for a batch.
 * Without `definitions`, functions, triggers and views come without theirs ('').
 */
export const logicQueries = (definitions = true): string[] => [
  `select n.nspname as name from pg_namespace n where ${systemSchemas} and n.nspname <> 'public'
         and not exists (select 1 from pg_depend d where d.classid = 'pg_namespace'::regclass
                           and d.objid = n.oid and d.deptype = 'e')
       order by 1`,
  `select n.nspname as schema, p.proname as name,
              pg_get_function_identity_arguments(p.oid) as arguments, l.lanname as language,
              coalesce(p.prosrc, '') as source, ${definitions ? 'pg_get_functiondef(p.oid)' : "''"} as definition
       from pg_proc p
       join pg_namespace n on n.oid = p.pronamespace
       join pg_language l on l.oid = p.prolang
       where ${systemSchemas} and p.prokind in ('f', 'p')
         and not exists (select 1 from pg_depend d where d.classid = 'pg_proc'::regclass
                           and d.objid = p.oid and d.deptype = 'e')
       order by 1, 2, 3`,
  `select t.tgname as name, c.relname as table, fn.nspname || '.' || p.proname as function,
              ${definitions ? 'pg_get_triggerdef(t.oid)' : "''"} as definition
       from pg_trigger t
       join pg_class c on c.oid = t.tgrelid
       join pg_namespace n on n.oid = c.relnamespace and n.nspname = 'public'
       join pg_proc p on p.oid = t.tgfoid
       join pg_namespace fn on fn.oid = p.pronamespace
       where not t.tgisinternal
       order by 2, 1`,
  `select n.nspname as schema, c.relname as name, c.relkind = 'm' as materialized,
              ${definitions ? 'pg_get_viewdef(c.oid)' : "''"} as definition,
              array(select distinct src.relname || '.' || a.attname
                    from pg_rewrite r join pg_depend d on d.classid = 'pg_rewrite'::regclass and d.objid = r.oid
                    join pg_class src on src.oid = d.refobjid and src.oid <> c.oid
                    join pg_attribute a on a.attrelid = src.oid and a.attnum = d.refobjsubid
                    where r.ev_class = c.oid and d.refobjsubid > 0)::text[] as reads
       from pg_class c
       join pg_namespace n on n.oid = c.relnamespace
       where c.relkind in ('v', 'm') and ${systemSchemas}
         and not exists (select 1 from pg_depend d where d.classid = 'pg_class'::regclass
                           and d.objid = c.oid and d.deptype = 'e')
       order by 1, 2`,
];

export async function readDatabaseLogic(db: Queryable): Promise<DatabaseLogic> {
  return logicFromRows(await queryAll(db, logicQueries()));
}

export function logicFromRows(rows: Row[][]): DatabaseLogic {
  const [schemas, functions, triggers, views] = rows as [
    { name: string }[],
    FunctionRow[],
    LiveTrigger[],
    ViewRow[],
  ];
  const logic: DatabaseLogic = {
    schemas: schemas.map((row) => row.name),
    functions: new Map(),
    triggers: new Map(),
    views: new Map(),
  };
  for (const row of functions) {
    const key = `${row.schema}.${row.name}(${row.arguments})`;
    logic.functions.set(key, { key, ...row });
  }
  for (const row of triggers) logic.triggers.set(`${row.table}.${row.name}`, row);
  for (const row of views) {
    const key = `${row.schema}.${row.name}`;
    const reads = Array.isArray(row.reads)
      ? row.reads.map(String)
      : String(row.reads ?? '')
          .replace(/^\{|\}$/g, '')
          .split(',')
          .filter(Boolean);
    logic.views.set(key, { key, ...row, reads });
  }
  return logic;
}

/** Everything the catalog holds that a schema decision is about. */
export interface FullCatalog {
  schema: LiveSchema;
  logic: DatabaseLogic;
  /** Row-level security: flags, policies, grants, views' options, the runtime roles. */
  security: LiveSecurity;
}

/**
 * Both readers' queries in one batch: the server reads the whole catalog in one round trip.
 * `definitions: false` leaves out what only a replay needs (see schemaQueries). With `second`,
 * a second connection to the same database, the queries are split in two batches of about the
 * same cost (columns and the logic on one; constraints, indexes and views on the other), so
 * two server backends read them at once. Each statement reads the catalog as of its own
 * start, as on one connection: a batch is no snapshot of the whole either.
 */
export async function readCatalog(
  db: Queryable,
  options: { definitions?: boolean; second?: Queryable } = {},
): Promise<FullCatalog> {
  const schemaTexts = schemaQueries(options.definitions);
  const logicTexts = logicQueries(options.definitions);
  const texts = [...schemaTexts, ...logicTexts, ...securityQueries()];
  // Constraints and indexes (schemaQueries' second and third) and views (logicQueries' last).
  const toSecond = new Set([1, 2, schemaTexts.length + logicTexts.length - 1]);
  const rows = options.second
    ? await splitBatch([db, options.second], texts, (i) => (toSecond.has(i) ? 1 : 0))
    : await queryAll(db, texts);
  return {
    schema: schemaFromRows(rows.slice(0, schemaTexts.length)),
    logic: logicFromRows(rows.slice(schemaTexts.length, schemaTexts.length + logicTexts.length)),
    security: securityFromRows(rows.slice(schemaTexts.length + logicTexts.length)),
  };
}

/** Each statement on the connection `on` picks, one batch per connection, rows in order. */
async function splitBatch(
  connections: Queryable[],
  texts: string[],
  on: (position: number) => number,
): Promise<Row[][]> {
  const groups = connections.map((_, c) => texts.flatMap((_, i) => (on(i) === c ? [i] : [])));
  const results = await Promise.all(
    groups.map((positions, c) =>
      positions.length === 0
        ? []
        : queryAll(
            connections[c] as Queryable,
            positions.map((i) => texts[i] as string),
          ),
    ),
  );
  const rows: Row[][] = texts.map(() => []);
  groups.forEach((positions, c) => {
    positions.forEach((i, k) => {
      rows[i] = results[c]?.[k] ?? [];
    });
  });
  return rows;
}
