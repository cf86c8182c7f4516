/**
 * What the database should hold: the last migration's drizzle-kit snapshot (db:check keeps it
 * equal to the Drizzle schema objects: generate must find nothing to do), plus the legacy
 * list. Reading the snapshot, not the schema objects, keeps drizzle-kit and the schema's
 * module graph out of the audit's start-up. No table, column or index name is typed here.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Migration } from '../migrator/journal.ts';
import { legacyTables } from '../schema/original/legacy.ts';

export interface ExpectedColumn {
  name: string;
  type: string;
  notNull: boolean;
  default: string | undefined;
}

export interface ExpectedConstraint {
  name: string;
  type: 'primary key' | 'foreign key' | 'unique' | 'check';
  columns: string[];
  referencedTable?: string;
  referencedColumns?: string[];
  onDelete?: string;
  nullsNotDistinct?: boolean;
  expression?: string;
}

export interface ExpectedIndex {
  name: string;
  unique: boolean;
  method: string;
  keys: string[];
  orderings: string[];
  opclasses: (string | undefined)[];
  predicate: string | undefined;
  options: string[];
}

export interface ExpectedTable {
  name: string;
  columns: Map<string, ExpectedColumn>;
  constraints: Map<string, ExpectedConstraint>;
  indexes: Map<string, ExpectedIndex>;
}

export interface ExpectedSchema {
  tables: Map<string, ExpectedTable>;
  enums: Map<string, string[]>;
  extensions: string[];
  legacy: Map<string, string>;
}

interface SnapshotColumn {
  name: string;
  type: string;
  primaryKey: boolean;
  notNull: boolean;
  default?: string | number | boolean;
  isUnique?: boolean;
  uniqueName?: string;
  nullsNotDistinct?: boolean;
}
interface SnapshotIndexColumn {
  expression: string;
  isExpression: boolean;
  asc: boolean;
  nulls?: string;
  opclass?: string;
}
interface SnapshotTable {
  name: string;
  columns: Record<string, SnapshotColumn>;
  indexes: Record<
    string,
    {
      name: string;
      columns: SnapshotIndexColumn[];
      isUnique: boolean;
      method?: string;
      with?: Record<string, unknown>;
      where?: string;
    }
  >;
  foreignKeys: Record<
    string,
    { name: string; tableTo: string; columnsFrom: string[]; columnsTo: string[]; onDelete?: string }
  >;
  compositePrimaryKeys: Record<string, { name: string; columns: string[] }>;
  uniqueConstraints: Record<string, { name: string; columns: string[]; nullsNotDistinct: boolean }>;
  checkConstraints: Record<string, { name: string; value: string }>;
}

const cached = new Map<string, ExpectedSchema>();

/** The snapshot drizzle-kit wrote with the last migration of the journal. */
export function lastSnapshotPath(migrations: readonly Migration[]): string {
  const last = migrations[migrations.length - 1];
  if (!last) throw new Error('the journal lists no migration, so there is no snapshot');
  return join(dirname(last.path), 'meta', `${String(last.idx).padStart(4, '0')}_snapshot.json`);
}

export function expectedSchema(migrations: readonly Migration[]): ExpectedSchema {
  const path = lastSnapshotPath(migrations);
  let expected = cached.get(path);
  if (!expected) {
    expected = buildExpectedSchema(JSON.parse(readFileSync(path, 'utf8')));
    cached.set(path, expected);
  }
  return expected;
}

export function buildExpectedSchema(snapshot: {
  tables: Record<string, SnapshotTable>;
  enums: Record<string, { name: string; values: string[] }>;
}): ExpectedSchema {
  const tables = new Map<string, ExpectedTable>();
  let usesVector = false;
  for (const table of Object.values(snapshot.tables)) {
    const expected: ExpectedTable = {
      name: table.name,
      columns: new Map(),
      constraints: new Map(),
      indexes: new Map(),
    };
    const primaryColumns: string[] = [];
    for (const column of Object.values(table.columns)) {
      if (column.type === 'vector' || column.type.startsWith('vector(')) usesVector = true;
      expected.columns.set(column.name, {
        name: column.name,
        type: column.type,
        notNull: column.notNull || column.primaryKey,
        default:
          column.default === undefined ? serialDefault(table.name, column) : String(column.default),
      });
      if (column.primaryKey) primaryColumns.push(column.name);
      if (column.isUnique) {
        const name = column.uniqueName ?? `${table.name}_${column.name}_unique`;
        expected.constraints.set(name, {
          name,
          type: 'unique',
          columns: [column.name],
          nullsNotDistinct: column.nullsNotDistinct ?? false,
        });
      }
    }
    if (primaryColumns.length > 0) {
      const name = `${table.name}_pkey`;
      expected.constraints.set(name, { name, type: 'primary key', columns: primaryColumns });
    }
    for (const key of Object.values(table.compositePrimaryKeys)) {
      expected.constraints.set(key.name, {
        name: key.name,
        type: 'primary key',
        columns: key.columns,
      });
    }
    for (const key of Object.values(table.foreignKeys)) {
      expected.constraints.set(key.name, {
        name: key.name,
        type: 'foreign key',
        columns: key.columnsFrom,
        referencedTable: key.tableTo,
        referencedColumns: key.columnsTo,
        onDelete: (key.onDelete ?? 'no action').toLowerCase(),
      });
    }
    for (const unique of Object.values(table.uniqueConstraints)) {
      expected.constraints.set(unique.name, {
        name: unique.name,
        type: 'unique',
        columns: unique.columns,
        nullsNotDistinct: unique.nullsNotDistinct,
      });
    }
    for (const check of Object.values(table.checkConstraints)) {
      expected.constraints.set(check.name, {
        name: check.name,
        type: 'check',
        columns: [],
        expression: check.value,
      });
    }
    for (const index of Object.values(table.indexes)) {
      expected.indexes.set(index.name, {
        name: index.name,
        unique: index.isUnique,
        method: index.method ?? 'btree',
        keys: index.columns.map((column) => column.expression),
        orderings: index.columns.map(
          (column) =>
            `${column.asc ? 'asc' : 'desc'} nulls ${column.nulls ?? (column.asc ? 'last' : 'first')}`,
        ),
        opclasses: index.columns.map((column) => column.opclass),
        predicate: index.where,
        options: Object.entries(index.with ?? {})
          .map(([key, value]) => `${key}=${value}`)
          .sort(),
      });
    }
    tables.set(table.name, expected);
  }
  const enums = new Map(Object.values(snapshot.enums).map((type) => [type.name, type.values]));
  return {
    tables,
    enums,
    extensions: usesVector ? ['vector'] : [],
    legacy: new Map(legacyTables.map((table) => [table.name, table.origin])),
  };
}

/**
 * A serial column's default, as PostgreSQL renders it: drizzle-kit's snapshot has the type
 * `bigserial` and no default, while the database has the sequence it made for the column.
 */
function serialDefault(table: string, column: { name: string; type: string }): string | undefined {
  return /^(small|big)?serial$/.test(column.type)
    ? `nextval('${table}_${column.name}_seq'::regclass)`
    : undefined;
}
