/**
 * What "nothing was lost" is measured with: every table's row count, a checksum of every
 * column's values (in key order, normalised so that a value reads the same before and after a
 * retype: timestamps as epoch seconds, JSON canonical, arrays as JSON, padded text trimmed),
 * and a dump of the whole catalog for "nothing changed".
 */
import { expect } from 'bun:test';
import { createHash } from 'node:crypto';
import type { LiveSchema } from '../../src/catalog/introspect.ts';
import { introspectSchema } from '../../src/catalog/introspect.ts';
import { readCatalog } from '../../src/catalog/logic.ts';
import type { SqlSession } from '../../src/connection/client.ts';

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

export function keyExpression(live: LiveSchema, table: string): string {
  const primary = [...(live.tables.get(table)?.constraints.values() ?? [])].find(
    (c) => c.type === 'primary key',
  );
  if (!primary) throw new Error(`${table} has no primary key to order its rows by`);
  return primary.columns.map((c) => `${quote(c)}::text`).join(` || '/' || `);
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([k, v]) => [k, sortKeys(v)]),
    );
  }
  return value;
}

/** One value as text that reads the same whatever type holds it. */
export function normalise(value: string | null): string {
  if (value === null) return '∅';
  const text = value.trimEnd();
  if (/^[[{]/.test(text)) {
    try {
      return JSON.stringify(sortKeys(JSON.parse(text)));
    } catch {
      if (text.startsWith('{') && text.endsWith('}')) {
        const items = text.slice(1, -1) === '' ? [] : text.slice(1, -1).split(',');
        return JSON.stringify(items.map((item) => item.replace(/^"|"$/g, '')));
      }
    }
  }
  // inet renders a single host with its mask; the varchar it came from did not.
  if (/^\d+\.\d+\.\d+\.\d+\/32$/.test(text) || /^[0-9a-f:]+\/128$/i.test(text))
    return text.replace(/\/(32|128)$/, '');
  if (text === 't') return 'true';
  if (text === 'f') return 'false';
  if (/^-?\d+\.\d+$/.test(text)) return String(Number(text));
  return text;
}

/** SQL reading a column as comparable text: timestamps as epoch seconds. */
export function readable(expression: string, type: string): string {
  if (type.startsWith('timestamp') || type === 'date')
    return `extract(epoch from ${expression})::text`;
  // An array reads as a JSON list, so an empty one is `[]` like an empty jsonb list (its own
  // text, `{}`, would read as an empty object).
  if (type.endsWith('[]')) return `to_jsonb(${expression})::text`;
  return `(${expression})::text`;
}

export async function columnChecksum(
  session: SqlSession,
  table: string,
  key: string,
  expression: string,
  onlyKeys?: string[],
): Promise<string> {
  const rows = await session.query<{ k: string; v: string | null }>(
    `select ${key} as k, ${expression} as v from ${quote(table)}${onlyKeys ? ` where ${key} = any($1::text[])` : ''} order by 1`,
    onlyKeys ? [onlyKeys] : [],
  );
  const hash = createHash('sha256');
  for (const row of rows) hash.update(`${row.k}\u0001${normalise(row.v)}\n`);
  return hash.digest('hex');
}

export interface Fingerprint {
  rows: Map<string, number>;
  /** Every row's key, per table. */
  keys: Map<string, string[]>;
  /** `table.column` → checksum. */
  columns: Map<string, string>;
}

/**
 * Row counts of every table, and a checksum of every column. With `onlyKeys`, a table's
 * checksums cover those rows only (the rows that existed before, when rows were added).
 */
export async function fingerprint(
  session: SqlSession,
  onlyKeys?: Map<string, string[]>,
): Promise<Fingerprint> {
  const live = await introspectSchema(session);
  const rows = new Map<string, number>();
  const keys = new Map<string, string[]>();
  const columns = new Map<string, string>();
  for (const table of [...live.tables.values()].sort((a, b) => a.name.localeCompare(b.name))) {
    const key = keyExpression(live, table.name);
    const all = await session.query<{ k: string }>(`select ${key} as k from ${quote(table.name)}`);
    rows.set(table.name, all.length);
    keys.set(table.name, all.map((row) => row.k).sort());
    // Every column's checksum from one read of the table (as columnChecksum reads one column:
    // the same values, in the same key order, hashed the same way).
    const list = [...table.columns.values()];
    const only = onlyKeys?.get(table.name);
    const values = await session.query<Record<string, string | null>>(
      `select ${key} as k, ${list.map((c, i) => `${readable(quote(c.name), c.type)} as c${i}`).join(', ')} from ${quote(table.name)}${only ? ` where ${key} = any($1::text[])` : ''} order by 1`,
      only ? [only] : [],
    );
    list.forEach((column, i) => {
      const hash = createHash('sha256');
      for (const row of values) hash.update(`${row.k}\u0001${normalise(row[`c${i}`] ?? null)}\n`);
      columns.set(`${table.name}.${column.name}`, hash.digest('hex'));
    });
  }
  return { rows, keys, columns };
}

/** The whole catalog (tables, columns, constraints, indexes, enums, logic) as one text. */
export async function schemaDump(session: SqlSession): Promise<string> {
  const catalog = await readCatalog(session);
  // The planner's row estimate moves with ANALYZE and autovacuum: not part of the schema.
  return JSON.stringify(catalog, (key, value) =>
    key === 'estimatedRows'
      ? undefined
      : value instanceof Map
        ? Object.fromEntries([...value].sort(([a], [b]) => (a < b ? -1 : 1)))
        : value,
  );
}

/**
 * Runs `action` (a refused plan, a failed apply) and requires the catalog, every row count
 * and every column's checksum to be what they were.
 */
export async function expectUnchanged(
  session: SqlSession,
  action: () => Promise<void>,
): Promise<void> {
  const dump = await schemaDump(session);
  const before = await fingerprint(session);
  await action();
  expect(await schemaDump(session)).toBe(dump);
  const after = await fingerprint(session);
  expect(after.rows).toEqual(before.rows);
  expect(after.columns).toEqual(before.columns);
}
