/** `db:migrate`: applies the pending migrations, each in one transaction, under the lock. */
import { openSqlSession } from '../../connection/client.ts';
import type { DatabaseConfig } from '../../connection/config.ts';
import { migrate } from '../../migrator/apply.ts';
import { loadMigrations } from '../../migrator/journal.ts';
import { consoleIo, type Io, migrationsDir } from '../context.ts';

export interface MigrateFlags {
  to?: string;
  dryRun?: boolean;
  /** Milliseconds (the flag takes seconds). */
  lockTimeout: number;
}

export async function run(flags: MigrateFlags, config: DatabaseConfig, io: Io = consoleIo) {
  const migrations = loadMigrations(migrationsDir());
  const session = await openSqlSession(config);
  try {
    const result = await migrate(session, migrations, {
      to: flags.to,
      dryRun: flags.dryRun,
      lockTimeoutMs: flags.lockTimeout,
      log: (line) => io.log(line),
    });
    if (flags.dryRun) {
      io.log(`${result.planned.length} migration(s) would be applied (dry run: nothing changed)`);
    } else if (result.applied.length === 0 && result.pendingAfter.length > 0) {
      io.log(
        `nothing to apply: the database is already at or past ${result.target}; ${result.pendingAfter.length} later migration(s) pending (bun run db:migrate applies them)`,
      );
    } else if (result.applied.length === 0) {
      io.log('nothing to apply: the database is up to date');
    } else {
      const total = result.applied.reduce((sum, step) => sum + step.durationMs, 0);
      io.log(`${result.applied.length} migration(s) applied in ${Math.round(total)} ms`);
    }
    return 0;
  } finally {
    await session.close();
  }
}
