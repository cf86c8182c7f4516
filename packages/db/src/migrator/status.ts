/**
 * Every migration's state, from the journal and `drizzle.__drizzle_migrations`. A row matches
 * the journal entry whose `when` equals its created_at.
 */
import type { SqlSession } from '../connection/client.ts';
import type { Migration } from './journal.ts';
import { type AppliedRow, readAppliedRows } from './records.ts';

export type MigrationState =
  /** Recorded, and the file still has the hash it was applied with. */
  | 'applied'
  /** Not recorded yet. */
  | 'pending'
  /** Not recorded, but a later migration is: Drizzle's own migrator would skip it forever. */
  | 'skipped'
  /** Recorded with another hash: the file was changed after it was applied. */
  | 'edited';

export interface MigrationStatus {
  tag: string;
  when: number;
  state: MigrationState;
  appliedHash: string | undefined;
  fileHash: string;
}

export interface UnknownRow {
  id: number;
  hash: string;
  createdAt: number;
}

/** A journal entry recorded more than once (whatever the ids' order). */
export interface DuplicateRows {
  tag: string;
  /** Every row recorded for it, lowest id first. */
  ids: number[];
}

export interface StatusReport {
  migrations: MigrationStatus[];
  /** Rows in the database that no journal entry of this folder explains. */
  unknown: UnknownRow[];
  /** Journal entries with more than one row in `drizzle.__drizzle_migrations`. */
  duplicates: DuplicateRows[];
  /** True when anything but "pending" is wrong: edited, skipped, unknown or duplicate rows. */
  problems: boolean;
}

export function compareWithJournal(migrations: Migration[], rows: AppliedRow[]): StatusReport {
  const byWhen = new Map<number, AppliedRow>();
  const allByWhen = new Map<number, AppliedRow[]>();
  for (const row of [...rows].sort((a, b) => a.id - b.id)) {
    // The lowest id is the row Drizzle wrote first; any other is a duplicate, whatever its id.
    if (!byWhen.has(row.createdAt)) byWhen.set(row.createdAt, row);
    allByWhen.set(row.createdAt, [...(allByWhen.get(row.createdAt) ?? []), row]);
  }
  const lastApplied = migrations.reduce(
    (last, migration, index) => (byWhen.has(migration.when) ? index : last),
    -1,
  );
  const statuses = migrations.map((migration, index): MigrationStatus => {
    const row = byWhen.get(migration.when);
    let state: MigrationState;
    if (!row) state = index < lastApplied ? 'skipped' : 'pending';
    else state = row.hash === migration.hash ? 'applied' : 'edited';
    return {
      tag: migration.tag,
      when: migration.when,
      state,
      appliedHash: row?.hash,
      fileHash: migration.hash,
    };
  });
  const known = new Set(migrations.map((migration) => migration.when));
  const unknown = rows
    .filter((row) => !known.has(row.createdAt))
    .map((row) => ({ id: row.id, hash: row.hash, createdAt: row.createdAt }));
  const duplicates = migrations.flatMap((migration) => {
    const recorded = allByWhen.get(migration.when) ?? [];
    return recorded.length > 1 ? [{ tag: migration.tag, ids: recorded.map((row) => row.id) }] : [];
  });
  const problems =
    unknown.length > 0 ||
    duplicates.length > 0 ||
    statuses.some((s) => s.state === 'edited' || s.state === 'skipped');
  return { migrations: statuses, unknown, duplicates, problems };
}

export async function migrationStatus(
  session: SqlSession,
  migrations: Migration[],
): Promise<StatusReport> {
  return compareWithJournal(migrations, await readAppliedRows(session));
}
