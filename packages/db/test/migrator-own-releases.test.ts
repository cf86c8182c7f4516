/**
 * A database migrated by the release of 2026-12-06 (0036 widened in place, 0036–0038 under other
 * created_at values, the migrations after them one number lower) is this folder's 0000–0053:
 * db:status reads it so, and db:migrate records it so once, without running anything.
 * The database here is a migrated copy whose journal is written back as that release wrote it.
 */
import { describe, expect, test } from 'bun:test';
import { databaseKinds, projectMigrations, useMigratedDatabase } from '@fluxcore/db/testing';
import type { SqlSession } from '../src/connection/client.ts';
import { migrate } from '../src/migrator/apply.ts';
import { readDownFile } from '../src/migrator/down-files.ts';
import { earlierReleases } from '../src/migrator/own-releases.ts';
import { migrationStatus } from '../src/migrator/status.ts';

const release = earlierReleases[0]!;
const delta = projectMigrations.find((m) => m.tag === '0039_original_schema_tables_and_columns')!;

/** The journal as that release left it: its rows for 0036–0038, no 0039, tags one lower after. */
async function writeAsThatRelease(session: SqlSession) {
  for (const row of release.rows) {
    const first = projectMigrations.find((m) => m.tag === row.becomes[0])!;
    await session.query(
      'update drizzle.__drizzle_migrations set created_at = $1, hash = $2 where created_at = $3',
      [row.when, row.hash, first.when],
    );
    await session.query(
      `update drizzle.fluxcore_migrations set created_at = $1, hash = $2, down_hash = $3 where tag = $4`,
      [row.when, row.hash, release.downHashes[row.when] ?? readDownFile(first)?.hash, first.tag],
    );
  }
  await session.query('delete from drizzle.__drizzle_migrations where created_at = $1', [
    delta.when,
  ]);
  await session.query('delete from drizzle.fluxcore_migrations where tag = $1', [delta.tag]);
  const after = projectMigrations.slice(projectMigrations.indexOf(delta) + 1);
  for (const migration of after) {
    const earlierTag = `${String(Number(migration.tag.slice(0, 4)) - 1).padStart(4, '0')}${migration.tag.slice(4)}`;
    await session.query(
      'update drizzle.fluxcore_migrations set tag = $1, down_hash = coalesce($2, down_hash) where tag = $3',
      [earlierTag, release.downHashes[migration.when] ?? null, migration.tag],
    );
  }
}

async function journal(session: SqlSession) {
  const drizzle = await session.query<{ created_at: string; hash: string }>(
    'select created_at, hash from drizzle.__drizzle_migrations order by created_at',
  );
  const fluxcore = await session.query<{ tag: string; created_at: string; down_hash: string }>(
    'select tag, created_at, down_hash from drizzle.fluxcore_migrations order by created_at',
  );
  return { drizzle, fluxcore };
}

async function schemaFingerprint(session: SqlSession): Promise<string> {
  const rows = await session.query<{ fingerprint: string }>(
    `select md5(string_agg(table_name || '.' || column_name || ':' || data_type || ':' || is_nullable, ',' order by table_name, column_name)) as fingerprint
     from information_schema.columns where table_schema = 'public'`,
  );
  return rows[0]!.fingerprint;
}

for (const kind of databaseKinds) {
  describe(`a database of the 2026-12-06 release (${kind})`, () => {
    const migrated = useMigratedDatabase(kind);

    test('reads as fully applied, and db:migrate records it as this folder without running a migration', async () => {
      // PGlite's copy is the client's one connection; the server's is the database itself.
      const session: SqlSession =
        kind === 'embedded'
          ? {
              kind: 'embedded',
              query: (text, params) => migrated.client.query(text, params),
              exec: (text) => migrated.client.exec(text),
              close: async () => {},
            }
          : await migrated.database.session();
      try {
        const expected = await journal(session);
        const schemaBefore = await schemaFingerprint(session);
        await writeAsThatRelease(session);

        const status = await migrationStatus(session, projectMigrations);
        expect(status.problems).toBe(false);
        expect(status.migrations.every((m) => m.state === 'applied')).toBe(true);

        const lines: string[] = [];
        const result = await migrate(session, projectMigrations, { log: (l) => lines.push(l) });
        expect(result.applied).toEqual([]);
        expect(lines.filter((l) => l.startsWith('recorded '))).toEqual([
          `recorded ${release.name}'s journal row for 0036_never_narrower_than_the_original as 0036_never_narrower_than_the_original and 0039_original_schema_tables_and_columns (what it applied)`,
          `recorded ${release.name}'s journal row for 0037_may_signals as 0037_may_signals (what it applied)`,
          `recorded ${release.name}'s journal row for 0038_restore_operator_ai_session_policies as 0038_restore_operator_ai_session_policies (what it applied)`,
        ]);

        const after = await journal(session);
        expect(after.drizzle).toEqual(expected.drizzle);
        expect(after.fluxcore.map((r) => [r.tag, r.created_at, r.down_hash])).toEqual(
          expected.fluxcore.map((r) => [r.tag, r.created_at, r.down_hash]),
        );
        expect(await schemaFingerprint(session)).toBe(schemaBefore);

        // Once recorded, a second run has nothing to rewrite.
        const again: string[] = [];
        await migrate(session, projectMigrations, { log: (l) => again.push(l) });
        expect(again.filter((l) => l.startsWith('recorded '))).toEqual([]);
      } finally {
        await session.close();
      }
    }, 120_000);
  });
}
