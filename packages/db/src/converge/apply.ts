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
import { asideSchema } from './collisions.ts';
import {
  convergeLockAttemptMs,
  convergeLockTimeoutMs,
  convergeStatementTimeoutMs,
} from './defaults.ts';
import { buildStructuralPlan } from './diff.ts';
import { lockStepTables } from './lock-tables.ts';
import type { KeptObject, Step } from './model.ts';
import { quote } from './pair.ts';
import { type ConvergePlan, isPresent, type PlanOptions, planConvergence } from './plan.ts';
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
  /** With apply: runs first once the migration lock is held (see MigrateOptions.guard). */
  guard?: () => Promise<void>;
  /** The target catalog, when the caller already read it. */
  target?: TargetCatalog;
  /** Hashes of logic to recognise as the original's besides the references' (tests' stand-ins). */
  knownLogic?: PlanOptions['knownLogic'];
  /** A table with this many rows gets a progress line when a step rewrites it (10,000). */
  progressRows?: number;
  /** --time-zone: the zone timestamp values are read in (else the database's TimeZone). */
  timeZone?: string;
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
  const zone = await timeZoneOf(session, options.timeZone);
  const planned = { ...options, timeZone: zone.zone, timeZoneSource: zone.source };
  const attemptMs = Math.min(lockTimeoutMs, convergeLockAttemptMs);
  const inOneTransaction = () =>
    retryLockTimeouts(oneTry, { attemptMs, budgetMs: lockTimeoutMs, log });
  const oneTry = () =>
    withTransaction(session, () => planAndApply(session, target, migrations, planned, started), {
      lockTimeoutMs: attemptMs,
      statementTimeoutMs: options.statementTimeoutMs ?? convergeStatementTimeoutMs,
      // timestamp → timestamptz reads the stored wall-clock time in this zone (every cast,
      // the explicit `at time zone` and any text read alike).
      timezone: zone.zone,
      // Only an applied plan is committed: planning alone changes nothing.
      keep: (outcome) => outcome.status === 'applied',
    });
  if (!options.apply) return inOneTransaction();
  return withMigrationLock(session, { timeoutMs: lockTimeoutMs, log }, async () => {
    await options.guard?.();
    return inOneTransaction();
  });
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
  options: ConvergeOptions & { timeZoneSource?: string },
  started: number,
): Promise<ConvergeOutcome> {
  const log = options.log ?? (() => {});
  const plan = await planConvergence(session, target, migrations, {
    drop: options.drop,
    exampleLimit: options.exampleLimit,
    knownLogic: options.knownLogic,
    timeZone: options.timeZone,
    timeZoneSource: options.timeZoneSource,
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

  const lockTimeoutMs = options.lockTimeoutMs ?? convergeLockTimeoutMs;
  await lockStepTables(session, plan.steps, {
    budgetMs: lockTimeoutMs,
    attemptMs: Math.min(lockTimeoutMs, convergeLockAttemptMs),
    log,
  });
  const rewritten = await runSteps(session, plan, options, log);
  // Every data migration to record is asked again, in order, just before its turn: one may
  // have work only after an earlier one ran (0038 gives the operator back the 'ai_session'
  // rows 0028 deactivates beside the rows 0025 inserts), which the plan, read before any of
  // them ran, cannot see.
  for (const migration of plan.record) {
    if (!migration.presentWhen || target.supersededData?.has(migration.tag)) continue;
    if (await isPresent(session, migration.presentWhen)) continue;
    for (const statement of migration.statements) await session.exec(statement);
    dataRun.push(migration.tag);
    log(`ran data migration ${migration.tag}`);
  }

  await runProbes(session, plan, log);
  const after = buildStructuralPlan(await readCatalog(session), target, new Set(), {
    timeZone: options.timeZone,
  });
  if (after.steps.length > 0) {
    throw new FluxDbError(
      'CONVERGE_FAILED',
      `after the plan, the database still differs from the target in ${after.steps.length} way(s): ${after.steps
        .slice(0, 10)
        .map(
          (s) =>
            `${s.summary.replaceAll('\n', '; ')}${process.env.FLUXCORE_DEBUG ? ` [${s.sql.join('; ')}]` : ''}`,
        )
        .join('; ')}`,
      'Nothing was changed; report this with the output of db:converge --plan',
    );
  }

  await ensureMigrationTables(session);
  await ensureConvergeTables(session);
  await adoptForeignRows(session, plan.foreign);
  const by = appliedBy();
  for (const migration of plan.record) await recordApplied(session, migration, 'converge', 0, by);
  await recordKept(session, keptAfter(plan.kept, after.kept));
  return outcome('applied', rewritten);
}

/**
 * Runs each kept function of the original's once, with null arguments, inside a savepoint: its
 * statements are planned against the converged columns, so a body that no longer fits them (an
 * enum compared with a varchar) fails. Such a function is moved aside into fluxcore_original,
 * never dropped (its definition stays to read and rewrite), and reported as kept there.
 */
async function runProbes(
  session: SqlSession,
  plan: ConvergePlan,
  log: (line: string) => void,
): Promise<void> {
  for (const probe of plan.probes) {
    const error = await probeError(session, probe.call);
    if (!error) continue;
    if (probe.trigger) {
      await disableTrigger(session, plan, probe.trigger, error, log);
      continue;
    }
    const [schema = '', rest = ''] = splitKey(probe.key);
    await session.exec(`create schema if not exists ${quote(asideSchema)}`);
    await session.exec(
      `alter function ${quote(schema)}.${quote(rest.slice(0, rest.indexOf('(')))}${rest.slice(rest.indexOf('('))} set schema ${quote(asideSchema)}`,
    );
    const moved = `${asideSchema}.${rest}`;
    const kept = plan.kept.find((k) => k.kind === 'function' && k.name === probe.key);
    if (kept) {
      kept.name = moved;
      kept.note = `the original's, unchanged, but it no longer runs on the converged columns (${error}): moved aside from ${schema}, not dropped; rewrite it for the converged columns if the deployment calls it`;
    }
    if (!plan.kept.some((k) => k.kind === 'schema' && k.name === asideSchema))
      plan.kept.push({
        kind: 'schema',
        name: asideSchema,
        rows: null,
        note: "holds the original's objects converge moved aside",
        dropped: false,
      });
    log(
      `moved ${probe.key} aside to ${moved}: it no longer runs on the converged columns (${error})`,
    );
  }
}

/**
 * A kept trigger of the original's whose function no longer fits the converged columns would
 * fail every write of its table: it is disabled (kept, with its definition, and reported), so
 * the table keeps taking writes until the deployment rewrites it.
 */
async function disableTrigger(
  session: SqlSession,
  plan: ConvergePlan,
  trigger: { table: string; name: string },
  error: string,
  log: (line: string) => void,
): Promise<void> {
  await session.exec(`alter table ${quote(trigger.table)} disable trigger ${quote(trigger.name)}`);
  const key = `${trigger.table}.${trigger.name}`;
  const kept = plan.kept.find((k) => k.kind === 'trigger' && k.name === key);
  if (kept)
    kept.note = `the original's, unchanged, but it no longer runs on the converged columns (${error}): disabled, not dropped; rewrite its function for the converged columns and enable it`;
  log(`disabled trigger ${key}: it no longer runs on the converged columns (${error})`);
}

/** `schema.name(args)` → [schema, `name(args)`]. */
function splitKey(key: string): [string, string] {
  const dot = key.indexOf('.');
  return [key.slice(0, dot), key.slice(dot + 1)];
}

/** The error a call raises when its body no longer fits the columns (class 42), else null. */
async function probeError(session: SqlSession, call: string): Promise<string | null> {
  await session.exec('savepoint fluxcore_probe');
  try {
    await session.query(call);
    return null;
  } catch (error) {
    // Its own RAISE, a constraint or a bad value: it ran. Class 42 (an undefined column,
    // operator or function; a type mismatch) is a body that no longer fits the columns.
    return databaseErrorOf(error)?.code.startsWith('42') ? (firstLine(error) ?? 'error') : null;
  } finally {
    await session.exec('rollback to savepoint fluxcore_probe');
  }
}

/**
 * What is kept, under the names it has after the steps (a function whose argument type was
 * moved aside has another signature), with the plan's notes and counts where it had them.
 */
function keptAfter(planned: KeptObject[], after: KeptObject[]): KeptObject[] {
  return after.map(
    (object) => planned.find((p) => p.kind === object.kind && p.name === object.name) ?? object,
  );
}

/**
 * The zone a stored timestamp is read in: --time-zone when given (checked against
 * pg_timezone_names), else the database's own TimeZone setting as a new session sees it.
 */
async function timeZoneOf(
  session: SqlSession,
  requested: string | undefined,
): Promise<{ zone: string; source: string }> {
  if (requested === undefined) {
    const [row] = await session.query<{ zone: string }>(
      `select current_setting('TimeZone') as zone`,
    );
    return { zone: row?.zone ?? 'UTC', source: "the database's TimeZone setting" };
  }
  const [known] = await session.query<{ ok: boolean }>(
    `select exists (select 1 from pg_timezone_names where name = $1 or abbrev = $1)
        or exists (select 1 from pg_timezone_abbrevs where abbrev = $1) as ok`,
    [requested],
  );
  if (!known?.ok)
    throw new FluxDbError(
      'USAGE',
      `--time-zone ${requested}: not a time zone PostgreSQL knows`,
      "Pass a name of pg_timezone_names (UTC, Europe/Madrid, America/Argentina/Buenos_Aires, …), or leave it out to use the database's TimeZone setting",
    );
  return { zone: requested, source: '--time-zone' };
}

/** Tables this big get a progress line of their own when a step rewrites or scans them. */
export const progressTableRows = 10_000;

const seconds = (since: number) => `${((performance.now() - since) / 1000).toFixed(1)} s`;

/**
 * Runs every step in order, with a progress line per phase (its steps, and the time the last
 * one took) and per large table a step rewrites (its rows, and the time). Returns the rows
 * rewritten per table.
 */
async function runSteps(
  session: SqlSession,
  plan: ConvergePlan,
  options: ConvergeOptions,
  log: (line: string) => void,
): Promise<Map<string, number>> {
  const rewritten = new Map<string, number>();
  const phaseSteps = new Map<string, number>();
  for (const step of plan.steps) phaseSteps.set(step.phase, (phaseSteps.get(step.phase) ?? 0) + 1);
  let phase = '';
  let phaseStarted = performance.now();
  for (const [index, step] of plan.steps.entries()) {
    if (step.phase !== phase) {
      if (phase) log(`  phase ${phase} done in ${seconds(phaseStarted)}`);
      phase = step.phase;
      phaseStarted = performance.now();
      log(
        `phase ${phase}: ${phaseSteps.get(phase)} step(s) (step ${index + 1} of ${plan.steps.length})`,
      );
    }
    await options.beforeStep?.(step, index);
    if (step.rewrites && step.table && !rewritten.has(step.table)) {
      const [row] = await session.query<{ n: number }>(
        `select count(*)::int as n from ${quote(step.table)}`,
      );
      rewritten.set(step.table, Number(row?.n ?? 0));
    }
    const rows = step.table ? (rewritten.get(step.table) ?? 0) : 0;
    const large = step.rewrites && rows >= (options.progressRows ?? progressTableRows);
    if (large)
      log(
        `  ${step.table}: rewriting ${rows} rows (${step.summary.split('\n')[0]}${step.summary.includes('\n') ? ', …' : ''})`,
      );
    const started = performance.now();
    await runStep(session, plan, step, index);
    if (large) log(`  ${step.table}: ${rows} of ${rows} rows done in ${seconds(started)}`);
  }
  if (phase) log(`  phase ${phase} done in ${seconds(phaseStarted)}`);
  return rewritten;
}

async function runStep(session: SqlSession, plan: ConvergePlan, step: Step, index: number) {
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
