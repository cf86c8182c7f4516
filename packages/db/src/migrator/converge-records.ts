/**
 * What db:converge leaves beside Drizzle's journal (written by converge/apply.ts, read by the
 * audit and db:status): the earlier history it adopted (moved out
 * of `drizzle.__drizzle_migrations`, never deleted) and the objects it kept on purpose, which
 * the audit then reports as kept rather than as differences.
 */
import type { SqlSession } from '../connection/client.ts';
import type { ForeignRow } from './lineages.ts';

/** What converge records of an object it kept (its KeptObject satisfies this). */
export interface KeptRecord {
  kind: string;
  name: string;
  rows: number | null;
  note: string;
  dropped: boolean;
}

export async function ensureConvergeTables(session: SqlSession): Promise<void> {
  await session.exec(`
    create table if not exists drizzle.fluxcore_adopted_history (
      lineage text not null,
      tag text not null,
      hash text not null,
      created_at bigint not null,
      original_id integer not null,
      adopted_at timestamptz not null default now(),
      primary key (lineage, tag)
    );
    create table if not exists drizzle.fluxcore_kept (
      name text primary key,
      kind text not null,
      note text not null,
      rows bigint,
      kept_at timestamptz not null default now()
    );
    alter table drizzle.fluxcore_migrations drop constraint if exists fluxcore_migrations_method_check;
    alter table drizzle.fluxcore_migrations add constraint fluxcore_migrations_method_check
      check (method in ('migrate', 'baseline', 'converge'));
  `);
}

/** Moves the rows of an earlier history to the side table: same values, marked as adopted. */
export async function adoptForeignRows(session: SqlSession, rows: ForeignRow[]): Promise<void> {
  for (const row of rows) {
    await session.query(
      `insert into drizzle.fluxcore_adopted_history (lineage, tag, hash, created_at, original_id)
       values ($1, $2, $3, $4, $5) on conflict (lineage, tag) do nothing`,
      [row.lineage, row.tag, row.hash, row.createdAt, row.id],
    );
    await session.query('delete from drizzle.__drizzle_migrations where id = $1', [row.id]);
  }
}

export async function recordKept(session: SqlSession, kept: KeptRecord[]): Promise<void> {
  await session.query('delete from drizzle.fluxcore_kept');
  for (const object of kept.filter((k) => !k.dropped)) {
    await session.query(
      'insert into drizzle.fluxcore_kept (name, kind, note, rows) values ($1, $2, $3, $4)',
      [object.name, object.kind, object.note, object.rows],
    );
  }
}

/** The objects kept on purpose by the last converge, by kind and name (empty when none). */
export async function readKept(session: Pick<SqlSession, 'query'>): Promise<Map<string, string>> {
  const [present] = await session.query<{ ok: boolean }>(
    `select to_regclass('drizzle.fluxcore_kept') is not null as ok`,
  );
  if (!present?.ok) return new Map();
  const rows = await session.query<{ kind: string; name: string }>(
    'select kind, name from drizzle.fluxcore_kept',
  );
  return new Map(rows.map((row) => [`${row.kind}:${row.name}`, row.name]));
}

export async function readAdoptedHistory(
  session: Pick<SqlSession, 'query'>,
): Promise<{ lineage: string; tag: string }[]> {
  const [present] = await session.query<{ ok: boolean }>(
    `select to_regclass('drizzle.fluxcore_adopted_history') is not null as ok`,
  );
  if (!present?.ok) return [];
  return session.query<{ lineage: string; tag: string }>(
    'select lineage, tag from drizzle.fluxcore_adopted_history order by created_at',
  );
}
