/** `db:rollback`: reverts the newest migration (or down to --to) with its checked down file. */
import { openSqlSession } from '../../connection/client.ts';
import { type DatabaseConfig, describeTarget } from '../../connection/config.ts';
import { loadMigrations } from '../../migrator/journal.ts';
import { rollback } from '../../migrator/rollback.ts';
import { refuseDuringOnlineRun } from '../../online/records.ts';
import { consoleIo, type Io, migrationsDir } from '../context.ts';

export interface RollbackFlags {
  to?: string;
  yes?: boolean;
  dryRun?: boolean;
  /** Milliseconds (the flag takes seconds). */
  lockTimeout: number;
}

export async function run(flags: RollbackFlags, config: DatabaseConfig, io: Io = consoleIo) {
  const migrations = loadMigrations(migrationsDir());
  const session = await openSqlSession(config);
  try {
    io.log(
      `rolling back ${describeTarget(config)}${flags.dryRun ? ' (dry run: nothing changes)' : ''}`,
    );
    const result = await rollback(session, migrations, {
      guard: () => refuseDuringOnlineRun(session, 'db:rollback'),
      to: flags.to,
      yes: flags.yes,
      dryRun: flags.dryRun,
      lockTimeoutMs: flags.lockTimeout,
      log: (line) => io.log(line),
    });
    const scope = flags.to ? `after ${flags.to}` : '';
    if (result.planned.length === 0) {
      io.log(`nothing to roll back: no migration ${scope ? `${scope} ` : ''}is applied`);
    } else if (flags.dryRun) {
      io.log(`${result.planned.length} migration(s) would be reverted (dry run: nothing changed)`);
    } else {
      const total = result.reverted.reduce((sum, step) => sum + step.durationMs, 0);
      io.log(`${result.reverted.length} migration(s) reverted in ${Math.round(total)} ms`);
    }
    return 0;
  } finally {
    await session.close();
  }
}
