/**
 * The migration folder as drizzle-kit writes it: `meta/_journal.json` lists the migrations in
 * order; each `<tag>.sql` is split on `--> statement-breakpoint`. The hash is the one Drizzle's
 * own migrator stores: sha256 (hex) of the file's text, unnormalised.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FluxDbError } from '../errors/flux-db-error.ts';

interface JournalEntry {
  idx: number;
  when: number;
  tag: string;
  breakpoints: boolean;
}

/** The entries of a drizzle-kit PostgreSQL journal, or undefined for anything else. */
function journalEntries(journal: unknown): JournalEntry[] | undefined {
  const { dialect, entries } = (journal ?? {}) as { dialect?: unknown; entries?: unknown };
  if (dialect !== 'postgresql' || !Array.isArray(entries)) return undefined;
  const valid = entries.every((entry: Partial<Record<keyof JournalEntry, unknown>> | null) => {
    if (typeof entry !== 'object' || entry === null) return false;
    return (
      Number.isInteger(entry.idx) &&
      Number.isInteger(entry.when) &&
      typeof entry.tag === 'string' &&
      entry.tag.length > 0 &&
      typeof entry.breakpoints === 'boolean'
    );
  });
  return valid ? (entries as JournalEntry[]) : undefined;
}

/** A file that holds this line runs outside a transaction (CREATE INDEX CONCURRENTLY). */
export const noTransactionMarker = '-- fluxcore:no-transaction';
/**
 * A data migration declares how baseline recognises that its rows are already present:
 * `-- fluxcore:present-when: <one SQL query returning a single boolean>`.
 */
export const presentWhenMarker = '-- fluxcore:present-when:';

export interface Migration {
  idx: number;
  tag: string;
  /** The journal's `when` (ms): Drizzle stores it as `created_at` of the applied row. */
  when: number;
  path: string;
  sql: string;
  hash: string;
  statements: string[];
  transactional: boolean;
  presentWhen: string | undefined;
  downPath: string;
}

/** Bun's own hasher: loading node:crypto would cost a short command 10 to 20 ms. */
export function sha256(text: string): string {
  return new Bun.CryptoHasher('sha256').update(text).digest('hex');
}

export function splitStatements(sql: string): string[] {
  return sql
    .split('--> statement-breakpoint')
    .map((statement) => statement.trim())
    .filter((statement) => statement.length > 0);
}

export function loadMigrations(folder: string): Migration[] {
  const journalPath = join(folder, 'meta', '_journal.json');
  if (!existsSync(journalPath)) {
    throw new FluxDbError(
      'MIGRATION_NOT_FOUND',
      `no migration journal at ${journalPath}`,
      'Run bun run db:generate to create the first migration',
    );
  }
  const entries = journalEntries(JSON.parse(readFileSync(journalPath, 'utf8')));
  if (!entries) {
    throw new FluxDbError(
      'MIGRATION_NOT_FOUND',
      `${journalPath} is not a drizzle-kit PostgreSQL journal`,
      'Restore it from version control',
    );
  }
  return entries.map((entry) => {
    const path = join(folder, `${entry.tag}.sql`);
    if (!existsSync(path)) {
      throw new FluxDbError(
        'MIGRATION_NOT_FOUND',
        `the journal lists ${entry.tag} but ${path} is missing`,
        'Restore the file from version control; never delete a migration',
      );
    }
    const sql = readFileSync(path, 'utf8');
    const presentLine = sql.split('\n').find((line) => line.startsWith(presentWhenMarker));
    return {
      idx: entry.idx,
      tag: entry.tag,
      when: entry.when,
      path,
      sql,
      hash: sha256(sql),
      statements: splitStatements(sql),
      transactional: !sql.includes(noTransactionMarker),
      presentWhen: presentLine?.slice(presentWhenMarker.length).trim(),
      downPath: join(folder, `${entry.tag}.down.sql`),
    };
  });
}

/** Finds a migration by its full tag (`0001_material_killer_shrike`) or its number (`0001`). */
export function findMigration(migrations: Migration[], name: string): Migration {
  const found = migrations.find(
    (migration) => migration.tag === name || migration.tag.split('_')[0] === name,
  );
  if (!found) {
    throw new FluxDbError(
      'MIGRATION_NOT_FOUND',
      `no migration named "${name}" in the journal`,
      'Run bun run db:status to list the migrations',
    );
  }
  return found;
}

/** A statement's first line of code (comments skipped), cut to 120 characters, for messages. */
export function firstCodeLine(statement: string): string {
  const code = statement.split('\n').find((line) => line.trim() && !line.trim().startsWith('--'));
  const text = (code ?? statement).trim();
  return text.length > 120 ? `${text.slice(0, 117)}...` : text;
}
