/**
 * `db:converge --yes`: under the migration lock, with lock and statement timeouts, in ONE
 * transaction (tried again, whole, when a table lock is not free within 500 ms, so the app's
 * queries never queue longer than that behind a waiting ALTER): plan and check again, run every step, run the data migrations the plan needs,
 * read the catalog again and require it to equal the target apart from what is kept on
 * purpose, then record every migration as db:migrate would and move an earlier history's
 * journal rows aside. Any failure rolls everything back.
 */
import { readCatalog } from '../catalog/logic.ts';
import type { SqlSession } from '../connection/client.ts';
import type { DatabaseConfig } from '../connection/config.ts';
import { databaseErrorOf } from '../errors/database-errors.ts';
import { FluxDbError } from '../errors/flux-db-error.ts';
import {
  adoptForeignRows,
  ensureConvergeTables,
  recordKept,
} from '../migrator/converge-records.ts';
import type { Migration } from '../migrator/journal.ts';
import { withMigrationLock } from '../migrator/lock.ts';
import { ensureMigrationTables, recordApplied } from '../migrator/records.ts';
import { appliedBy } from '../migrator/run.ts';
import { withTransaction } from '../migrator/transaction.ts';
import {
  convergeLockAttemptMs,
  convergeLockTimeoutMs,
  convergeStatementTimeoutMs,
} from './defaults.ts';
import { buildStructuralPlan } from './diff.ts';
import type { Step } from './model.ts';
import { quote } from './pair.ts';
import { type ConvergePlan, isPresent, planConvergence } from './plan.ts';
import { readTarget, type TargetCatalog } from './target.ts';

export interface ConvergeOptions {
  /** Apply (--yes); otherwise only plan and check. */
  apply?: boolean;
  drop?: string[];
  /** Example keys per refusal (3 unless said). */
  exampleLimit?: number;
  lockTimeoutMs?: number;
  statementTimeoutMs?: number;
  log?: (line: string) => void;
  /** The target catalog, when the caller already read it. */
  target?: TargetCatalog;
  /** Called before each step runs (tests inject a failure here). */
  beforeStep?: (step: Step, index: number) => Promise<void> | void;
}

export type ConvergeStatus = 'nothing' | 'planned' | 'refused' | 'applied';

export interface ConvergeOutcome {
  status: ConvergeStatus;
  plan: ConvergePlan;
  /** Rows rewritten per table (retypes and backfills), when applied. */
  rewritten: Map<string, number>;
  /** The data migrations that ran (a planned one the steps already satisfied does not). */
  dataRun: string[];
  durationMs: number;
}

const firstLine = (error: unknown) => ((error as Error).message ?? String(error)).split('\n')[0];

export async function converge(
  session: SqlSession,
  config: DatabaseConfig,
  migrations: Migration[],
  options: ConvergeOptions = {},
): Promise<ConvergeOutcome> {
  const started = performance.now();
  const log = options.log ?? (() => {});
  const target = options.target ?? (await readTarget(config, migrations));
  const lockTimeoutMs = options.lockTimeoutMs ?? convergeLockTimeoutMs;
  const attemptMs = Math.min(lockTimeoutMs, convergeLockAttemptMs);
  const inOneTransaction = () =>
    retryLockTimeouts(oneTry, { attemptMs, budgetMs: lockTimeoutMs, log });
  const oneTry = () =>
    withTransaction(session, () => planAndApply(session, target, migrations, options, started), {
      lockTimeoutMs: attemptMs,
      statementTimeoutMs: options.statementTimeoutMs ?? convergeStatementTimeoutMs,
      // timestamp → timestamptz reads the stored wall-clock time as UTC, whatever the server says.
      timezone: 'UTC',
      // Only an applied plan is committed: planning alone changes nothing.
      keep: (outcome) => outcome.status === 'applied',
    });
  if (!options.apply) return inOneTransaction();
  return withMigrationLock(session, { timeoutMs: lockTimeoutMs, log }, inOneTransaction);
}

