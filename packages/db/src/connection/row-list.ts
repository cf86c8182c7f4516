/**
 * `db.execute()` answers with the rows as an array, as the original app's driver (postgres-js)
 * did: `const [row] = await db.execute(sql…)`, `result.length`, `result.map(…)`, `result.count`.
 * The array also carries node-postgres's fields (`rows`, `rowCount`, `command`, `fields`), so
 * code written for either shape reads it. The same on both databases: node-postgres and PGlite
 * results are turned into it by withRowLists, on the client and on every transaction.
 *
 * The extra fields are not enumerable: the list compares, prints and serialises as its rows.
 */
import type { PgQueryResultHKT } from 'drizzle-orm/pg-core';

/**
 * A raw SQL row whose columns the compiler cannot know: each is `any`, as postgres-js's own
 * `Row` type has it, which is how the original app reads them (`row.id`, `row.total + 1`).
 * Pass a row type to execute (`db.execute<{ id: string }>(…)`) to have it checked instead.
 */
export interface SqlRow {
  // biome-ignore lint/suspicious/noExplicitAny: postgres-js's Row, the shape the original reads
  [column: string]: any;
}

/** The rows of a raw statement, with the statement's counts. */
export type RowList<TRow> = TRow[] & {
  /** The same rows (node-postgres's shape). */
  readonly rows: TRow[];
  /** Rows returned, or rows changed by an insert, update or delete (postgres-js's `count`). */
  readonly count: number;
  readonly rowCount: number;
  /** The command tag's verb: SELECT, INSERT, UPDATE… (empty where the driver does not say). */
  readonly command: string;
  readonly fields: readonly { name: string; dataTypeID: number }[];
};

/** The result kind drizzle's execute() returns for this package's databases. */
export interface RowListHKT extends PgQueryResultHKT {
  readonly type: RowList<Record<string, unknown> extends this['row'] ? SqlRow : this['row']>;
}

type DriverResult = {
  rows: unknown[];
  rowCount?: number | null;
  affectedRows?: number;
  command?: string;
  fields?: readonly { name: string; dataTypeID: number }[];
};

/** A driver's result (node-postgres or PGlite) as a RowList. */
export function toRowList(result: DriverResult): RowList<unknown> {
  const rows = result.rows;
  const count = result.rowCount ?? (result.affectedRows || rows.length);
  const list = [...rows];
  const hidden = (value: unknown) => ({ value, enumerable: false });
  Object.defineProperties(list, {
    rows: hidden(rows),
    count: hidden(count),
    rowCount: hidden(count),
    command: hidden(result.command ?? ''),
    fields: hidden(result.fields ?? []),
  });
  return list as RowList<unknown>;
}

type Raw = { execute: (...args: unknown[]) => Promise<DriverResult> };
type Handle = {
  execute: (query: never) => unknown;
  transaction: (run: (tx: never) => Promise<unknown>, config?: never) => Promise<unknown>;
};

/**
 * Makes `execute` on a drizzle handle answer with a RowList, and every transaction it opens
 * (nested ones too). The statement still runs when awaited, as drizzle's own does.
 */
export function withRowLists<T>(handle: T): T {
  const target = handle as unknown as Handle;
  const execute = target.execute.bind(target);
  const transaction = target.transaction.bind(target);
  target.execute = (query: never) => {
    const raw = execute(query) as Raw;
    const run = raw.execute;
    raw.execute = async (...args: unknown[]) => toRowList(await run.apply(raw, args));
    return raw;
  };
  target.transaction = (run, config) =>
    transaction(((tx: Handle) => run(withRowLists(tx) as never)) as never, config);
  return handle;
}
