/**
 * The one catalog reader, shared by the audit, baseline and db:converge (account deletion
 * reads its foreign keys through constraints.ts, the same query). It reads what a database
 * holds in `public`, in a constant number of catalog queries (five, whatever the number of
 * tables; `logic.ts` adds schemas, functions, triggers and views, and sends all nine as one
 * batch where the session has one). Every definition is rendered by the server itself
 * (format_type, pg_get_expr, pg_get_constraintdef, pg_get_indexdef), and the structure
 * behind it (key columns, targets, methods, operator classes) is read as data, so the audit
 * can compare facts and baseline can compare whole definitions.
 */
import type { Row } from '../connection/client.ts';
import { storeIndexNamePattern } from '../schema/rag/store-indexes.ts';
import {
  constraintsFromRows,
  constraintsQuery,
  type LiveConstraint,
  list,
  type Queryable,
  queryAll,
} from './constraints.ts';

export type { ConstraintType, LiveConstraint, Queryable } from './constraints.ts';

export interface LiveColumn {
  name: string;
  type: string;
  notNull: boolean;
  default: string | null;
  /** The enum behind the type (the element's, for an enum array), or null. */
  enumType: string | null;
  /** Position in the table (pg_attribute.attnum). */
  position: number;
}

export interface LiveIndex {
  name: string;
  /** pg_get_indexdef: the CREATE INDEX statement ('' when read without definitions). */
  definition: string;
  method: string;
  unique: boolean;
  /** One entry per key: a column name, or an expression as the server renders it. */
  keys: string[];
  /** The operator class of each key. */
  opclasses: string[];
  /** Whether each key's operator class is its type's default for the method. */
  defaultOpclasses: boolean[];
  /** Each key's ordering: `asc nulls last`, `desc nulls first`, … */
  orderings: string[];
  predicate: string | null;
  /** Storage parameters (`m=16`, `ef_construction=64`). */
  options: string[];
  valid: boolean;
  /** Owned by a primary key or unique constraint (checked through the constraint). */
  constraintBacked: boolean;
  /** Every column the index reads (keys, expressions and predicate; [] if not read). */
  columns: string[];
}

export interface LiveTable {
  name: string;
  /** pg_class.reltuples: the planner's row estimate (-1 when never analysed). */
  estimatedRows: number;
  columns: Map<string, LiveColumn>;
  constraints: Map<string, LiveConstraint>;
  indexes: Map<string, LiveIndex>;
}

export interface LiveSchema {
  tables: Map<string, LiveTable>;
  enums: Map<string, string[]>;
  /** Each extension this database has, with the version it was created or updated to. */
  extensions: Map<string, string>;
  /** The version the server's files offer for each of those (pg_available_extensions). */
  availableExtensions?: Map<string, string>;
}

function tableOf(schema: LiveSchema, name: string): LiveTable {
  let table = schema.tables.get(name);
  if (!table) {
    table = {
      name,
      estimatedRows: -1,
      columns: new Map(),
      constraints: new Map(),
      indexes: new Map(),
    };
    schema.tables.set(name, table);
  }
  return table;
}

type ColumnRow = {
  table: string;
  name: string | null;
  type: string;
  not_null: boolean;
  default: string | null;
  enum_type: string | null;
  position: number | null;
  reltuples: number;
};
type IndexRow = {
  table: string;
  name: string;
  definition: string;
  method: string;
  unique: boolean;
  keys: unknown;
  opclasses: unknown;
  default_opclasses: unknown;
  orderings: unknown;
  predicate: string | null;
  options: unknown;
  valid: boolean;
  constraint_backed: boolean;
  columns: unknown;
};

/** Every column an index `x` reads: its key columns, and those its expressions name. */
const indexColumns = `array(select distinct a.attname from pg_attribute a where a.attrelid = x.indrelid and a.attnum > 0
                     and (a.attnum = any(x.indkey::int2[]) or exists (select 1 from pg_depend dp
                          where dp.classid = 'pg_class'::regclass and dp.objid = x.indexrelid
                            and dp.refobjid = x.indrelid and dp.refobjsubid = a.attnum)))::text[]`;

/**
 * The queries introspectSchema runs (columns, constraints, indexes, enums, extensions), for a
 * caller that sends them with others in one batch (readCatalog); schemaFromRows reads their rows.
 * Without `definitions`, indexes and constraints other than checks come without their full
 * definition ('': the server's deparser opens each table for them) and indexes without the
 * columns they read ([]); readDefinitions reads those of the tables a caller reports.
 */
