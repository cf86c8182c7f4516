/**
 * The target: the state the last migration's snapshot describes (db:check keeps it equal to
 * the schema). It is read the same way as the live database — the migrations replayed into a
 * scratch database of the same kind, then the one catalog reader — so every definition is
 * rendered by the same server and equal things compare equal.
 */
import { type FullCatalog, readCatalog } from '../catalog/logic.ts';
import type { DatabaseConfig } from '../config.ts';
import { FluxDbError } from '../errors.ts';
import type { Migration } from '../migrator/journal.ts';
import { snapshotTables } from '../migrator/lineages.ts';
import { replayMigration, withScratchDatabase } from '../migrator/scratch.ts';

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
