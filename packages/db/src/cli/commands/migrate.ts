/**
 * `db:migrate`: applies the pending migrations, each in one transaction, under the lock; with
 * --online, step by step (online/), resumable; with --abort, undoes the online run in progress.
 */
import { openSqlSession } from '../../connection/client.ts';
import type { DatabaseConfig } from '../../connection/config.ts';
import { migrate } from '../../migrator/apply.ts';
import { loadMigrations } from '../../migrator/journal.ts';
import { type OnlineFlags, runAbort, settingsOf } from '../../online/flags.ts';
import { migrateOnline } from '../../online/migrate.ts';
import { refuseDuringOnlineRun } from '../../online/records.ts';
import { UsageError } from '../../program/arguments.ts';
import { consoleIo, type Io, migrationsDir } from '../context.ts';

export interface MigrateFlags extends OnlineFlags {
  to?: string;
  dryRun?: boolean;
  /** Milliseconds (the flag takes seconds). */
  lockTimeout: number;
}

type Session = Awaited<ReturnType<typeof openSqlSession>>;

async function runOnline(flags: MigrateFlags, session: Session, io: Io) {
  const migrations = loadMigrations(migrationsDir());
  const log = (line: string) => io.log(line);
  if (flags.abort)
    return runAbort(session, migrations, { flags, lockTimeoutMs: flags.lockTimeout, log });
  const options = {
    to: flags.to,
    lockTimeoutMs: flags.lockTimeout,
    settings: settingsOf(flags),
    log,
  };
  const result = await migrateOnline(session, migrations, options);
  if (result.applied.length === 0 && result.run === undefined)
    io.log('nothing to apply: the database is up to date');
  else
    io.log(
      `${result.applied.length} migration(s) applied online${result.resumed ? ' (run resumed)' : ''} in run #${result.run}`,
    );
  return 0;
}

export async function run(flags: MigrateFlags, config: DatabaseConfig, io: Io = consoleIo) {
  if (flags.online && flags.dryRun)
    throw new UsageError(
      '--online and --dry-run do not go together',
      'Run --dry-run alone to see the SQL',
    );
  const session = await openSqlSession(config);
  try {
    if (flags.online || flags.abort) return await runOnline(flags, session, io);
    const migrations = loadMigrations(migrationsDir());
    const result = await migrate(session, migrations, {
      guard: () => refuseDuringOnlineRun(session, 'db:migrate'),
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