export const schemaQueries = (definitions = true): string[] => [
  // A default is deparsed without its table (relid 0): only a generated column's expression
  // names columns, and a table's deparse context opens the table, a relcache entry each.
  `
      select c.relname as table, a.attname as name, format_type(a.atttypid, a.atttypmod) as type,
             a.attnotnull as not_null,
             case when a.attgenerated = '' then pg_get_expr(d.adbin, 0) else pg_get_expr(d.adbin, d.adrelid) end as default,
             case when t.typtype = 'e' then t.typname when et.typtype = 'e' then et.typname end as enum_type,
             a.attnum as position, c.reltuples::float8 as reltuples
      from pg_class c
      join pg_namespace n on n.oid = c.relnamespace and n.nspname = 'public'
      left join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
      left join pg_attrdef d on d.adrelid = c.oid and d.adnum = a.attnum
      left join pg_type t on t.oid = a.atttypid
      left join pg_type et on et.oid = t.typelem and t.typlen = -1 and t.typelem <> 0
      where c.relkind in ('r', 'p')
      order by c.relname, a.attnum`,
  constraintsQuery('all', definitions),
  // A key that is a column is its quoted name, as pg_get_indexdef(index, key) renders it;
  // only an expression key goes through the deparser.
  `
      select t.relname as table, i.relname as name,
             ${definitions ? 'pg_get_indexdef(x.indexrelid)' : `''`} as definition,
             am.amname as method, x.indisunique as unique,
             array(select case when u.n = 0 then pg_get_indexdef(x.indexrelid, u.k::int, true)
                          else quote_ident((select a.attname from pg_attribute a where a.attrelid = x.indrelid and a.attnum = u.n)) end
                   from unnest(x.indkey::int2[]) with ordinality u(n, k) where u.k <= x.indnkeyatts order by u.k)::text[] as keys,
             opc.names as opclasses, opc.defaults as default_opclasses,
             array(select case when o & 1 = 1 then 'desc' else 'asc' end
                          || case when o & 2 = 2 then ' nulls first' else ' nulls last' end
                   from unnest(x.indoption::int2[]) with ordinality u(o, i) where u.i <= x.indnkeyatts order by u.i)::text[] as orderings,
             pg_get_expr(x.indpred, x.indrelid) as predicate,
             coalesce(i.reloptions, '{}')::text[] as options,
             x.indisvalid as valid,
             exists (select 1 from pg_constraint k where k.conindid = x.indexrelid and k.contype in ('p', 'u', 'x')) as constraint_backed,
             ${definitions ? indexColumns : `'{}'::text[]`} as columns
      from pg_index x
      join pg_class i on i.oid = x.indexrelid
      join pg_class t on t.oid = x.indrelid
      join pg_namespace n on n.oid = t.relnamespace and n.nspname = 'public'
      join pg_am am on am.oid = i.relam
      cross join lateral (
        select array_agg(oc.opcname order by u.i)::text[] as names,
               array_agg(oc.opcdefault::text order by u.i)::text[] as defaults
        from unnest(x.indclass) with ordinality u(oid, i) join pg_opclass oc on oc.oid = u.oid
        where u.i <= x.indnkeyatts) opc
      -- A vector store's own HNSW index is data, made and dropped at run time: not schema.
      where not (t.relname = 'fluxcore_document_chunks' and i.relname ~ '${storeIndexNamePattern}')
      order by 1, 2`,
  `
      select t.typname as name, array_agg(e.enumlabel order by e.enumsortorder)::text[] as labels
      from pg_type t
      join pg_namespace n on n.oid = t.typnamespace and n.nspname = 'public'
      join pg_enum e on e.enumtypid = t.oid
      group by t.typname order by 1`,
  // Installed extensions with the version the server's files offer, and pgvector (which the
  // schema needs) when only the server has it, so that a report can say what is there to create.
  `select e.extname as name, e.extversion as version,
          (select a.default_version from pg_available_extensions a where a.name = e.extname) as available
   from pg_extension e where e.extname <> 'plpgsql'
   union all
   select a.name, null, a.default_version from pg_available_extensions a
   where a.name = 'vector' and not exists (select 1 from pg_extension e where e.extname = a.name)
   order by 1`,
];

export async function introspectSchema(db: Queryable): Promise<LiveSchema> {
  return schemaFromRows(await queryAll(db, schemaQueries()));
}

/**
 * Fills in what a read without definitions left out (schemaQueries), for the indexes and
 * constraints of `tables`, in one query.
 */
