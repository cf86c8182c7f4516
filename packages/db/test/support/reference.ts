/**
 * The real FluxCore database (test/fixtures/fluxcore-2026-02.schema.sql, pg_dump's rendering
 * of its catalog) loaded into a new database of either kind, and its columns read back.
 * Shared by the schema comparison and the converge tests.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pgcrypto } from '@electric-sql/pglite/contrib/pgcrypto';
import { vector } from '@electric-sql/pglite-pgvector';
import { openSqlSession, type Row, type SqlSession } from '../../src/client.ts';
import { createTestDatabase, type DatabaseKind } from './databases.ts';

export const referenceSchemaPath = join(
  import.meta.dir,
  '..',
  'fixtures',
  'fluxcore-2026-02.schema.sql',
);

/**
 * The fixture as a script for one session: the `SET …` and `SELECT pg_catalog.set_config(…)`
 * lines are dropped (every object in the dump is schema-qualified, and they would change the
 * session's search_path for whatever runs on it next; PGlite refuses some of them).
 */
export function referenceSchemaScript(): string {
  return readFileSync(referenceSchemaPath, 'utf8')
    .split('\n')
    .filter((line) => !line.startsWith('SET ') && !line.startsWith('SELECT pg_catalog.set_config'))
    .join('\n');
}

/**
 * Loads the real database's schema (61 tables, no rows) into an empty database. An embedded
 * session must come from a PGlite that has pgcrypto as well as vector (openReferenceDatabase).
 */
export async function loadReferenceSchema(session: SqlSession, kind: DatabaseKind): Promise<void> {
  if (session.kind !== kind) {
    throw new Error(`loadReferenceSchema: a ${session.kind} session was passed as ${kind}`);
  }
  await session.exec(referenceSchemaScript());
}

/** A PGlite session with the two extensions the dump creates (vector and pgcrypto). */
export async function openReferencePglite(dataDir = 'memory://'): Promise<SqlSession> {
  const client = new PGlite(dataDir, { extensions: { vector, pgcrypto } });
  await client.waitReady;
  return {
    kind: 'embedded',
    query: async <T extends Row>(text: string, params?: unknown[]) =>
      (await client.query<T>(text, params)).rows,
    exec: async (text) => {
      await client.exec(text);
    },
    close: () => client.close(),
  };
}

/** A new database of the given kind holding the real database's schema. */
export async function openReferenceDatabase(
  kind: DatabaseKind,
): Promise<{ session: SqlSession; close(): Promise<void> }> {
  if (kind === 'embedded') {
    const session = await openReferencePglite();
    await loadReferenceSchema(session, kind);
    return { session, close: () => session.close() };
  }
  const database = await createTestDatabase(kind);
  const session = await openSqlSession(database.config);
  await loadReferenceSchema(session, kind);
  return {
    session,
    close: async () => {
      await session.close();
      await database.drop();
    },
  };
}

export interface CatalogColumn {
  table: string;
  column: string;
  /** As pg_dump renders it (format_type), with ` NOT NULL` when the column has it. */
  type: string;
}

/** Every column of every table in `public`, keyed `table.column`. */
export async function readPublicColumns(session: SqlSession): Promise<Map<string, CatalogColumn>> {
  const rows = await session.query<{
    table: string;
    column: string;
    type: string;
    not_null: boolean;
  }>(
    `select c.relname as "table", a.attname as "column",
            format_type(a.atttypid, a.atttypmod) as type, a.attnotnull as not_null
       from pg_attribute a
       join pg_class c on c.oid = a.attrelid
       join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relkind in ('r', 'p') and a.attnum > 0 and not a.attisdropped
      order by 1, 2`,
  );
  return new Map(
    rows.map((row) => [
      `${row.table}.${row.column}`,
      {
        table: row.table,
        column: row.column,
        type: row.not_null ? `${row.type} NOT NULL` : row.type,
      },
    ]),
  );
}
