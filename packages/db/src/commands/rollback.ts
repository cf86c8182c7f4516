import { openSqlSession } from '../client.ts';
import { describeTarget, loadDatabaseConfig, migrationsFolder } from '../config.ts';
import { loadMigrations } from '../migrator/journal.ts';
import { rollback } from '../migrator/rollback.ts';
import { parseDuration, parseFlags, runCommand } from './run.ts';

await runCommand(async () => {
  const flags = parseFlags({
    to: { type: 'string' },
    yes: { type: 'boolean' },
    'dry-run': { type: 'boolean' },
    'lock-timeout': { type: 'string' },
  });
  const config = loadDatabaseConfig(process.env, { applicationName: 'fluxcore-rollback' });
  const migrations = loadMigrations(process.env.FLUXCORE_MIGRATIONS_DIR ?? migrationsFolder);
  const session = await openSqlSession(config);
  try {
    console.log(
      `rolling back ${describeTarget(config)}${flags['dry-run'] ? ' (dry run: nothing changes)' : ''}`,
    );
    const result = await rollback(session, migrations, {
      to: flags.to,
      yes: flags.yes,
      dryRun: flags['dry-run'],
      lockTimeoutMs: parseDuration(flags['lock-timeout'], '--lock-timeout', 60_000),
      log: (line) => console.log(line),
    });
    const scope = flags.to ? `after ${flags.to}` : '';
    if (result.planned.length === 0) {
      console.log(`nothing to roll back: no migration ${scope ? `${scope} ` : ''}is applied`);
    } else if (flags['dry-run']) {
      console.log(
        `${result.planned.length} migration(s) would be reverted (dry run: nothing changed)`,
      );
    } else {
      const total = result.reverted.reduce((sum, step) => sum + step.durationMs, 0);
      console.log(`${result.reverted.length} migration(s) reverted in ${Math.round(total)} ms`);
    }
    return 0;
  } finally {
    await session.close();
  }
});
