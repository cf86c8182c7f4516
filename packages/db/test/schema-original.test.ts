/**
 * The schema of record against the real FluxCore database: the fixture loaded into one new
 * database, the migrations applied to another, both catalogs compared column by column.
 */
import { describe, expect, test } from 'bun:test';
import {
  createMigratedDatabase,
  createReferenceDatabase,
  databaseKinds,
} from '@fluxcore/db/testing';
import type { SqlSession } from '../src/connection/client.ts';
import { originalRenames } from '../src/schema/original/renames.ts';
import { isWidening, originalTypeChanges } from '../src/schema/original/type-changes.ts';

interface CatalogColumn {
  table: string;
  column: string;
  /** As pg_dump renders it (format_type), with ` NOT NULL` when the column has it. */
  type: string;
}

/** Every column of every table in `public`, keyed `table.column`. */
async function readPublicColumns(
  session: Pick<SqlSession, 'query'>,
): Promise<Map<string, CatalogColumn>> {
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

describe.each(databaseKinds)('the real FluxCore schema on the %s database', (kind) => {
  test('every reference table and column has a home: its name or a declared rename, with its type equal, widened or declared', async () => {
    const reference = await createReferenceDatabase(kind);
    const migrated = await createMigratedDatabase(kind);
    try {
      const original = await readPublicColumns(reference.session);
      const ours = await readPublicColumns(migrated.client);
      const renames = new Map(originalRenames.map((r) => [`${r.table}.${r.from}`, r]));
      const changes = new Map(originalTypeChanges.map((c) => [`${c.table}.${c.column}`, c]));

      const problems: string[] = [];
      const exceptions: string[] = [];
      let homes = 0;
      for (const [key, column] of original) {
        const rename = renames.get(key);
        const home = ours.get(rename ? `${column.table}.${rename.to}` : key);
        if (!home) {
          problems.push(`${key} (${column.type}) has no column in the migrated schema`);
          continue;
        }
        homes += 1;
        if (rename) {
          exceptions.push(
            `${key} → ${rename.to}${rename.transform ? ` (${rename.transform.description})` : ''}`,
          );
          if (!rename.transform && !isWidening(column.type, home.type)) {
            problems.push(
              `${key} → ${rename.to} changes ${column.type} to ${home.type} with no transform`,
            );
          }
          continue;
        }
        const change = changes.get(key);
        if (isWidening(column.type, home.type)) {
          if (change) problems.push(`${key} is declared in originalTypeChanges but only widens`);
          continue;
        }
        if (!change) {
          problems.push(
            `${key}: ${column.type} → ${home.type} is neither equal, a widening nor declared in originalTypeChanges`,
          );
        } else if (change.from !== column.type || change.to !== home.type) {
          problems.push(
            `${key}: declared ${change.from} → ${change.to}, found ${column.type} → ${home.type}`,
          );
        }
      }
      for (const key of [...renames.keys(), ...changes.keys()]) {
        if (!original.has(key))
          problems.push(`${key} is declared but the original has no such column`);
      }

      console.log(
        `${homes} of ${original.size} reference columns have a home; exceptions: ${exceptions.join('; ')}`,
      );
      expect(problems).toEqual([]);
      expect(new Set([...original.values()].map((c) => c.table)).size).toBe(61);
      expect(original.size).toBe(699);
      expect(homes).toBe(original.size);
      expect(exceptions).toHaveLength(originalRenames.length);
    } finally {
      await migrated.close();
      await reference.close();
    }
  }, 120_000);
});
