/**
 * Earlier histories this package can adopt: migration journals written by other code into
 * the same `drizzle.__drizzle_migrations` table. Each is known by the exact rows Drizzle's
 * migrator wrote (created_at = the journal's `when`, hash = sha256 of the file), so a database
 * that carries them is recognised for what it is, and db:status, db:migrate and db:baseline
 * point to db:converge instead of calling those rows unknown.
 *
 * And the other situation db:converge handles: a database that has tables of this schema but
 * no journal rows of this history (built by scripts, or by `drizzle-kit push`).
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { SqlSession } from '../connection/client.ts';
import { FluxDbError } from '../errors/flux-db-error.ts';
import type { Migration } from './journal.ts';
import { type AppliedRow, readAppliedRows } from './records.ts';

export interface LineageEntry {
  tag: string;
  when: number;
  hash: string;
}

export interface Lineage {
  name: string;
  description: string;
  entries: readonly LineageEntry[];
}

/** The original FluxCore (harvan88/FluxCoreChat, checkpoint 2026-02-09): its Drizzle journal. */
export const knownLineages: readonly Lineage[] = [
  {
    name: 'fluxcore-2026-02',
    description: 'the original FluxCore package (harvan88/FluxCoreChat, February 2026)',
    entries: [
      {
        tag: '0000_strong_proudstar',
        when: 1765044253198,
        hash: '3737411d6f3a9dabaf833c788226f3cf1b4feffbedf4254653ffbaf5c0be5254',
      },
      {
        tag: '0001_material_killer_shrike',
        when: 1765044663654,
        hash: '0a669e2e3b86e99823e887ea066677b056b0498ff77b485bd8545ec02dfc6233',
      },
      {
        tag: '0002_grey_the_initiative',
        when: 1767975604963,
        hash: '7940d6b7544e02bb9a7676f5f7aac979d7c7fcd01beb33469b8f8c4bc53829fb',
      },
      {
        tag: '0003_yielding_nocturne',
        when: 1768354392040,
        hash: 'e0d640214376c51ba1d9e2ff3b3f92a0e0e543d12852d49c927b442a93b15c43',
      },
      {
        tag: '0004_acoustic_jigsaw',
        when: 1769293239361,
        hash: 'cd6627088a76ec52421ada5a9c99608f3f63c9c697a681696ce77f9f27160290',
      },
      {
        tag: '0005_equal_vampiro',
        when: 1770310719007,
        hash: 'bfa7df8ad64d141c7a62fc503d3e77da2fdf61f9e2be2fced670f74309369215',
      },
    ],
  },
];

export interface ForeignRow extends AppliedRow {
  lineage: string;
  tag: string;
}

export type Situation =
  /** Nothing to adopt: an empty database, or one on this history (maybe with pending migrations). */
  | { kind: 'own' }
  /** Rows of an earlier history (and maybe of none). */
  | { kind: 'foreign-lineage'; lineage: Lineage; rows: ForeignRow[] }
  /** Tables of this schema, but no journal row of this history or of a known one. */
  | { kind: 'unjournaled'; tables: string[] };

/** The rows of `rows` that belong to a known earlier history, with that history. */
export function foreignRows(rows: AppliedRow[]): ForeignRow[] {
  const found: ForeignRow[] = [];
  for (const row of rows) {
    for (const lineage of knownLineages) {
      const entry = lineage.entries.find((e) => e.when === row.createdAt && e.hash === row.hash);
      if (entry) found.push({ ...row, lineage: lineage.name, tag: entry.tag });
    }
  }
  return found;
}

/** The situation of the database `session` is on, against this migration folder. */
export async function situationOf(
  session: SqlSession,
  migrations: Migration[],
): Promise<Situation> {
  return detectSituation(session, migrations, snapshotTables(migrations));
}

/** The table names of the last migration's drizzle-kit snapshot. */
export function snapshotTables(migrations: Migration[]): string[] {
  const last = migrations.at(-1);
  if (!last) return [];
  const path = join(dirname(last.path), 'meta', `${last.tag.split('_')[0]}_snapshot.json`);
  if (!existsSync(path)) return [];
  const snapshot = JSON.parse(readFileSync(path, 'utf8')) as {
    tables: Record<string, { name: string; schema?: string }>;
  };
  return Object.values(snapshot.tables)
    .filter((table) => !table.schema || table.schema === 'public')
    .map((table) => table.name)
    .sort();
}

/** Tables in `public` that the migrations create (read from the last snapshot's table names). */
async function schemaTablesPresent(session: SqlSession, tables: string[]): Promise<string[]> {
  if (tables.length === 0) return [];
  const rows = await session.query<{ name: string }>(
    `select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
     where n.nspname = 'public' and c.relkind in ('r', 'p') and c.relname = any($1::text[])
     order by 1`,
    [tables],
  );
  return rows.map((row) => row.name);
}

export async function detectSituation(
  session: SqlSession,
  migrations: Migration[],
  schemaTables: string[],
): Promise<Situation> {
  const rows = await readAppliedRows(session);
  const foreign = foreignRows(rows);
  const lineage = knownLineages.find((l) => l.name === foreign[0]?.lineage);
  if (lineage) return { kind: 'foreign-lineage', lineage, rows: foreign };
  const ours = new Set(migrations.map((m) => m.when));
  if (rows.some((row) => ours.has(row.createdAt))) return { kind: 'own' };
  const tables = await schemaTablesPresent(session, schemaTables);
  if (tables.length === 0) return { kind: 'own' };
  // The tables may have come with a migration of this history that committed after the
  // journal was read (db:status beside a running db:migrate): a migration commits its tables
  // and its journal row together, so the journal read again after the tables says.
  const again = await readAppliedRows(session);
  return again.some((row) => ours.has(row.createdAt))
    ? { kind: 'own' }
    : { kind: 'unjournaled', tables };
}

/** One sentence naming the situation, for status, migrate, baseline and converge. */
export function describeSituation(situation: Situation): string {
  switch (situation.kind) {
    case 'foreign-lineage':
      return `this database carries ${situation.rows.length} journal row(s) of ${situation.lineage.description} (${situation.rows.map((r) => r.tag).join(', ')}), an earlier history this package adopts`;
    case 'unjournaled':
      return `this database has ${situation.tables.length} table(s) of the schema (${situation.tables.slice(0, 3).join(', ')}${situation.tables.length > 3 ? ', …' : ''}) but no journal row of this history`;
    case 'own':
      return 'this database is on this package history';
  }
}

export const convergeHint =
  'Run bun run db:converge --plan to see how it is brought to the schema, keeping every row';

/** The error migrate and baseline raise instead of failing on "relation already exists". */
export function needsConverge(situation: Situation): FluxDbError {
  return new FluxDbError('NEEDS_CONVERGE', describeSituation(situation), convergeHint);
}
