/**
 * `db:rollback`: reverts applied migrations newest first through their down files, under the
 * migration lock, one transaction per migration that runs the down file and removes the
 * migration's journal rows. Before changing anything it refuses a down file edited since its
 * migration was applied, rehearses every step in a transaction it rolls back (counting the
 * rows each destructive statement would drop), and refuses to drop rows unless told --yes.
 */
import type { SqlSession } from '../connection/client.ts';
import { FluxDbError } from '../errors/flux-db-error.ts';
import { type DataAtRisk, type DownFile, describeLoss, readDownFile } from './down-files.ts';
import { findMigration, firstCodeLine, type Migration } from './journal.ts';
import { readRecordedDownHashes, recordReverted } from './records.ts';
import { withMigrationRun } from './run.ts';
import type { StatusReport } from './status.ts';
import { withTransaction } from './transaction.ts';

export interface RollbackOptions {
  /** Revert every applied migration after this one (tag or number); it stays applied. */
  to?: string;
  /** Accept losing the rows that destructive steps drop. */
  yes?: boolean;
  /** Print the SQL and the rows at risk; change nothing. */
  dryRun?: boolean;
  lockTimeoutMs?: number;
  log?: (line: string) => void;
  /**
   * Runs first once the migration lock is held (not in a dry run): a refusal there changes
   * nothing (the CLI refuses while an online run is open, online/records.ts).
   */
  guard?: () => Promise<void>;
}

export interface RollbackStep {
  migration: Migration;
  down: DownFile;
  /** Rows (table) or non-null values (column) each destructive statement would drop. */
  atRisk: { target: DataAtRisk; rows: number }[];
}

export interface RollbackResult {
  reverted: { tag: string; durationMs: number }[];
  /** The steps in the order they run (newest first); with dryRun, the ones that would. */
  planned: RollbackStep[];
}

function quoteName(qualified: string): string {
  return qualified
    .split('.')
    .map((part) => `"${part.replaceAll('"', '""')}"`)
    .join('.');
}

/** How many rows (or non-null values) each target holds; a missing table holds none. */
async function countAtRisk(
  session: SqlSession,
  targets: DataAtRisk[],
): Promise<RollbackStep['atRisk']> {
  const counted: RollbackStep['atRisk'] = [];
  for (const target of targets) {
    const [exists] = await session.query<{ present: boolean }>(
      'select to_regclass($1) is not null as present',
      [quoteName(target.table)],
    );
    if (!exists?.present) {
      counted.push({ target, rows: 0 });
      continue;
    }
    const counting = target.kind === 'column' ? quoteName(target.column) : '*';
    const [row] = await session.query<{ rows: string | number }>(
      `select count(${counting}) as rows from ${quoteName(target.table)}`,
    );
    counted.push({ target, rows: Number(row?.rows ?? 0) });
  }
  return counted;
}

/** The applied migrations to revert, oldest first: after `to`, or the last one. */
function toRevert(report: StatusReport, migrations: Migration[], to: string | undefined) {
  const keep = to ? findMigration(migrations, to) : undefined;
  const stateOf = (tag: string) => report.migrations.find((s) => s.tag === tag)?.state;
  // An edited migration is still applied: the database has what its file held then.
  const applied = migrations.filter((m) => ['applied', 'edited'].includes(stateOf(m.tag) ?? ''));
  return keep ? applied.filter((migration) => migration.idx > keep.idx) : applied.slice(-1);
}

