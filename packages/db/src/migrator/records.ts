/**
 * What is applied. `drizzle.__drizzle_migrations` is the record, in the exact format Drizzle's
 * own migrator writes (one row per journal entry: hash = sha256 of the file, created_at = the
 * entry's `when`), so drizzle-kit and this runner agree on the same database. Our extra facts
 * live beside it in `drizzle.fluxcore_migrations`, never in `public`.
 */
import type { SqlSession } from '../connection/client.ts';
import { readDownFile } from './down-files.ts';
import type { Migration } from './journal.ts';

export interface AppliedRow {
  id: number;
  hash: string;
  createdAt: number;
}

export type AppliedMethod = 'migrate' | 'baseline' | 'converge';

export async function migrationTablesExist(session: SqlSession): Promise<boolean> {
  const rows = await session.query<{ present: boolean }>(
    `select to_regclass('drizzle.__drizzle_migrations') is not null as present`,
  );
  return rows[0]?.present === true;
}

export async function ensureMigrationTables(session: SqlSession): Promise<void> {
  await session.exec(`
    create schema if not exists drizzle;
    create table if not exists drizzle.__drizzle_migrations (
      id serial primary key,
      hash text not null,
      created_at bigint
    );
    create table if not exists drizzle.fluxcore_migrations (
      tag text primary key,
      created_at bigint not null,
      hash text not null,
      method text not null check (method in ('migrate', 'baseline', 'converge')),
      applied_at timestamptz not null default now(),
      duration_ms integer not null default 0,
      applied_by text not null default current_user,
      down_hash text
    );
    -- Added with db:rollback: sha256 of the down file as it was when the migration was applied.
    alter table drizzle.fluxcore_migrations add column if not exists down_hash text;
  `);
}

export async function readAppliedRows(session: SqlSession): Promise<AppliedRow[]> {
  if (!(await migrationTablesExist(session))) return [];
  const rows = await session.query<{ id: number; hash: string; created_at: string | null }>(
    'select id, hash, created_at from drizzle.__drizzle_migrations order by id',
  );
  return rows.map((row) => ({
    id: Number(row.id),
    hash: row.hash,
    createdAt: row.created_at === null ? Number.NaN : Number(row.created_at),
  }));
}

/** Writes the two rows that say `migration` is applied. Runs inside the caller's transaction. */
export async function recordApplied(
  session: SqlSession,
  migration: Migration,
  method: AppliedMethod,
  durationMs: number,
  appliedBy: string,
): Promise<void> {
  await session.query(
    'insert into drizzle.__drizzle_migrations (hash, created_at) values ($1, $2)',
    [migration.hash, migration.when],
  );
  await session.query(
    `insert into drizzle.fluxcore_migrations (tag, created_at, hash, method, duration_ms, applied_by, down_hash)
     values ($1, $2, $3, $4, $5, $6, $7)
     on conflict (tag) do update set created_at = excluded.created_at, hash = excluded.hash,
       method = excluded.method, applied_at = now(), duration_ms = excluded.duration_ms,
       applied_by = excluded.applied_by, down_hash = excluded.down_hash`,
    [
      migration.tag,
      migration.when,
      migration.hash,
      method,
      Math.round(durationMs),
      appliedBy,
      readDownFile(migration)?.hash ?? null,
    ],
  );
}

/** Removes the rows of `migration` (rollback). Runs inside the caller's transaction. */
export async function recordReverted(session: SqlSession, migration: Migration): Promise<void> {
  await session.query('delete from drizzle.__drizzle_migrations where created_at = $1', [
    migration.when,
  ]);
  await session.query('delete from drizzle.fluxcore_migrations where tag = $1', [migration.tag]);
}

/**
 * The down file checksum recorded for each applied migration, by tag: null when none was
 * recorded (no down file then, or applied before down checksums existed). A migration applied
 * by drizzle-kit alone has no row here at all. Reads nothing it would have to create.
 */
export async function readRecordedDownHashes(
  session: SqlSession,
): Promise<Map<string, string | null>> {
  const [table] = await session.query<{ present: boolean }>(
    `select to_regclass('drizzle.fluxcore_migrations') is not null as present`,
  );
  if (!table?.present) return new Map();
  // to_jsonb: the down_hash column may not exist yet (a database migrated before it was added).
  const rows = await session.query<{ tag: string; down_hash: string | null }>(
    `select tag, to_jsonb(f) ->> 'down_hash' as down_hash from drizzle.fluxcore_migrations f`,
  );
  return new Map(rows.map((row) => [row.tag, row.down_hash]));
}
