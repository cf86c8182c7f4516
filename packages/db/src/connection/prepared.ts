/**
 * Hot reads as named prepared statements: each is built once per database handle (drizzle
 * does not rebuild it on every call) and prepared under its name, so a server parses and
 * plans it once per connection. Values go in as drizzle placeholders.
 */
import { DrizzleQueryError, fillPlaceholders, type SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import type { Database, Transaction } from './types.ts';

const statements = new WeakMap<object, Map<string, unknown>>();
const dialect = new PgDialect();

/** The statement `name` of this handle, built by `build` on first use. */
function preparedStatement<T>(db: object, name: string, build: (name: string) => T): T {
  let byName = statements.get(db);
  if (!byName) {
    byName = new Map();
    statements.set(db, byName);
  }
  let statement = byName.get(name) as T | undefined;
  if (statement === undefined) {
    statement = build(name);
    byName.set(name, statement);
  }
  return statement;
}

/** Runs a named statement on a handle's driver and returns its rows as arrays. */
export type ArrayQuery = (name: string, text: string, params: unknown[]) => Promise<unknown[][]>;

/**
 * Sends statements separated by semicolons as one simple query (one round trip, one implicit
 * transaction, so a `set local` among them holds for the statements after it and no longer)
 * and returns the last statement's rows as arrays.
 */
export type SimpleQuery = (text: string) => Promise<unknown[][]>;

const arrayQueries = new WeakMap<object, ArrayQuery>();
const simpleQueries = new WeakMap<object, SimpleQuery>();
/** The handles whose registered driver sends a Buffer parameter in binary format. */
const binaryParams = new WeakSet<object>();

/**
 * createDb names the driver behind each handle it makes, so a hot read skips drizzle's
 * execution layer (on PGlite, drizzle's per-query parser override alone costs about 0.1 ms a
 * page). A transaction's handle is not registered: its reads go through drizzle.
 */
export function registerArrayQuery(
  db: object,
  query: ArrayQuery,
  options: { binaryParams?: boolean; simple?: SimpleQuery } = {},
): void {
  arrayQueries.set(db, query);
  if (options.simple) simpleQueries.set(db, options.simple);
  if (options.binaryParams) binaryParams.add(db);
}

/**
 * Whether unnamedArrayRows sends a Buffer parameter to this handle in binary format (the
 * type's receive function reads it: no text to print or parse). node-postgres does; PGlite's
 * in-process query does not, and a transaction's handle goes through drizzle.
 */
export function acceptsBinaryParams(db: Database | Transaction): boolean {
  return binaryParams.has(db);
}

/**
 * A prepared statement whose rows come back as arrays (`rowMode: 'array'`, in the order of
 * the select list) and go through `map`, a mapper written for that one query, instead of
 * drizzle's generic per-column row mapping. Timestamps arrive as the server's text or as a
 * Date (see momentOf), jsonb as parsed values. A driver error is wrapped as drizzle wraps it
 * (DrizzleQueryError, the driver's error as its cause), whichever path ran.
 */
export function preparedMapped<T>(
  db: Database | Transaction,
  name: string,
  build: () => { toSQL(): { sql: string; params: unknown[] } },
  map: (rows: unknown[][]) => T,
): { execute(values: Record<string, unknown>): Promise<T> } {
  return preparedStatement(db, name, (statementName) => {
    const direct = arrayQueries.get(db);
    if (!direct) {
      return db._.session.prepareQuery<{ execute: T; all: unknown; values: unknown }>(
        build().toSQL(),
        undefined,
        statementName,
        true,
        map,
      );
    }
    const query = build().toSQL();
    return {
      execute: async (values: Record<string, unknown>) => {
        const params = fillPlaceholders(query.params, values);
        let rows: unknown[][];
        try {
          rows = await direct(statementName, query.sql, params);
        } catch (error) {
          throw new DrizzleQueryError(query.sql, params, error as Error);
        }
        return map(rows);
      },
    };
  });
}

/**
 * The rows of a one-off statement as arrays (in the order of its select list), planned for
 * the values it is sent with: an unnamed statement, never a prepared plan that a later call
 * with other values would reuse. Through the driver where createDb registered one (skipping
 * drizzle's execution layer, as preparedMapped does), else (a transaction) through drizzle.
 */
export async function unnamedArrayRows(
  db: Database | Transaction,
  query: SQL,
): Promise<unknown[][]> {
  const direct = arrayQueries.get(db);
  const { sql: text, params } = dialect.sqlToQuery(query);
  if (!direct) {
    const result = await db.execute(query);
    return (result as unknown as { rows: Record<string, unknown>[] }).rows.map(Object.values);
  }
  try {
    // An empty name is node-postgres's unnamed statement: parsed and planned for these values.
    return await direct('', text, params);
  } catch (error) {
    throw new DrizzleQueryError(text, params, error as Error);
  }
}

/**
 * Runs `statements` as one simple query on the handle's driver (one round trip; see
 * SimpleQuery) with every value written into the text (a simple query takes no parameters:
 * pass only values checked beforehand), and returns the last one's rows as arrays; or
 * undefined when the handle has no such driver (a transaction's handle): run them another way.
 */
export async function simpleArrayRows(
  db: Database | Transaction,
  statements: SQL[],
): Promise<unknown[][] | undefined> {
  const simple = simpleQueries.get(db);
  if (!simple) return undefined;
  const text = statements.map((statement) => dialect.sqlToQuery(statement.inlineParams()).sql);
  try {
    return await simple(text.join(';\n'));
  } catch (error) {
    throw new DrizzleQueryError(text.join(';\n'), [], error as Error);
  }
}

/** A timestamptz as drizzle maps it: the server's text to a Date; a Date or null stays. */
export function momentOf(value: unknown): Date | null {
  return typeof value === 'string' ? new Date(value) : (value as Date | null);
}

/** A jsonb value as drizzle maps it: parsed, whether the driver parsed it or not. */
export function jsonOf<T>(value: unknown): T {
  return (typeof value === 'string' ? JSON.parse(value) : value) as T;
}