/** The steps to run, newest first, each down file checked against its recorded checksum. */
async function planRollback(
  session: SqlSession,
  migrations: Migration[],
  report: StatusReport,
  options: RollbackOptions,
  log: (line: string) => void,
): Promise<RollbackStep[]> {
  const stateOf = (tag: string) => report.migrations.find((s) => s.tag === tag)?.state;
  const revert = toRevert(report, migrations, options.to);
  const recorded = await readRecordedDownHashes(session);
  const steps: RollbackStep[] = [];
  for (const migration of revert.reverse()) {
    const down = readDownFile(migration);
    if (!down) {
      throw new FluxDbError(
        'DOWN_MISSING',
        `${migration.tag} has no down file (${migration.downPath}), so it cannot be rolled back`,
        'Run bun run db:generate: it writes that file from the snapshots, or says why it must be written by hand (a data migration, a rename). Or restore a backup',
      );
    }
    const hash = recorded.get(migration.tag);
    if (hash && hash !== down.hash) {
      throw new FluxDbError(
        'DOWN_EDITED',
        `${down.path} was edited after ${migration.tag} was applied (its checksum differs from the one recorded then)`,
        `Restore the version it had then (git log -- ${down.path} finds it) and run db:rollback again`,
      );
    }
    if (!hash) {
      // A row without a checksum: db:migrate applied the migration while its down file did not
      // exist yet (or before it recorded down checksums). No row: other code applied it.
      const why = recorded.has(migration.tag)
        ? `${migration.tag} was applied while this down file did not exist yet`
        : `${migration.tag} was applied by other code than db:migrate, such as drizzle-kit migrate`;
      log(`note: no checksum was recorded for ${down.path} (${why}): it runs unverified`);
    }
    if (stateOf(migration.tag) === 'edited') {
      log(
        `note: ${migration.path} was edited after it was applied; ${down.path} reverts what was applied`,
      );
    }
    steps.push({ migration, down, atRisk: [] });
  }
  await rehearse(session, steps);
  return steps;
}

/** Runs a step's down file inside the caller's transaction. */
async function runDownFile(session: SqlSession, step: RollbackStep, rehearsal: boolean) {
  const { migration, down } = step;
  for (const [index, statement] of down.statements.entries()) {
    await session.exec(statement).catch((error: Error) => {
      throw new FluxDbError(
        'ROLLBACK_FAILED',
        `rolling back ${migration.tag} ${rehearsal ? 'would fail' : 'failed'} at statement ${index + 1} of ${down.statements.length} of ${down.path} (${firstCodeLine(statement)}): ${error.message.split('\n')[0]}`,
        rehearsal
          ? 'Nothing was changed; fix the down file or the database, then run db:rollback again'
          : `Nothing of this step was reverted and ${migration.tag} stays applied; fix the database or the down file, then run db:rollback again`,
      );
    });
  }
}

/**
 * Runs every step in one transaction that is always rolled back, counting each step's rows at
 * risk just before it runs. So the counts are the ones the real run meets (a later step's
 * down may already have emptied a table, as the credits seed's does), and a broken down file
 * fails here, before anything is changed.
 */
async function rehearse(session: SqlSession, steps: RollbackStep[]): Promise<void> {
  if (steps.length === 0) return;
  await withTransaction(
    session,
    async () => {
      for (const step of steps) {
        step.atRisk = await countAtRisk(session, step.down.atRisk);
        const seeded = seededTables(step);
        const before = await readRows(session, seeded);
        await runDownFile(session, step, true);
        step.atRisk.push(...(await changedSeedRows(session, step, seeded, before)));
      }
    },
    { keep: () => false },
  );
}

/**
 * The tables a data migration fills and its down empties again: its up has
 * `INSERT INTO "t" (columns)` and its down `DELETE FROM "t"`. Only the inserted columns are
 * compared (ids and timestamps are the database's own).
 */
function seededTables(step: RollbackStep): { table: string; columns: string[] }[] {
  const deletes = new Set(
    [...step.down.sql.matchAll(/delete\s+from\s+"?([\w.]+)"?/gi)].map((m) => m[1] ?? ''),
  );
  const found: { table: string; columns: string[] }[] = [];
  for (const match of step.migration.sql.matchAll(/insert\s+into\s+"?([\w.]+)"?\s*\(([^)]*)\)/gi)) {
    const table = match[1] ?? '';
    if (!deletes.has(table) || found.some((f) => f.table === table)) continue;
    const columns = (match[2] ?? '').split(',').map((c) => c.trim().replace(/^"|"$/g, ''));
    found.push({ table, columns });
  }
  return found;
}

