/**
 * What an online run is made of. A migration's statements become steps; each step is atomic
 * (one short transaction recorded together with its row in drizzle.fluxcore_online_steps) or
 * idempotent (an index built CONCURRENTLY, a backfill batch that records how far it got), so a
 * run killed anywhere resumes at the step it stopped in. Each kind of statement that would hold
 * a long lock has its module in kinds/: it parses the statement, checks the data, and gives
 * the phases it runs as.
 */
import type { SqlSession } from '../connection/client.ts';

export type StepAction =
  /**
   * Statements run in one transaction under the online lock_timeout. `brief`: they change only
   * the catalog (no scan, no rewrite: converge's steps without a long lock), so consecutive
   * brief steps on the same table (`table`; null: no table) may share one transaction.
   */
  | { kind: 'transaction'; sql: string[]; brief?: { table: string | null } }
  /** CREATE INDEX CONCURRENTLY, outside a transaction; an invalid leftover is rebuilt. */
  | { kind: 'concurrent-index'; index: string; sql: string }
  /** Fills `column` of `table` from `expression`, in batches along the primary key. */
  | { kind: 'backfill'; table: string; column: string; expression: string; key: string[] }
  /**
   * A statement with an online form, planned when the run reaches it (so it sees what the
   * statements before it did): it records its steps right after itself, in one transaction.
   */
  | {
      kind: 'form';
      statement: string;
      /** What runs instead (one short transaction) when the form refuses; else the run stops. */
      fallback?: string[];
      /** The column's default after a retype's switch, when not the live one (converge's target). */
      defaultSql?: string | null;
    }
  /** Statements that cannot run in a transaction (REINDEX CONCURRENTLY), each on its own. */
  | { kind: 'outside'; sql: string[] }
  /** One statement touching at most a batch of rows, run again until it touches none. */
  | { kind: 'batches'; table: string; sql: string };

export interface OnlineStep {
  /** One line: what the step does (db:status and the log show it). */
  what: string;
  action: StepAction;
  /** SQL that undoes the step (--abort); null when it cannot be undone. */
  undo: string[] | null;
}

export interface FormOptions {
  /** A retype's default after its switch (undefined: the live column's). */
  defaultSql?: string | null;
}

/** A statement that would hold a long lock, and how --online runs it instead. */
export interface OnlineForm {
  /** The kind of change, as db:check names it. */
  kind: string;
  table: string;
  /** One line: how --online runs it (db:check prints it). */
  form: string;
  /** Checks the data before any DDL; throws a FluxDbError naming what stops it. */
  check?(session: SqlSession): Promise<void>;
  /** The steps, planned against the live database before any of them runs. */
  steps(session: SqlSession, options?: FormOptions): Promise<OnlineStep[]>;
}

/** A statement kind: recognises its statements. */
export interface StatementKind {
  name: string;
  /** The online form of `statement`, or undefined when it is not of this kind. */
  match(statement: string): OnlineForm | undefined;
}

/** `"name"` for SQL. */
export function ident(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

export function literal(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}

/** An identifier of at most 63 bytes (PostgreSQL's limit) ending with `suffix`. */
export function derivedName(base: string, suffix: string): string {
  return `${base.slice(0, 63 - suffix.length)}${suffix}`;
}

/** The statement without its leading comment lines and trailing semicolon. */
export function codeOf(statement: string): string {
  return statement
    .split('\n')
    .filter((line) => !line.trim().startsWith('--'))
    .join('\n')
    .trim()
    .replace(/;\s*$/, '');
}

/** `"public"."t"`, `"t"` or `t` → `t` (the schema is public). */
export const tableName = String.raw`(?:"public"\.|public\.)?(?:"((?:[^"]|"")+)"|([a-z_][a-z0-9_$]*))`;

export function nameFrom(quoted: string | undefined, bare: string | undefined): string {
  return quoted !== undefined ? quoted.replaceAll('""', '"') : (bare ?? '');
}
