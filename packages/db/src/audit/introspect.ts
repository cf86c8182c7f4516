/**
 * Reads what a database holds in `public`, in a constant number of catalog queries (five,
 * whatever the number of tables), as comparable elements: every definition is rendered by
 * the server itself (format_type, pg_get_expr, pg_get_constraintdef, pg_get_indexdef), so two
 * databases of the same kind that hold the same thing give equal elements.
 */
import type { Row } from '../client.ts';

export interface Queryable {
  query<T extends Row = Row>(text: string, params?: unknown[]): Promise<T[]>;
}

export type ElementKind = 'table' | 'column' | 'constraint' | 'index' | 'enum' | 'extension';

export interface CatalogElement {
  kind: ElementKind;
  /** The table it belongs to (none for enums and extensions). */
  table: string | undefined;
  name: string;
  /** What must be equal for two elements to match. */
  definition: string;
  /** For indexes: the definition without the index's own name, to recognise a rename. */
  shape?: string;
  /** Extra facts that are reported but never compared (an extension's version). */
  detail?: string;
}

/** Elements keyed by `<kind>:<table>.<name>`. */
export type Catalog = Map<string, CatalogElement>;

export function elementKey(element: Pick<CatalogElement, 'kind' | 'table' | 'name'>): string {
  return `${element.kind}:${element.table ? `${element.table}.` : ''}${element.name}`;
}

function add(catalog: Catalog, element: CatalogElement): void {
  catalog.set(elementKey(element), element);
}

const constraintKinds: Record<string, string> = {
  p: 'primary key',
  f: 'foreign key',
  u: 'unique',
  c: 'check',
  x: 'exclusion',
};

export async function introspectCatalog(db: Queryable): Promise<Catalog> {
  const [columns, constraints, indexes, enums, extensions] = await Promise.all([
    db.query<{
      table: string;
      name: string | null;
      type: string | null;
      not_null: boolean | null;
      default: string | null;
    }>(`
      select c.relname as table, a.attname as name, format_type(a.atttypid, a.atttypmod) as type,
             a.attnotnull as not_null, pg_get_expr(d.adbin, d.adrelid) as default
      from pg_class c
      join pg_namespace n on n.oid = c.relnamespace and n.nspname = 'public'
      left join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
      left join pg_attrdef d on d.adrelid = c.oid and d.adnum = a.attnum
      where c.relkind in ('r', 'p')
      order by c.relname, a.attnum`),
    db.query<{ table: string; name: string; type: string; definition: string }>(`
      select c.relname as table, k.conname as name, k.contype as type,
             pg_get_constraintdef(k.oid) as definition
      from pg_constraint k
      join pg_class c on c.oid = k.conrelid
      join pg_namespace n on n.oid = c.relnamespace and n.nspname = 'public'
      where k.contype in ('p', 'f', 'u', 'c', 'x')
      order by 1, 2`),
    db.query<{
      table: string;
      name: string;
      definition: string;
      valid: boolean;
      constraint_backed: boolean;
    }>(`
      select t.relname as table, i.relname as name, pg_get_indexdef(x.indexrelid) as definition,
             x.indisvalid as valid,
             exists (select 1 from pg_constraint k where k.conindid = x.indexrelid and k.contype in ('p', 'u', 'x')) as constraint_backed
      from pg_index x
      join pg_class i on i.oid = x.indexrelid
      join pg_class t on t.oid = x.indrelid
      join pg_namespace n on n.oid = t.relnamespace and n.nspname = 'public'
      order by 1, 2`),
    db.query<{ name: string; labels: string[] | string }>(`
      select t.typname as name, array_agg(e.enumlabel order by e.enumsortorder)::text[] as labels
      from pg_type t
      join pg_namespace n on n.oid = t.typnamespace and n.nspname = 'public'
      join pg_enum e on e.enumtypid = t.oid
      group by t.typname order by 1`),
    db.query<{ name: string; version: string }>(
      `select extname as name, extversion as version from pg_extension where extname <> 'plpgsql' order by 1`,
    ),
  ]);

  const catalog: Catalog = new Map();
  for (const column of columns) {
    add(catalog, { kind: 'table', table: column.table, name: column.table, definition: 'table' });
    if (column.name === null) continue;
    add(catalog, {
      kind: 'column',
      table: column.table,
      name: column.name,
      definition: `${column.type}${column.not_null ? ' not null' : ''}${column.default === null ? '' : ` default ${column.default}`}`,
    });
  }
  for (const constraint of constraints) {
    add(catalog, {
      kind: 'constraint',
      table: constraint.table,
      name: constraint.name,
      definition: `${constraintKinds[constraint.type] ?? constraint.type}: ${constraint.definition}`,
    });
  }
  for (const index of indexes) {
    // The index a primary key or unique constraint owns is checked through the constraint.
    if (index.constraint_backed) continue;
    const shape = index.definition.replace(/^CREATE (UNIQUE )?INDEX \S+ ON /, 'CREATE $1INDEX ON ');
    add(catalog, {
      kind: 'index',
      table: index.table,
      name: index.name,
      definition: `${shape}${index.valid ? '' : ' (INVALID)'}`,
      shape,
    });
  }
  for (const type of enums) {
    const labels = Array.isArray(type.labels) ? type.labels : parsePgArray(type.labels);
    add(catalog, {
      kind: 'enum',
      table: undefined,
      name: type.name,
      definition: labels.join(', '),
    });
  }
  for (const extension of extensions) {
    add(catalog, {
      kind: 'extension',
      table: undefined,
      name: extension.name,
      definition: 'installed',
      detail: extension.version,
    });
  }
  return catalog;
}

/** node-postgres returns text[] as an array; this covers drivers that return `{a,b}`. */
function parsePgArray(text: string): string[] {
  const inner = text.replace(/^\{|\}$/g, '');
  if (inner === '') return [];
  return inner.split(',').map((label) => label.replace(/^"|"$/g, ''));
}