/** Each table's rows, as JSON text of the compared columns. */
async function readRows(
  session: SqlSession,
  tables: { table: string; columns: string[] }[],
): Promise<Map<string, string[]>> {
  const rows = new Map<string, string[]>();
  for (const { table, columns } of tables) {
    const list = columns.map(quoteName).join(', ');
    const found = await session.query<{ row: string }>(
      `select row_to_json(r)::text as row from (select ${list} from ${quoteName(table)}) r`,
    );
    rows.set(
      table,
      found.map((r) => r.row),
    );
  }
  return rows;
}

/** `from` minus `minus`, as multisets. */
function without(from: string[], minus: string[]): string[] {
  const left = [...minus];
  return from.filter((row) => {
    const at = left.indexOf(row);
    if (at < 0) return true;
    left.splice(at, 1);
    return false;
  });
}

/**
 * The rows the down deleted that the up would not insert again as they are: an operator
 * changed them (a policy's cost, say), so deleting them loses that change. Runs the up in a
 * savepoint after the down to see what it inserts, then undoes it.
 */
async function changedSeedRows(
  session: SqlSession,
  step: RollbackStep,
  seeded: { table: string; columns: string[] }[],
  before: Map<string, string[]>,
): Promise<RollbackStep['atRisk']> {
  if (seeded.length === 0) return [];
  const afterDown = await readRows(session, seeded);
  await session.exec('savepoint fluxcore_reseed');
  let afterUp: Map<string, string[]>;
  try {
    for (const statement of step.migration.statements) await session.exec(statement);
    afterUp = await readRows(session, seeded);
  } finally {
    await session.exec('rollback to savepoint fluxcore_reseed');
  }
  return seeded.flatMap(({ table }) => {
    const deleted = without(before.get(table) ?? [], afterDown.get(table) ?? []);
    const reinserted = without(afterUp.get(table) ?? [], afterDown.get(table) ?? []);
    const changed = without(deleted, reinserted).length;
    return changed > 0 ? [{ target: { kind: 'changed-rows' as const, table }, rows: changed }] : [];
  });
}

/** Runs one step's down file and removes its journal rows, in one transaction. */
async function revertOne(session: SqlSession, step: RollbackStep): Promise<number> {
  const started = performance.now();
  await withTransaction(session, async () => {
    await runDownFile(session, step, false);
    await recordReverted(session, step.migration);
  });
  return performance.now() - started;
}

export async function rollback(
  session: SqlSession,
  migrations: Migration[],
  options: RollbackOptions = {},
): Promise<RollbackResult> {
  const log = options.log ?? (() => {});
  // Even a dry run takes the lock: its rehearsal runs the down files (and rolls them back).
  // Reverting an edited migration with the down file it was applied with (checked in the plan)
  // is the way out of an edit to one's own unreleased migration; an edited one that stays is
  // refused.
  return withMigrationRun(
    session,
    migrations,
    {
      ...options,
      log,
      lockDryRun: true,
      exempt: (report) => new Set(toRevert(report, migrations, options.to).map((m) => m.tag)),
    },
    async (report) => {
      const planned = await planRollback(session, migrations, report, options, log);
      if (options.dryRun) {
        for (const step of planned) {
          log(`-- ${step.migration.tag}: ${step.down.path}`);
          for (const { target, rows } of step.atRisk)
            log(`-- would drop ${describeLoss(target, rows)}`);
          for (const statement of step.down.statements) log(statement);
        }
        return { reverted: [], planned };
      }
      const losses = planned.flatMap((step) =>
        step.atRisk
          .filter((risk) => risk.rows > 0)
          .map((risk) => `${describeLoss(risk.target, risk.rows)} in ${step.migration.tag}`),
      );
      if (losses.length > 0 && !options.yes) {
        throw new FluxDbError(
          'ROLLBACK_REFUSED',
          `rolling back would drop data: ${losses.join(', ')}`,
          'Back up what you need, then run again with --yes to accept the loss (--dry-run shows the SQL)',
        );
      }
      const reverted: RollbackResult['reverted'] = [];
      for (const step of planned) {
        const durationMs = await revertOne(session, step);
        reverted.push({ tag: step.migration.tag, durationMs });
        log(`reverted ${step.migration.tag} (${Math.round(durationMs)} ms)`);
      }
      return { reverted, planned };
    },
  );
}