/** A table lock not granted within lock_timeout (55P03), raw or as a failed step's line. */
function isLockTimeout(error: unknown): boolean {
  if (databaseErrorOf(error)?.code === '55P03') return true;
  return error instanceof FluxDbError && /lock timeout/.test(error.message);
}

/**
 * Runs `run` (one whole transaction) again while it fails for a table lock, each wait at most
 * `attemptMs` (so the app's queries that queue behind the waiting ALTER wait no longer), with
 * a growing, jittered pause between tries, until `budgetMs` is spent; then the last failure.
 */
async function retryLockTimeouts<T>(
  run: () => Promise<T>,
  options: { attemptMs: number; budgetMs: number; log: (line: string) => void },
): Promise<T> {
  const deadline = performance.now() + options.budgetMs;
  for (let tries = 1; ; tries += 1) {
    try {
      return await run();
    } catch (error) {
      if (!isLockTimeout(error) || performance.now() >= deadline) throw error;
      const pause = Math.round(Math.min(2_000, 50 * 2 ** tries) * (0.5 + Math.random() / 2));
      options.log(
        `a table lock was not free within ${options.attemptMs} ms (try ${tries}): everything rolled back, trying again in ${pause} ms (the app's queries waited at most ${options.attemptMs} ms)`,
      );
      await new Promise((resolve) => setTimeout(resolve, pause));
    }
  }
}

/** Plans, checks and (with `apply`) runs the plan inside the caller's transaction. */
async function planAndApply(
  session: SqlSession,
  target: TargetCatalog,
  migrations: Migration[],
  options: ConvergeOptions,
  started: number,
): Promise<ConvergeOutcome> {
  const log = options.log ?? (() => {});
  const plan = await planConvergence(session, target, migrations, {
    drop: options.drop,
    exampleLimit: options.exampleLimit,
  });
  const dataRun: string[] = [];
  const outcome = (status: ConvergeStatus, rewritten = new Map<string, number>()) => ({
    status,
    plan,
    rewritten,
    dataRun,
    durationMs: performance.now() - started,
  });
  if (plan.empty) return outcome('nothing');
  if (plan.refusals.length > 0) return outcome('refused');
  if (!options.apply) return outcome('planned');

  const rewritten = new Map<string, number>();
  for (const [index, step] of plan.steps.entries()) {
    await options.beforeStep?.(step, index);
    if (step.rewrites && step.table && !rewritten.has(step.table)) {
      const [row] = await session.query<{ n: number }>(
        `select count(*)::int as n from ${quote(step.table)}`,
      );
      rewritten.set(step.table, Number(row?.n ?? 0));
    }
    for (const statement of step.sql) {
      try {
        await session.exec(statement);
      } catch (error) {
        throw new FluxDbError(
          'CONVERGE_FAILED',
          `step ${index + 1} of ${plan.steps.length} (${step.summary.replaceAll('\n', '; ')}) failed: ${firstLine(error)}`,
          'Nothing was changed (the whole plan runs in one transaction); fix the cause and run db:converge --plan again',
        );
      }
    }
  }
  for (const migration of plan.data) {
    if (migration.presentWhen && (await isPresent(session, migration.presentWhen))) continue;
    for (const statement of migration.statements) await session.exec(statement);
    dataRun.push(migration.tag);
    log(`ran data migration ${migration.tag}`);
  }

  const after = buildStructuralPlan(await readCatalog(session), target, new Set());
  if (after.steps.length > 0) {
    throw new FluxDbError(
      'CONVERGE_FAILED',
      `after the plan, the database still differs from the target in ${after.steps.length} way(s): ${after.steps
        .slice(0, 3)
        .map((s) => s.summary.replaceAll('\n', '; '))
        .join('; ')}`,
      'Nothing was changed; report this with the output of db:converge --plan',
    );
  }

  await ensureMigrationTables(session);
  await ensureConvergeTables(session);
  await adoptForeignRows(session, plan.foreign);
  const by = appliedBy();
  for (const migration of plan.record) await recordApplied(session, migration, 'converge', 0, by);
  await recordKept(session, plan.kept);
  return outcome('applied', rewritten);
}