export async function readDefinitions(
  db: Queryable,
  schema: LiveSchema,
  tables: string[],
): Promise<void> {
  const rows = await db.query<{
    kind: string;
    table: string;
    name: string;
    definition: string;
    columns: unknown;
  }>(
    `with wanted as (select jsonb_array_elements_text($1::jsonb) as name)
     select 'index' as kind, t.relname as table, i.relname as name,
            pg_get_indexdef(x.indexrelid) as definition, ${indexColumns} as columns
     from pg_index x
     join pg_class i on i.oid = x.indexrelid
     join pg_class t on t.oid = x.indrelid
     join pg_namespace n on n.oid = t.relnamespace and n.nspname = 'public'
     where t.relname in (select name from wanted)
     union all
     select 'constraint', c.relname, k.conname, pg_get_constraintdef(k.oid), null
     from pg_constraint k
     join pg_class c on c.oid = k.conrelid
     join pg_namespace n on n.oid = c.relnamespace and n.nspname = 'public'
     where c.relname in (select name from wanted) and k.contype in ('p', 'f', 'u', 'c', 'x')`,
    [JSON.stringify(tables)],
  );
  for (const row of rows) {
    const table = schema.tables.get(row.table);
    if (row.kind === 'constraint') {
      const constraint = table?.constraints.get(row.name);
      if (constraint) constraint.definition = row.definition;
      continue;
    }
    const index = table?.indexes.get(row.name);
    if (index) {
      index.definition = row.definition;
      index.columns = list(row.columns);
    }
  }
}

export function schemaFromRows(rows: Row[][]): LiveSchema {
  const [columns, constraintRows, indexes, enums, extensions] = rows as [
    ColumnRow[],
    Row[],
    IndexRow[],
    { name: string; labels: unknown }[],
    { name: string; version: string | null; available: string | null }[],
  ];
  const schema: LiveSchema = {
    tables: new Map(),
    enums: new Map(),
    extensions: new Map(),
    availableExtensions: new Map(),
  };
  for (const row of columns) {
    const table = tableOf(schema, row.table);
    table.estimatedRows = Number(row.reltuples);
    if (row.name === null) continue;
    table.columns.set(row.name, {
      name: row.name,
      type: row.type,
      notNull: row.not_null,
      default: row.default,
      enumType: row.enum_type,
      position: Number(row.position),
    });
  }
  for (const { table, constraint } of constraintsFromRows(constraintRows)) {
    tableOf(schema, table).constraints.set(constraint.name, constraint);
  }
  for (const row of indexes) {
    tableOf(schema, row.table).indexes.set(row.name, {
      name: row.name,
      definition: row.definition,
      method: row.method,
      unique: row.unique,
      keys: list(row.keys),
      opclasses: list(row.opclasses),
      defaultOpclasses: list(row.default_opclasses).map((flag) => flag === 'true'),
      orderings: list(row.orderings),
      predicate: row.predicate,
      options: list(row.options),
      valid: row.valid,
      constraintBacked: row.constraint_backed,
      columns: list(row.columns),
    });
  }
  for (const row of enums) schema.enums.set(row.name, list(row.labels));
  for (const row of extensions) {
    if (row.version) schema.extensions.set(row.name, row.version);
    if (row.available) schema.availableExtensions?.set(row.name, row.available);
  }
  return schema;
}

export type ElementKind = 'table' | 'column' | 'constraint' | 'index' | 'enum' | 'extension';

/** One thing a database holds, as text that is equal when two databases hold the same. */
export interface CatalogElement {
  kind: ElementKind;
  table: string | undefined;
  name: string;
  definition: string;
}

/** Elements keyed by `<kind>:<table>.<name>`. */
export type Catalog = Map<string, CatalogElement>;

export function elementKey(element: Pick<CatalogElement, 'kind' | 'table' | 'name'>): string {
  return `${element.kind}:${element.table ? `${element.table}.` : ''}${element.name}`;
}

/** Flattens a schema into comparable elements (baseline compares two of these). */
export function catalogElements(schema: LiveSchema): Catalog {
  const catalog: Catalog = new Map();
  const add = (element: CatalogElement) => catalog.set(elementKey(element), element);
  for (const table of schema.tables.values()) {
    add({ kind: 'table', table: table.name, name: table.name, definition: 'table' });
    for (const column of table.columns.values()) {
      add({
        kind: 'column',
        table: table.name,
        name: column.name,
        definition: `${column.type}${column.notNull ? ' not null' : ''}${column.default === null ? '' : ` default ${column.default}`}`,
      });
    }
    for (const constraint of table.constraints.values()) {
      add({
        kind: 'constraint',
        table: table.name,
        name: constraint.name,
        definition: `${constraint.type}: ${constraint.definition}`,
      });
    }
    for (const index of table.indexes.values()) {
      if (index.constraintBacked) continue;
      const shape = index.definition.replace(
        /^CREATE (UNIQUE )?INDEX \S+ ON /,
        'CREATE $1INDEX ON ',
      );
      add({
        kind: 'index',
        table: table.name,
        name: index.name,
        definition: `${shape}${index.valid ? '' : ' (INVALID)'}`,
      });
    }
  }
  for (const [name, labels] of schema.enums)
    add({ kind: 'enum', table: undefined, name, definition: labels.join(', ') });
  for (const name of schema.extensions.keys())
    add({ kind: 'extension', table: undefined, name, definition: 'installed' });
  return catalog;
}

export async function introspectCatalog(db: Queryable): Promise<Catalog> {
  return catalogElements(await introspectSchema(db));
}
