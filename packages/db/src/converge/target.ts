/**
 * The target: the state the last migration's snapshot describes (db:check keeps it equal to
 * the schema). It is read the same way as the live database — the migrations replayed into a
 * scratch database of the same kind, then the one catalog reader — so every definition is
 * rendered by the same server and equal things compare equal.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { type FullCatalog, readCatalog } from '../catalog/logic.ts';
import type { DatabaseConfig } from '../config.ts';
import { FluxDbError } from '../errors.ts';
import type { Migration } from '../migrator/journal.ts';
import { replayMigration, withScratchDatabase } from '../migrator/scratch.ts';

/** The table names of the last migration's drizzle-kit snapshot. */
export function snapshotTables(migrations: Migration[]): string[] {
  const last = migrations.at(-1);
  if (!last) return [];
  const path = join(dirname(last.path), 'meta', `${last.tag.split('_')[0]}_snapshot.json`);
  const snapshot = JSON.parse(readFileSync(path, 'utf8')) as {
    tables: Record<string, { name: string; schema?: string }>;
  };
  return Object.values(snapshot.tables)
    .filter((table) => !table.schema || table.schema === 'public')
    .map((table) => table.name)
    .sort();
}

export async function readTarget(
  config: DatabaseConfig,
  migrations: Migration[],
): Promise<FullCatalog> {
  const target = await withScratchDatabase(config, async (scratch) => {
    for (const migration of migrations) await replayMigration(scratch, migration);
    return readCatalog(scratch);
  });
  const expected = snapshotTables(migrations);
  const built = [...target.schema.tables.keys()].sort();
  if (expected.join() !== built.join()) {
    throw new FluxDbError(
      'CONVERGE_FAILED',
      `replaying the migrations does not give the tables of the last snapshot (${expected.length} in the snapshot, ${built.length} built)`,
      'Run bun run db:check to find the migration that differs from its snapshot',
    );
  }
  return target;
}
