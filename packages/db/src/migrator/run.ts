/**
 * What db:migrate, db:baseline and db:rollback do before they change anything: take the
 * migration lock, refuse a database that is db:converge's to adopt, make sure the journal
 * tables exist, read every migration's state and refuse when the database and this folder
 * disagree about what was applied (an edited migration, rows this folder does not know).
 */
import { hostname, userInfo } from 'node:os';
import type { SqlSession } from '../connection/client.ts';
import { FluxDbError } from '../errors/flux-db-error.ts';
import type { Migration } from './journal.ts';
import { needsConverge, type Situation, situationOf } from './lineages.ts';
import { withMigrationLock } from './lock.ts';
import { ensureMigrationTables } from './records.ts';
import { migrationStatus, type StatusReport } from './status.ts';

/** `user@host`: who applied a migration, as its journal row records it. */
export function appliedBy(): string {
  let user = 'unknown';
  try {
    user = userInfo().username;
  } catch {}
  return `${user}@${hostname()}`;
}

/** Refuses to go on when the database and this folder disagree about what was applied. */
export function assertConsistent(report: StatusReport, migrations: Migration[]): void {
  const edited = report.migrations.filter((m) => m.state === 'edited');
  if (edited.length > 0) {
    const files = edited.map((m) => migrations.find((x) => x.tag === m.tag)?.path ?? m.tag);
    // git checkout restores a released (committed) file; a migration of one's own that is not
    // committed yet has nothing to restore, so the way out is to revert it and regenerate.
    const first = migrations.findIndex((m) => m.tag === edited[0]?.tag);
    const before = first > 0 ? migrations[first - 1]?.tag : undefined;
    const rollback = before ? `bun run db:rollback --to ${before}` : 'bun run db:rollback';
    throw new FluxDbError(
      'MIGRATION_EDITED',
      `applied migration${edited.length > 1 ? 's were' : ' was'} edited after applying: ${files.join(', ')}`,
      `If it is released, restore the file as it was applied (git checkout -- <file>) and put the change in a new migration. If it is your own and not yet released (git cannot restore an untracked file), revert it with the down file it was applied with (${rollback}), then regenerate it (remove its files and its meta/_journal.json entry, then bun run db:generate) and run bun run db:migrate`,
    );
  }
  if (report.unknown.length > 0) {
    throw new FluxDbError(
      'MIGRATION_UNKNOWN',
      `the database records ${report.unknown.length} migration(s) this folder does not know (created_at ${report.unknown.map((u) => u.createdAt).join(', ')})`,
      'Run this command from the code that applied them (a newer checkout)',
    );
  }
}

export interface PreambleOptions {
  /** A dry run changes nothing: it creates no table, and takes the lock only if `lockDryRun`. */
  dryRun?: boolean;
  lockTimeoutMs?: number;
  log?: (line: string) => void;
  /** Take the lock even in a dry run (a rollback's rehearsal runs the down files). */
  lockDryRun?: boolean;
  /** Create the journal tables first (unless a dry run); true unless said. */
  ensureTables?: boolean;
  /** The situations that are db:converge's to handle; this command refuses them. */
  refuse?: (situation: Situation) => boolean;
  /** Migrations whose edit this run undoes (a rollback reverts them): not refused. */
  exempt?: (report: StatusReport) => ReadonlySet<string>;
  /** Runs first under the lock, unless a dry run (see MigrateOptions.guard). */
  guard?: () => Promise<void>;
}

/** The preamble every migrator command runs, then `run` with the status it read. */
export async function withMigrationRun<T>(
  session: SqlSession,
  migrations: Migration[],
  options: PreambleOptions,
  run: (report: StatusReport) => Promise<T>,
): Promise<T> {
  const body = async () => {
    if (options.guard && !options.dryRun) await options.guard();
    if (options.refuse) {
      const situation = await situationOf(session, migrations);
      if (options.refuse(situation)) throw needsConverge(situation);
    }
    if (!options.dryRun && options.ensureTables !== false) await ensureMigrationTables(session);
    const report = await migrationStatus(session, migrations);
    const exempt = options.exempt?.(report);
    assertConsistent(
      exempt
        ? { ...report, migrations: report.migrations.filter((s) => !exempt.has(s.tag)) }
        : report,
      migrations,
    );
    return run(report);
  };
  if (options.dryRun && !options.lockDryRun) return body();
  return withMigrationLock(session, { timeoutMs: options.lockTimeoutMs, log: options.log }, body);
}
