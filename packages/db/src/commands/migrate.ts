import { openSqlSession } from '../client.ts';
import { loadDatabaseConfig, migrationsFolder } from '../config.ts';
import { migrate } from '../migrator/apply.ts';
import { loadMigrations } from '../migrator/journal.ts';
import { parseDuration, parseFlags, runCommand } from './run.ts';

await runCommand(async () => {
  const flags = parseFlags({
    to: { type: 'string' },
    'dry-run': { type: 'boolean' },
    'lock-timeout': { type: 'string' },
  });
  const migrations = loadMigrations(process.env.FLUXCORE_MIGRATIONS_DIR ?? migrationsFolder);
  const session = await openSqlSession(
    loadDatabaseConfig(process.env, { applicationName: 'fluxcore-migrate' }),
  );
  try {
    const result = await migrate(session, migrations, {
      to: flags.to,
      dryRun: flags['dry-run'],
      lockTimeoutMs: parseDuration(flags['lock-timeout'], '--lock-timeout', 60_000),
      log: (line) => console.log(line),
    });
    if (flags['dry-run']) {
      console.log(
        `${result.planned.length} migration(s) would be applied (dry run: nothing changed)`,
      );
    } else if (result.applied.length === 0) {
      console.log('nothing to apply: the database is up to date');
    } else {
      const total = result.applied.reduce((sum, step) => sum + step.durationMs, 0);
      console.log(`${result.applied.length} migration(s) applied in ${Math.round(total)} ms`);
    }
    return 0;
  } finally {
    await session.close();
  }
});
