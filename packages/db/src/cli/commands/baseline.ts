/** `db:baseline`: records the migrations a database already has (applied by hand), checked. */
import { openSqlSession } from '../../connection/client.ts';
import { type DatabaseConfig, describeTarget } from '../../connection/config.ts';
import { baseline } from '../../migrator/baseline.ts';
import { loadMigrations } from '../../migrator/journal.ts';
import { convergeHint } from '../../migrator/lineages.ts';
import { consoleIo, type Io, migrationsDir } from '../context.ts';

export interface BaselineFlags {
  dryRun?: boolean;
  /** Milliseconds (the flag takes seconds). */
  lockTimeout: number;
}

export async function run(flags: BaselineFlags, config: DatabaseConfig, io: Io = consoleIo) {
  const migrations = loadMigrations(migrationsDir());
  const session = await openSqlSession(config);
  try {
    io.log(
      `adopting ${describeTarget(config)}${flags.dryRun ? ' (dry run: nothing is recorded)' : ''}`,
    );
    const result = await baseline(session, config, migrations, {
      dryRun: flags.dryRun,
      lockTimeoutMs: flags.lockTimeout,
      log: (line) => io.log(`  ${line}`),
    });
    if (result.alreadyRecorded > 0)
      io.log(`  ${result.alreadyRecorded} migration(s) were already recorded`);
    const recorded = result.steps.filter((step) => step.outcome === 'recorded').length;
    const stop = result.steps.find((step) => step.outcome !== 'recorded');
    if (stop?.outcome === 'pending') {
      io.log(`  stopped at ${stop.tag}: none of its changes is present (db:migrate will apply it)`);
    }
    if (stop?.outcome === 'drift') {
      io.log(`  stopped at ${stop.tag}: the database differs from what it makes`);
      for (const d of stop.differences)
        io.log(`    ${d.element}: expected ${d.expected}; found ${d.found}`);
    }
    io.log(
      `${recorded} migration(s) ${flags.dryRun ? 'would be ' : ''}recorded${stop ? `, stopped at ${stop.tag}` : ''}`,
    );
    if (result.drift && result.alreadyRecorded === 0 && recorded === 0) {
      // Not even the first migration's changes are there as it makes them: the tables were
      // made by other code (another history), not by these files applied by hand.
      io.error(
        `error: this database has tables of the schema, but not as ${stop?.tag} makes them: it was built by other means (another history, scripts), not by these migrations applied by hand. ${convergeHint}`,
      );
      return 1;
    }
    if (result.drift) {
      io.error(
        `error: ${stop?.tag} was applied differently by hand. Bring the database in line (see the differences above) and run db:baseline again`,
      );
      return 1;
    }
    return 0;
  } finally {
    await session.close();
  }
}
