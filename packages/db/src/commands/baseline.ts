import { openSqlSession } from '../client.ts';
import { describeTarget, loadDatabaseConfig, migrationsFolder } from '../config.ts';
import { baseline } from '../migrator/baseline.ts';
import { loadMigrations } from '../migrator/journal.ts';
import { convergeHint } from '../migrator/lineages.ts';
import { parseDuration, parseFlags, runCommand } from './run.ts';

await runCommand(async () => {
  const flags = parseFlags({ 'dry-run': { type: 'boolean' }, 'lock-timeout': { type: 'string' } });
  const config = loadDatabaseConfig(process.env, { applicationName: 'fluxcore-baseline' });
  const migrations = loadMigrations(process.env.FLUXCORE_MIGRATIONS_DIR ?? migrationsFolder);
  const session = await openSqlSession(config);
  try {
    console.log(
      `adopting ${describeTarget(config)}${flags['dry-run'] ? ' (dry run: nothing is recorded)' : ''}`,
    );
    const result = await baseline(session, config, migrations, {
      dryRun: flags['dry-run'],
      lockTimeoutMs: parseDuration(flags['lock-timeout'], '--lock-timeout', 60_000),
      log: (line) => console.log(`  ${line}`),
    });
    if (result.alreadyRecorded > 0)
      console.log(`  ${result.alreadyRecorded} migration(s) were already recorded`);
    const recorded = result.steps.filter((step) => step.outcome === 'recorded').length;
    const stop = result.steps.find((step) => step.outcome !== 'recorded');
    if (stop?.outcome === 'pending') {
      console.log(
        `  stopped at ${stop.tag}: none of its changes is present (db:migrate will apply it)`,
      );
    }
    if (stop?.outcome === 'drift') {
      console.log(`  stopped at ${stop.tag}: the database differs from what it makes`);
      for (const d of stop.differences)
        console.log(`    ${d.element}: expected ${d.expected}; found ${d.found}`);
    }
    console.log(
      `${recorded} migration(s) ${flags['dry-run'] ? 'would be ' : ''}recorded${stop ? `, stopped at ${stop.tag}` : ''}`,
    );
    if (result.drift && result.alreadyRecorded === 0 && recorded === 0) {
      // Not even the first migration's changes are there as it makes them: the tables were
      // made by other code (another history), not by these files applied by hand.
      console.error(
        `error: this database has tables of the schema, but not as ${stop?.tag} makes them: it was built by other means (another history, scripts), not by these migrations applied by hand. ${convergeHint}`,
      );
      return 1;
    }
    if (result.drift) {
      console.error(
        `error: ${stop?.tag} was applied differently by hand. Bring the database in line (see the differences above) and run db:baseline again`,
      );
      return 1;
    }
    return 0;
  } finally {
    await session.close();
  }
});
