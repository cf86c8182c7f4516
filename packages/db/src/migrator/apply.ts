/**
 * `db:migrate`: applies pending migrations in journal order, each in its own transaction
 * together with its journal row, under the migration lock, after verifying every applied
 * migration's checksum.
 */
import type { SqlSession } from '../connection/client.ts';
import { pgvectorMinimum } from '../connection/requirements.ts';
import { FluxDbError } from '../errors/flux-db-error.ts';
import { findMigration, firstCodeLine, type Migration } from './journal.ts';
import type { Situation } from './lineages.ts';
import { recordApplied } from './records.ts';
import { appliedBy, withMigrationRun } from './run.ts';
import type { StatusReport } from './status.ts';
import { withTransaction } from './transaction.ts';

export interface MigrateOptions {
  /** Stop after this migration (tag or number). */
  to?: string;
  /** Print the SQL that would run; change nothing. */
  dryRun?: boolean;
  lockTimeoutMs?: number;
  log?: (line: string) => void;
  /**
   * Runs first once the migration lock is held (not in a dry run): a refusal there changes
   * nothing (the CLI refuses while an online run is open, online/records.ts).
   */
  guard?: () => Promise<void>;
}

export interface MigrateResult {
  applied: { tag: string; durationMs: number }[];
  /** With dryRun: the migrations that would run. */
  planned: Migration[];
  /** With `to`: the tag it names (the last migration this run goes to). */
  target?: string;
  /** Migrations after `to` that are still pending once this run is done. */
  pendingAfter: string[];
}

/** The extension a "CREATE EXTENSION" failed for, when the server lacks its files. */
export function missingExtension(message: string): string | undefined {
  const match =
    /extension "([^"]+)" is not available/.exec(message) ??
    /extension control file "[^"]*\/([^/"]+)\.control"/.exec(message);
  return match?.[1];
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
            ? `Install pgvector >= ${pgvectorMinimum} on the server (Debian/Ubuntu: apt-get install postgresql-<version>-pgvector; on this project's machines: scripts/install-pgvector.sh) and run db:migrate again`
            : `Install the "${missing}" extension on the server and run db:migrate again`,
        );
      }
      throw new FluxDbError(
        'MIGRATION_FAILED',
        `migration ${migration.tag} failed at statement ${index + 1} of ${migration.statements.length} (${firstCodeLine(statement)}): ${reason}`,
        migration.transactional
          ? 'Nothing of this migration was applied; fix it (or the database) and run db:migrate again'
          : 'This migration runs outside a transaction: check what it left behind with db:audit before running it again',
      );
    }
  };
  const runAll = async () => {
    for (const [index, statement] of migration.statements.entries()) await run(statement, index);
  };
  const record = () =>
    recordApplied(session, migration, 'migrate', performance.now() - started, by);
  if (migration.transactional) {
    await withTransaction(session, async () => {
      await runAll();
      await record();
    });
  } else {
    await runAll();
    await assertIndexesValid(session, migration);
    await withTransaction(session, record);
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
 * exists" would be the answer. The preamble names the situation and points to db:converge.
 */
export async function migrate(
  session: SqlSession,
  migrations: Migration[],
  options: MigrateOptions = {},
): Promise<MigrateResult> {
  const log = options.log ?? (() => {});
  const last = options.to ? findMigration(migrations, options.to) : undefined;
  const inScope = last ? migrations.slice(0, migrations.indexOf(last) + 1) : migrations;

  // Past `to`, nothing this run does changes a migration's state: what is not applied stays so.
  const pendingAfter = (report: StatusReport) =>
    report.migrations
      .slice(inScope.length)
      .filter((s) => s.state !== 'applied')
      .map((s) => s.tag);
  const refuse = (situation: Situation) => situation.kind !== 'own';
  return withMigrationRun(session, migrations, { ...options, log, refuse }, async (report) => {
    if (options.dryRun) {
      const planned = inScope.filter((m) =>
        report.migrations.some(
          (s) => s.tag === m.tag && (s.state === 'pending' || s.state === 'skipped'),
        ),
      );
      for (const migration of planned) {
        log(`-- ${migration.tag}${migration.transactional ? '' : ' (outside a transaction)'}`);
        for (const statement of migration.statements) log(`${statement};`);
      }
      return { applied: [], planned, target: last?.tag, pendingAfter: pendingAfter(report) };
    }
    const done = new Set(report.migrations.filter((s) => s.state === 'applied').map((s) => s.tag));
    const by = appliedBy();
    const applied: MigrateResult['applied'] = [];
    for (const migration of inScope) {
      if (done.has(migration.tag)) continue;
      const durationMs = await applyOne(session, migration, by);
      applied.push({ tag: migration.tag, durationMs });
      log(`applied ${migration.tag} (${Math.round(durationMs)} ms)`);
    }
    return { applied, planned: [], target: last?.tag, pendingAfter: pendingAfter(report) };
  });
}
