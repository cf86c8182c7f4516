/**
 * Journal rows an earlier release of this package wrote for migrations it later put right.
 *
 * The release of 2026-12-06 (main at 2109ec5) shipped 0036 widened in place, with 0036–0038
 * regenerated under new created_at values, after 0036–0038 had been released as they are now.
 * Applied migrations are never edited, so 0036 is back as first released and the widening is
 * its own migration, 0039; the migrations after it moved up one number. A database migrated by
 * that release holds exactly what 0036 + 0039 hold, under other journal rows: its 0036–0038 rows
 * carry that release's created_at values (one of them 0036's other hash), and its
 * `fluxcore_migrations` rows carry the old tags and down-file checksums.
 *
 * `asReleasedNow` reads such rows as the migrations they stand for (db:status and every command
 * agree); `recordAsReleasedNow` rewrites them once, under the migration lock, so the journal
 * says what this folder says. Nothing in the schema changes: the rows only describe it again.
 */
import type { SqlSession } from '../connection/client.ts';
import { readDownFile } from './down-files.ts';
import type { Migration } from './journal.ts';
import type { AppliedRow } from './records.ts';

interface EarlierRow {
  /** created_at and hash the earlier release recorded. */
  when: number;
  hash: string;
  /** The migrations of this folder whose schema that one row applied, in order. */
  becomes: string[];
}

interface EarlierRelease {
  name: string;
  rows: EarlierRow[];
  /**
   * The down file checksums that release recorded, by created_at: the same files but for the
   * number in their first lines, so a match is carried over to this folder's file.
   */
  downHashes: Record<number, string>;
}

export const earlierReleases: readonly EarlierRelease[] = [
  {
    name: 'the release of 2026-12-06 (2109ec5)',
    rows: [
      {
        when: 1796573935244,
        hash: '5999de08647716a897eb155f370b17fe4f538f4eb7dea298014c745bd3e273a9',
        becomes: [
          '0036_never_narrower_than_the_original',
          '0039_original_schema_tables_and_columns',
        ],
      },
      {
        when: 1796573936242,
        hash: 'b29679cfd60b140b3d55bed136bcfa9123efeb2eadf4b3be410764f1db8de922',
        becomes: ['0037_may_signals'],
      },
      {
        when: 1796573937174,
        hash: '46d2ea82a351236449fe33fab2ad7ff29a7aa0c178ba023f85798bc50a00097a',
        becomes: ['0038_restore_operator_ai_session_policies'],
      },
    ],
    downHashes: {
      1796573935244: '2b6e52b5180075d333168b3d1912e3ee890b52b1171c56b14a7482f3799cdfd5',
      1796573937818: '0964b9e4370160663c52a253844effa628922075ae802ac95df80cc4ad130e92',
      1796574985899: 'ee1aaa9b3915bb80498ee4f6be177e30e8b878cdc8037de8a10498ca19c43039',
      1796578880071: '095f1a01aca88945cf3018634db98a312ee01d7f775e209142e0e775371b69fb',
      1796578983698: '54e6fdffe79267ba3bf189c73c267a29ef0fd620cd2b50981302f42813ac159f',
      1796579621996: 'd634de63f7e549f031d99b86780872398c7bf998858433b6f330711939f06bb2',
      1796584062301: '01afefcb49f9aae3792094e187dc7f98c321a1e4a1fdd9887f72d15816042fb3',
      1796584066162: '2127ad4be3dba42737874c984420ef9a8404570cc602e6dff90ffbd4922a158a',
      1796584078272: '0d8af8ddb02a754c07c3f2297f664a59daa6202dc8b0b9757745859eee5a9d3f',
      1796584245751: '142a74a4b976b8b50e5a4c181d4cc0dab4b27a101fb84a11fa3254da70f2a651',
      1796584254068: '482267e38ba8f1dd1e8347b02e2e9070652ec6d9d5db78f21c91286c4ef60b2f',
      1796584265730: 'ab8a3bda2ca1015f6251db189241450b3117600a059890f953e75b4e089f56fd',
      1796584284552: '69474d9c0bda418de52ae325f5192032059dbdb1bc14967fcea51416a10bd103',
      1796584504839: '12c8017164b74cb3bc33c229bc7095588c64682d3381cecc1fb047e2788da68f',
    },
  },
];

interface Rewrite {
  row: AppliedRow;
  release: EarlierRelease;
  earlier: EarlierRow;
  targets: Migration[];
}

