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

/**
 * The original FluxCore (harvan88/FluxCoreChat): its Drizzle journal at the February checkpoint
 * (f07159b, 2026-02-09) and at its latest state (239c046, 2026-05-15), oldest first. The
 * original edited 0002, 0004 and 0005 in place on 2026-03-04, so May's rows for them carry other
 * hashes; a database migrated in February and upgraded later carries February's hashes for
 * those three and May's for the rest. Both are recognised, row by row.
 */
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
  {
    name: 'fluxcore-2026-05',
    description: 'the original FluxCore package (harvan88/FluxCoreChat, May 2026)',
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
        hash: '832485f0a49ad315088e9550b48b6a3f523dabfcb997abd5fc544bcd6ceedbef',
      },
      {
        tag: '0003_yielding_nocturne',
        when: 1768354392040,
        hash: 'e0d640214376c51ba1d9e2ff3b3f92a0e0e543d12852d49c927b442a93b15c43',
      },
      {
        tag: '0004_acoustic_jigsaw',
        when: 1769293239361,
        hash: '516ba3a54ffd25b4d2044c1b5b4e05dd22b44e0b8e3647a2d0343b959c3fead5',
      },
      {
        tag: '0005_equal_vampiro',
        when: 1770310719007,
        hash: '503177e34634ab24a5d2a9219fba905425598a1bed4341c9aca820f93fd444d2',
      },
      {
        tag: '0006_numerous_wallow',
        when: 1770917687124,
        hash: '81a646c88964d440879ab1a14b89bb5893b491be60900ac49f030ef1e2701315',
      },
      {
        tag: '0007_certain_diamondback',
        when: 1770917797386,
        hash: '3a4a294275869f62f49464b2ae3bd1307ab2f81440aeddd0a07cff9926b88ffb',
      },
      {
        tag: '0008_organic_white_queen',
        when: 1770920218473,
        hash: '0ff1e997a35f7b68280e1cc28124af811a97d578692a4dc7d5456388c4b5e953',
      },
      {
        tag: '0009_colorful_white_tiger',
        when: 1772211709811,
        hash: '9ce2721ac9d9d4bd967a8ec187f05ce6a66daacec09e620b6f61faedf4efdeb6',
      },
      {
        tag: '0010_ambiguous_marten_broadcloak',
        when: 1772236119004,
        hash: '3cb14ec4a34214f866b3803e410485f7dbaf86647922d7ed50b96b10b22baf6a',
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
  /**
   * Rows of an earlier history: `lineage` is the newest one they reach (a database upgraded
   * from February to May carries rows of both), `unknown` the rows of no history known here.
   */
  | { kind: 'foreign-lineage'; lineage: Lineage; rows: ForeignRow[]; unknown: AppliedRow[] }
  /** Tables of this schema, but no journal row of this history or of a known one. */
  | { kind: 'unjournaled'; tables: string[] };

function entryOf(lineage: Lineage, row: AppliedRow): LineageEntry | undefined {
  return lineage.entries.find((e) => e.when === row.createdAt && e.hash === row.hash);
}

/**
 * The newest known history that wrote at least one of `rows` (a row that no older history
 * wrote shows it): a February database's rows all match May's too where the file never changed.
 */
export function lineageOf(rows: AppliedRow[]): Lineage | undefined {
  for (let i = knownLineages.length - 1; i >= 0; i--) {
    const lineage = knownLineages[i] as Lineage;
    const older = knownLineages.slice(0, i);
    const own = rows.some((row) => entryOf(lineage, row) && !older.some((o) => entryOf(o, row)));
    if (own) return lineage;
  }
  return knownLineages.find((lineage) => rows.some((row) => entryOf(lineage, row)));
}

/**
 * The rows of `rows` that belong to a known earlier history, each with the history that wrote
 * it: the database's own (newest) one where its hash is that one's, else the older one whose
 * hash it keeps (the three files the original edited in place after February).
 */
export function foreignRows(rows: AppliedRow[]): ForeignRow[] {
  const newest = lineageOf(rows);
  if (!newest) return [];
  const candidates = [newest, ...[...knownLineages].reverse().filter((l) => l !== newest)];
  const found: ForeignRow[] = [];
  for (const row of rows) {
    for (const lineage of candidates) {
      const entry = entryOf(lineage, row);
      if (!entry) continue;
      found.push({ ...row, lineage: lineage.name, tag: entry.tag });
      break;
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
  const lineage = lineageOf(rows);
  const ours = new Set(migrations.map((m) => m.when));
  if (lineage) {
    const known = new Set(foreign.map((row) => row.id));
    const unknown = rows.filter((row) => !known.has(row.id) && !ours.has(row.createdAt));
    return { kind: 'foreign-lineage', lineage, rows: foreign, unknown };
  }
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
      return `this database carries ${situation.rows.length} journal row(s) of ${situation.lineage.description} (${describeRows(situation.lineage, situation.rows)}), an earlier history this package adopts${situation.unknown.length ? `, and ${situation.unknown.length} row(s) of no history known here` : ''}`;
    case 'unjournaled':
      return `this database has ${situation.tables.length} table(s) of the schema (${situation.tables.slice(0, 3).join(', ')}${situation.tables.length > 3 ? ', …' : ''}) but no journal row of this history`;
    case 'own':
      return 'this database is on this package history';
  }
}

/** The rows' tags, naming those that keep an older history's hash. */
export function describeRows(lineage: Lineage, rows: ForeignRow[]): string {
  const tags = rows.map((r) => r.tag).join(', ');
  const older = rows.filter((r) => r.lineage !== lineage.name);
  if (older.length === 0) return tags;
  const names = [...new Set(older.map((r) => r.lineage))].join(', ');
  return `${tags}; ${older.map((r) => r.tag).join(', ')} with ${names}'s hash, applied before the original edited those files in place`;
}

/** One line per foreign row for db:status: its tag and the history that wrote it. */
export function foreignRowLines(situation: Situation & { kind: 'foreign-lineage' }): string[] {
  const lines = situation.rows.map(
    (row) =>
      `  ~ ${row.tag}  applied by ${row.lineage}${row.lineage === situation.lineage.name ? '' : ` (its hash before the original edited the file in place; ${situation.lineage.name} has another)`} (an earlier history)`,
  );
  for (const row of situation.unknown)
    lines.push(
      `  ✗ (row ${row.id}, created_at ${row.createdAt}, hash ${row.hash.slice(0, 12)}…)  UNKNOWN: of no history known here`,
    );
  return lines;
}

export const convergeHint =
  'Run bun run db:converge --plan to see how it is brought to the schema, keeping every row';

/** The error migrate and baseline raise instead of failing on "relation already exists". */
export function needsConverge(situation: Situation): FluxDbError {
  return new FluxDbError('NEEDS_CONVERGE', describeSituation(situation), convergeHint);
}
