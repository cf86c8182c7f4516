/**
 * Constraints as the catalog holds them, in one query: every constraint of the tables in
 * `public` (the audit, baseline and converge read them all through introspect.ts), or only
 * the foreign keys between two of those tables (what deleting an account follows).
 */
import type { Row } from '../connection/client.ts';

export interface Queryable {
  query<T extends Row = Row>(text: string, params?: unknown[]): Promise<T[]>;
  /** Several statements in one round trip (SqlSession.queryBatch), where the driver has it. */
  queryBatch?(texts: string[]): Promise<Row[][]>;
}

/** The rows of each statement: one batch where the session has it, else one query each. */
export function queryAll(db: Queryable, texts: string[]): Promise<Row[][]> {
  if (db.queryBatch) return db.queryBatch(texts);
  return Promise.all(texts.map((text) => db.query(text)));
}

export type ConstraintType = 'primary key' | 'foreign key' | 'unique' | 'check' | 'exclusion';

export interface LiveConstraint {
  name: string;
  type: ConstraintType;
  /**
   * pg_get_constraintdef: `FOREIGN KEY (a) REFERENCES t(id) ON DELETE CASCADE` ('' for any
   * but a check when read without definitions).
   */
  definition: string;
  columns: string[];
  referencedTable: string | null;
  referencedColumns: string[];
  /** `cascade`, `set null`, `restrict`, `no action` or `set default`. */
  onDelete: string | null;
  /** For foreign keys: on update, match and deferral, as one comparable text. */
  fkOptions: string | null;
  nullsNotDistinct: boolean;
  /** False for a constraint added NOT VALID and not validated since. */
  validated: boolean;
}

const constraintTypes: Record<string, ConstraintType> = {
  p: 'primary key',
  f: 'foreign key',
  u: 'unique',
  c: 'check',
  x: 'exclusion',
};
const deleteActions: Record<string, string> = {
  a: 'no action',
  r: 'restrict',
  c: 'cascade',
  n: 'set null',
  d: 'set default',
};

/** node-postgres returns arrays; some drivers return `{a,b}` text. */
export function list(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(String);
  if (typeof value !== 'string' || value === '{}' || value === '') return [];
  return value
    .replace(/^\{|\}$/g, '')
    .split(',')
    .map((item) => item.replace(/^"|"$/g, ''));
}

type ConstraintRow = {
  table: string;
  name: string;
  type: string;
  definition: string;
  columns: unknown;
  referenced_table: string | null;
  referenced_columns: unknown;
  on_delete: string;
  fk_options: string | null;
  nulls_not_distinct: boolean | null;
  validated: boolean;
};

/** A constraint with the table that holds it. */
export interface TableConstraint {
  table: string;
  constraint: LiveConstraint;
}

/**
 * Every constraint of the tables in `public` (`all`), or the foreign keys whose two tables are
 * both there (`foreign keys`), ordered by table and name.
 */
export async function readConstraints(
  db: Queryable,
  which: 'all' | 'foreign keys',
): Promise<TableConstraint[]> {
  return constraintsFromRows(await db.query<ConstraintRow>(constraintsQuery(which)));
}

/**
 * The query readConstraints runs, for a caller that sends it with others (introspect.ts).
 * Without `definitions`, only a check constraint's is rendered (its expression is what it
 * means); the others' are '' (see readDefinitions).
 */
export function constraintsQuery(which: 'all' | 'foreign keys', definitions = true): string {
  const definition = definitions
    ? 'pg_get_constraintdef(k.oid)'
    : `case when k.contype = 'c' then pg_get_constraintdef(k.oid) else '' end`;
  return `
    select c.relname as table, k.conname as name, k.contype as type,
           ${definition} as definition,
           array(select (select a.attname from pg_attribute a where a.attrelid = k.conrelid and a.attnum = u.n)
                 from unnest(k.conkey) with ordinality u(n, i) order by u.i)::text[] as columns,
           r.relname as referenced_table,
           array(select (select a.attname from pg_attribute a where a.attrelid = k.confrelid and a.attnum = u.n)
                 from unnest(k.confkey) with ordinality u(n, i) order by u.i)::text[] as referenced_columns,
           k.confdeltype as on_delete,
           case when k.contype = 'f' then k.confupdtype::text || k.confmatchtype::text || k.condeferrable::text || k.condeferred::text end as fk_options,
           k.convalidated as validated,
           case when k.contype = 'u' then (select to_jsonb(x) ->> 'indnullsnotdistinct' = 'true' from pg_index x where x.indexrelid = k.conindid) end as nulls_not_distinct
    from pg_constraint k
    join pg_class c on c.oid = k.conrelid
    join pg_namespace n on n.oid = c.relnamespace and n.nspname = 'public'
    left join pg_class r on r.oid = k.confrelid
    where ${which === 'all' ? `k.contype in ('p', 'f', 'u', 'c', 'x')` : `k.contype = 'f' and r.relnamespace = c.relnamespace`}
    order by 1, 2`;
}

export function constraintsFromRows(rows: Row[]): TableConstraint[] {
  return (rows as ConstraintRow[]).map((row) => ({
    table: row.table,
    constraint: {
      name: row.name,
      type: constraintTypes[row.type] ?? 'check',
      definition: row.definition,
      columns: list(row.columns),
      referencedTable: row.referenced_table,
      referencedColumns: list(row.referenced_columns),
      onDelete: row.type === 'f' ? (deleteActions[row.on_delete] ?? row.on_delete) : null,
      fkOptions: row.fk_options,
      nullsNotDistinct: row.nulls_not_distinct === true,
      validated: row.validated !== false,
    },
  }));
}