/** The rows of an earlier release that this folder explains, with what each stands for. */
function rewrites(rows: AppliedRow[], migrations: Migration[]): Rewrite[] {
  const recorded = new Set(rows.map((row) => row.createdAt));
  const found: Rewrite[] = [];
  for (const release of earlierReleases) {
    for (const earlier of release.rows) {
      const row = rows.find((r) => r.createdAt === earlier.when && r.hash === earlier.hash);
      if (!row) continue;
      const targets = earlier.becomes.map((tag) => migrations.find((m) => m.tag === tag));
      // A folder without those migrations (an older checkout) leaves the row as it is.
      if (targets.some((m) => m === undefined)) continue;
      // Rows already rewritten (or a database that applied them as they are now) are left.
      if ((targets as Migration[]).some((m) => recorded.has(m.when))) continue;
      found.push({ row, release, earlier, targets: targets as Migration[] });
    }
  }
  return found;
}

/** `rows` as they will read once `recordAsReleasedNow` has run (pure; for status). */
export function asReleasedNow(rows: AppliedRow[], migrations: Migration[]): AppliedRow[] {
  const found = rewrites(rows, migrations);
  if (found.length === 0) return rows;
  const replaced = new Set(found.map((r) => r.row.id));
  const next = rows.filter((row) => !replaced.has(row.id));
  for (const { row, targets } of found) {
    targets.forEach((migration, index) => {
      next.push({
        id: index === 0 ? row.id : row.id + index / 10,
        hash: migration.hash,
        createdAt: migration.when,
      });
    });
  }
  return next.sort((a, b) => a.id - b.id);
}

/**
 * Rewrites an earlier release's rows as this folder's (inside the caller's transaction, under
 * the migration lock), and carries `fluxcore_migrations`' tags and down checksums over to the
 * tags and files they stand for now. Returns one line per rewritten row, for the log.
 */
export async function recordAsReleasedNow(
  session: SqlSession,
  rows: AppliedRow[],
  migrations: Migration[],
): Promise<string[]> {
  const found = rewrites(rows, migrations);
  const lines: string[] = [];
  for (const { row, release, earlier, targets } of found) {
    const [first, ...rest] = targets as [Migration, ...Migration[]];
    await session.query(
      'update drizzle.__drizzle_migrations set created_at = $1, hash = $2 where id = $3',
      [first.when, first.hash, row.id],
    );
    for (const migration of rest) {
      await session.query(
        'insert into drizzle.__drizzle_migrations (hash, created_at) values ($1, $2)',
        [migration.hash, migration.when],
      );
    }
    // Its fluxcore_migrations row (if the release wrote one) moves with it; the migrations it
    // also held are recorded as a baseline records them: present, not run now. (Their tags are
    // new to that release, so none is taken.)
    const downOf = (m: Migration) => readDownFile(m)?.hash ?? null;
    await session.query(
      `update drizzle.fluxcore_migrations set created_at = $1, hash = $2,
         down_hash = case when down_hash = $3 then $4 else down_hash end
       where created_at = $5`,
      [
        first.when,
        first.hash,
        release.downHashes[earlier.when] ?? null,
        downOf(first),
        earlier.when,
      ],
    );
    for (const migration of rest) {
      await session.query(
        `insert into drizzle.fluxcore_migrations (tag, created_at, hash, method, down_hash)
         values ($1, $2, $3, 'baseline', $4) on conflict (tag) do nothing`,
        [migration.tag, migration.when, migration.hash, downOf(migration)],
      );
    }
    lines.push(
      `recorded ${release.name}'s journal row for ${first.tag} as ${targets.map((m) => m.tag).join(' and ')} (what it applied)`,
    );
  }
  if (found.length > 0) await retag(session, migrations);
  return lines;
}

/** Gives every fluxcore_migrations row the tag its created_at has in this folder. */
async function retag(session: SqlSession, migrations: Migration[]): Promise<void> {
  const rows = await session.query<{ tag: string; created_at: string; down_hash: string | null }>(
    'select tag, created_at, down_hash from drizzle.fluxcore_migrations',
  );
  const byWhen = new Map(migrations.map((m) => [m.when, m]));
  const moves = rows.flatMap((row) => {
    const migration = byWhen.get(Number(row.created_at));
    return migration && migration.tag !== row.tag ? [{ row, migration }] : [];
  });
  // Two passes, so a tag can move onto one another row is leaving (0040 → 0041 while 0041 → 0042).
  for (const { row } of moves) {
    await session.query('update drizzle.fluxcore_migrations set tag = $1 where tag = $2', [
      `~~${row.tag}`,
      row.tag,
    ]);
  }
  for (const { row, migration } of moves) {
    const earlierDown = earlierReleases
      .map((release) => release.downHashes[migration.when])
      .find((hash) => hash !== undefined && hash === row.down_hash);
    await session.query(
      `update drizzle.fluxcore_migrations set tag = $1,
         down_hash = case when $3::text is not null then $4 else down_hash end
       where tag = $2`,
      [migration.tag, `~~${row.tag}`, earlierDown ?? null, readDownFile(migration)?.hash ?? null],
    );
  }
}
