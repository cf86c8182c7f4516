/**
 * The target: the state the last migration's snapshot describes (db:check keeps it equal to
 * the schema). It is read the same way as the live database — the migrations replayed into a
 * scratch database of the same kind, then the one catalog reader — so every definition is
 * rendered by the same server and equal things compare equal.
 */
import { type FullCatalog, readCatalog } from '../catalog/logic.ts';
import type { DatabaseConfig } from '../connection/config.ts';
import { databaseErrorOf } from '../errors/database-errors.ts';
import { FluxDbError } from '../errors/flux-db-error.ts';
import type { Migration } from '../migrator/journal.ts';
import { snapshotTables } from '../migrator/lineages.ts';
import { replayMigration, withScratchDatabase } from '../migrator/scratch.ts';

/**
 * The target catalog, and the data migrations that have nothing to do on it: their
 * present-when query names a column or table a later migration removed (0031 moves values out
 * of columns 0032 drops), so on a database converged straight to the target there is nothing
 * for them to move. Converge records them without running them.
 */
export interface TargetCatalog extends FullCatalog {
  supersededData?: ReadonlySet<string>;
}

/** Undefined column, undefined table: the query reads something the target does not have. */
const missingObject = new Set(['42703', '42P01']);

export async function readTarget(
  config: DatabaseConfig,
  migrations: Migration[],
): Promise<TargetCatalog> {
  const target = await withScratchDatabase(config, async (scratch) => {
    for (const migration of migrations) await replayMigration(scratch, migration);
    const supersededData = new Set<string>();
    for (const migration of migrations) {
      if (!migration.presentWhen) continue;
      try {
        await scratch.query(`select (${migration.presentWhen}) as present`);
      } catch (error) {
        if (!missingObject.has(databaseErrorOf(error)?.code ?? '')) throw error;
        supersededData.add(migration.tag);
      }
    }
    return { ...(await readCatalog(scratch)), supersededData };
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
