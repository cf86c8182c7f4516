/**
 * `db:migrate --online`: the pending migrations, each as its online plan (plan.ts), step by
 * step, every step recorded as it completes. Unlike the default mode (each migration one
 * transaction, all or nothing), a run killed anywhere leaves every completed step in place and
 * the database usable, and the same command resumes at the step it stopped in.
 */
import type { SqlSession } from '../connection/client.ts';
import { findMigration, type Migration } from '../migrator/journal.ts';
import { recordApplied } from '../migrator/records.ts';
import { appliedBy, withMigrationRun } from '../migrator/run.ts';
import { withTransaction } from '../migrator/transaction.ts';
import type { StepContext } from './execute.ts';
import { checkForms, planMigration } from './plan.ts';
import { finishRun, type OnlineRun, readSteps, recordPlan } from './records.ts';
import { endWithClient, openRun, runRecorded } from './run.ts';
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

async function applyOnline(context: StepContext, migration: Migration, by: string) {
  const started = performance.now();
  const steps = await runRecorded(context, migration.tag, await stepsOf(context, migration));
  const durationMs = performance.now() - started;
  await withTransaction(context.session, () =>
    recordApplied(context.session, migration, 'migrate', durationMs, by),
  );
  return { tag: migration.tag, steps: steps.length, durationMs };
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
      const { run, resumed } = await openRun(sql, 'migrate', pending.length > 0, log);
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
