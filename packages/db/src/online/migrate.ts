/**
 * `db:migrate --online`: the pending migrations, each as its online plan (plan.ts), step by
 * step, every step recorded as it completes. Unlike the default mode (each migration one
 * transaction, all or nothing), a run killed anywhere leaves every completed step in place and
 * the database usable, and the same command resumes at the step it stopped in.
 */
import type { SqlSession } from '../connection/client.ts';
import { FluxDbError } from '../errors/flux-db-error.ts';
import { findMigration, type Migration } from '../migrator/journal.ts';
import { recordApplied } from '../migrator/records.ts';
import { appliedBy, withMigrationRun } from '../migrator/run.ts';
import { withTransaction } from '../migrator/transaction.ts';
import { executeStep, type StepContext } from './execute.ts';
import { checkForms, expandForm, planMigration } from './plan.ts';
import {
  ensureOnlineTables,
  finishRun,
  markStep,
  type OnlineRun,
  type RecordedStep,
  readSteps,
  recordPlan,
  runInProgress,
  startRun,
} from './records.ts';
import { type OnlineSettings, onlineSettings } from './settings.ts';

export interface OnlineMigrateOptions {
  to?: string;
  /** Milliseconds to wait for the migration lock (the runners' advisory lock). */
  lockTimeoutMs?: number;
  settings?: Partial<OnlineSettings>;
  log?: (line: string) => void;
}

export interface OnlineMigrateResult {
  run: number | undefined;
  resumed: boolean;
  applied: { tag: string; steps: number; durationMs: number }[];
}

/**
 * A killed client's server session lives on until it next writes to the socket; with this
 * setting it checks every second and ends, releasing the migration lock for the rerun.
 */
async function endWithClient(session: SqlSession): Promise<void> {
  if (session.kind === 'server') await session.exec('set client_connection_check_interval = 1000');
}

/** Plans (checking the data first) and records the steps of `migration`, or reads them back. */
async function stepsOf(context: StepContext, migration: Migration) {
  const { session, run } = context;
  const recorded = await readSteps(session, run, migration.tag);
  if (recorded.length > 0) return recorded;
  const plan = planMigration(migration);
  await checkForms(session, plan);
  await withTransaction(session, () => recordPlan(session, run, migration.tag, plan.steps));
  return readSteps(session, run, migration.tag);
}

/** Replaces a form's placeholder by its steps, planned now, in one transaction. */
async function expand(context: StepContext, step: RecordedStep, statement: string) {
  const { session, run } = context;
  const steps = await expandForm(session, statement);
  await withTransaction(session, async () => {
    await recordPlan(session, run, step.tag, steps, step.position + 1, 1);
    await markStep(session, run, step, 'done');
  });
}

async function runStep(context: StepContext, migration: Migration, step: RecordedStep, of: string) {
  const started = performance.now();
  try {
    if (step.action.kind === 'form') await expand(context, step, step.action.statement);
    else await executeStep(context, step);
  } catch (error) {
    if (error instanceof FluxDbError) throw error;
    throw new FluxDbError(
      'ONLINE_FAILED',
      `${migration.tag}, step ${of} (${step.what}) failed: ${(error as Error).message.split('\n')[0]}`,
      'The steps before it are done and recorded, and the database is usable: fix the cause and run the same command again to resume, or run it with --abort to undo the steps of this migration',
    );
  }
  if (step.action.kind !== 'form')
    context.log(`  step ${of}: ${step.what} (${Math.round(performance.now() - started)} ms)`);
}

async function applyOnline(context: StepContext, migration: Migration, by: string) {
  const started = performance.now();
  let steps = await stepsOf(context, migration);
  const resumedAt = steps.findIndex((step) => step.state !== 'done');
  if (resumedAt > 0)
    context.log(`resuming ${migration.tag} at step ${resumedAt + 1} of ${steps.length}`);
  for (;;) {
    const index = steps.findIndex((step) => step.state !== 'done');
    const step = steps[index];
    if (!step) break;
    await runStep(context, migration, step, `${index + 1} of ${steps.length}`);
    steps = await readSteps(context.session, context.run, migration.tag);
  }
  const durationMs = performance.now() - started;
  await withTransaction(context.session, () =>
    recordApplied(context.session, migration, 'migrate', durationMs, by),
  );
  return { tag: migration.tag, steps: steps.length, durationMs };
}

async function openRun(sql: SqlSession, pending: boolean, log: (line: string) => void) {
  await ensureOnlineTables(sql);
  const current = await runInProgress(sql);
  if (current && current.command !== 'migrate') {
    throw new FluxDbError(
      'ONLINE_REFUSED',
      `an online db:${current.command} (run #${current.id}, started ${current.startedAt}) is in progress`,
      `Finish it (bun run db:${current.command} --online) or undo it (--abort) first`,
    );
  }
  if (current) {
    log(`resuming online run #${current.id} (started ${current.startedAt} by ${current.by})`);
    return { run: current, resumed: true };
  }
  if (!pending) return { run: undefined, resumed: false };
  return { run: await startRun(sql, 'migrate', appliedBy()), resumed: false };
}

export async function migrateOnline(
  sql: SqlSession,
  migrations: Migration[],
  options: OnlineMigrateOptions = {},
): Promise<OnlineMigrateResult> {
  const log = options.log ?? (() => {});
  const settings = onlineSettings(options.settings);
  const last = options.to ? findMigration(migrations, options.to) : undefined;
  const inScope = last ? migrations.slice(0, migrations.indexOf(last) + 1) : migrations;
  const refuse = (situation: { kind: string }) => situation.kind !== 'own';
  await endWithClient(sql);
  return withMigrationRun(
    sql,
    migrations,
    { lockTimeoutMs: options.lockTimeoutMs, log, refuse },
    async (report) => {
      const done = new Set(
        report.migrations.filter((s) => s.state === 'applied').map((s) => s.tag),
      );
      const pending = inScope.filter((migration) => !done.has(migration.tag));
      const { run, resumed } = await openRun(sql, pending.length > 0, log);
      if (!run) return { run: undefined, resumed, applied: [] };
      const context: StepContext = { session: sql, run, settings, log };
      const by = appliedBy();
      const applied: OnlineMigrateResult['applied'] = [];
      for (const migration of pending) {
        const result = await applyOnline(context, migration, by);
        applied.push(result);
        log(
          `applied ${migration.tag} online (${result.steps} step(s), ${Math.round(result.durationMs)} ms)`,
        );
      }
      await finishRun(sql, run, 'done');
      return { run: run.id, resumed, applied };
    },
  );
}

export type { OnlineRun };
