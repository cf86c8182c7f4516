/**
 * `db:migrate`: applies pending migrations in journal order, each in its own transaction
 * together with its journal row, under the migration lock, after verifying every applied
 * migration's checksum.
 */
import { hostname, userInfo } from 'node:os';
import type { SqlSession } from '../client.ts';
import { FluxDbError } from '../errors.ts';
import { findMigration, type Migration } from './journal.ts';
import { needsConverge, situationOf } from './lineages.ts';
import { acquireMigrationLock, releaseMigrationLock } from './lock.ts';
import { ensureMigrationTables, recordApplied } from './records.ts';
import { migrationStatus, type StatusReport } from './status.ts';

export interface MigrateOptions {
  /** Stop after this migration (tag or number). */
  to?: string;
  /** Print the SQL that would run; change nothing. */
  dryRun?: boolean;
  lockTimeoutMs?: number;
  log?: (line: string) => void;
}

export interface MigrateResult {
  applied: { tag: string; durationMs: number }[];
  /** With dryRun: the migrations that would run. */
  planned: Migration[];
}

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

/** The extension a "CREATE EXTENSION" failed for, when the server lacks its files. */
export function missingExtension(message: string): string | undefined {
  const match =
    /extension "([^"]+)" is not available/.exec(message) ??
    /extension control file "[^"]*\/([^/"]+)\.control"/.exec(message);
  return match?.[1];
}

function describeStatement(statement: string): string {
  const line = statement
    .split('\n')
    .map((l) => l.trim())
    .find((l) => l.length > 0 && !l.startsWith('--'));
  const text = line ?? statement.trim();
  return text.length > 120 ? `${text.slice(0, 117)}...` : text;
}

/** Runs one migration's statements; inside a transaction unless the file says otherwise. */
async function applyOne(session: SqlSession, migration: Migration, by: string): Promise<number> {
  const started = performance.now();
  const run = async (statement: string, index: number) => {
    try {
      await session.exec(statement);
    } catch (error) {
      const reason = (error as Error).message.split('\n')[0] ?? '';
      const missing = missingExtension(reason);
      if (missing) {
        throw new FluxDbError(
          'EXTENSION_MISSING',
          `migration ${migration.tag} needs the PostgreSQL extension "${missing}", which this server does not have`,
          missing === 'vector'
            ? "Install pgvector >= 0.5 on the server (Debian/Ubuntu: apt-get install postgresql-<version>-pgvector; on this project's machines: scripts/install-pgvector.sh) and run db:migrate again"
            : `Install the "${missing}" extension on the server and run db:migrate again`,
        );
      }
      throw new FluxDbError(
        'MIGRATION_FAILED',
        `migration ${migration.tag} failed at statement ${index + 1} of ${migration.statements.length} (${describeStatement(statement)}): ${reason}`,
        migration.transactional
          ? 'Nothing of this migration was applied; fix it (or the database) and run db:migrate again'
          : 'This migration runs outside a transaction: check what it left behind with db:audit before running it again',
      );
    }
  };
  if (migration.transactional) {
    await session.exec('begin');
    try {
      for (const [index, statement] of migration.statements.entries()) await run(statement, index);
      await recordApplied(session, migration, 'migrate', performance.now() - started, by);
      await session.exec('commit');
    } catch (error) {
      await session.exec('rollback').catch(() => {});
      throw error;
    }
  } else {
    for (const [index, statement] of migration.statements.entries()) await run(statement, index);
    await assertIndexesValid(session, migration);
    await session.exec('begin');
    await recordApplied(session, migration, 'migrate', performance.now() - started, by);
    await session.exec('commit');
  }
  return performance.now() - started;
}

/** A failed CREATE INDEX CONCURRENTLY leaves an invalid index behind: refuse to record it. */
async function assertIndexesValid(session: SqlSession, migration: Migration): Promise<void> {
  const invalid = await session.query<{ name: string }>(
    `select c.relname as name from pg_index i join pg_class c on c.oid = i.indexrelid
     join pg_namespace n on n.oid = c.relnamespace
     where not i.indisvalid and n.nspname = 'public'`,
  );
  if (invalid.length > 0) {
    throw new FluxDbError(
      'INDEX_INVALID',
      `after ${migration.tag}, index ${invalid.map((r) => r.name).join(', ')} is invalid`,
      'Drop the invalid index and run db:migrate again',
    );
  }
}

/**
 * A database built by an earlier history (the original FluxCore's journal) or by other means
 * (tables of the schema, no journal rows) is not one to run migrations on: "relation already
 * exists" would be the answer. Name the situation and point to db:converge instead.
 */
async function refuseOtherHistories(session: SqlSession, migrations: Migration[]): Promise<void> {
  const situation = await situationOf(session, migrations);
  if (situation.kind !== 'own') throw needsConverge(situation);
}

export async function migrate(
  session: SqlSession,
  migrations: Migration[],
  options: MigrateOptions = {},
): Promise<MigrateResult> {
  const log = options.log ?? (() => {});
  const last = options.to ? findMigration(migrations, options.to) : undefined;
  const inScope = last ? migrations.slice(0, migrations.indexOf(last) + 1) : migrations;

  if (options.dryRun) {
    await refuseOtherHistories(session, migrations);
    const report = await migrationStatus(session, migrations);
    assertConsistent(report, migrations);
    const planned = inScope.filter((m) =>
      report.migrations.some(
        (s) => s.tag === m.tag && (s.state === 'pending' || s.state === 'skipped'),
      ),
    );
    for (const migration of planned) {
      log(`-- ${migration.tag}${migration.transactional ? '' : ' (outside a transaction)'}`);
      for (const statement of migration.statements) log(`${statement};`);
    }
    return { applied: [], planned };
  }

  await acquireMigrationLock(session, {
    timeoutMs: options.lockTimeoutMs ?? 60_000,
    onWait: (holder) => log(`waiting for the migration lock (held by ${holder})`),
  });
  try {
    await refuseOtherHistories(session, migrations);
    await ensureMigrationTables(session);
    const report = await migrationStatus(session, migrations);
    assertConsistent(report, migrations);
    const done = new Set(report.migrations.filter((s) => s.state === 'applied').map((s) => s.tag));
    const by = appliedBy();
    const applied: MigrateResult['applied'] = [];
    for (const migration of inScope) {
      if (done.has(migration.tag)) continue;
      const durationMs = await applyOne(session, migration, by);
      applied.push({ tag: migration.tag, durationMs });
      log(`applied ${migration.tag} (${Math.round(durationMs)} ms)`);
    }
    return { applied, planned: [] };
  } finally {
    await releaseMigrationLock(session).catch(() => {});
  }
}
