/**
 * What every online run does: opens (or resumes) its run, and runs its recorded steps in order,
 * a form's placeholder replaced by its steps when the run reaches it.
 */
import type { SqlSession } from '../connection/client.ts';
import { FluxDbError } from '../errors/flux-db-error.ts';
import { appliedBy } from '../migrator/run.ts';
import { withTransaction } from '../migrator/transaction.ts';
import { executeStep, type StepContext } from './execute.ts';
import { lockedTransaction } from './lock-retry.ts';
import type { OnlineStep } from './model.ts';
import { expandForm } from './plan.ts';
import {
  ensureOnlineTables,
  markStep,
  type RecordedStep,
  readSteps,
  recordPlan,
  runInProgress,
  startRun,
} from './records.ts';

/**
 * A killed client's server session lives on until it next writes to the socket; with this
 * setting it checks every second and ends, releasing the migration lock for the rerun.
 */
export async function endWithClient(session: SqlSession): Promise<void> {
  if (session.kind === 'server') await session.exec('set client_connection_check_interval = 1000');
}

export async function openRun(
  sql: SqlSession,
  command: 'migrate' | 'converge',
  pending: boolean,
  log: (line: string) => void,
) {
  await ensureOnlineTables(sql);
  const current = await runInProgress(sql);
  if (current && current.command !== command) {
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
  return { run: await startRun(sql, command, appliedBy()), resumed: false };
}

/** Replaces a form's placeholder by its steps, planned now, in one transaction. */
async function expand(context: StepContext, step: RecordedStep) {
  const { session, run } = context;
  if (step.action.kind !== 'form') return;
  const { statement, fallback, defaultSql } = step.action;
  let steps: OnlineStep[];
  try {
    steps = await expandForm(session, statement, { defaultSql });
  } catch (error) {
    if (!(error instanceof FluxDbError && error.code === 'ONLINE_REFUSED' && fallback)) throw error;
    context.log(
      `  ${error.message.split(';')[0]}: it runs as it is, in one short-timeout transaction`,
    );
    steps = [
      {
        what: `${step.what} (as it is)`,
        action: { kind: 'transaction', sql: fallback },
        undo: null,
      },
    ];
  }
  await withTransaction(session, async () => {
    await recordPlan(session, run, step.tag, steps, step.position + 1, 1);
    await markStep(session, run, step, 'done');
  });
}

async function runStep(context: StepContext, step: RecordedStep, of: string) {
  const started = performance.now();
  try {
    if (step.action.kind === 'form') await expand(context, step);
    else await executeStep(context, step);
  } catch (error) {
    if (error instanceof FluxDbError) throw error;
    throw new FluxDbError(
      'ONLINE_FAILED',
      `${step.tag}, step ${of} (${step.what}) failed: ${(error as Error).message.split('\n')[0]}`,
      'The steps before it are done and recorded, and the database is usable: fix the cause and run the same command again to resume, or run it with --abort to undo the steps done',
    );
  }
  if (step.action.kind !== 'form')
    context.log(`  step ${of}: ${step.what} (${Math.round(performance.now() - started)} ms)`);
}

/** The most brief steps run together in one transaction. */
export const briefGroupLimit = 50;

/** The table of a brief step (undefined: not brief). */
function briefTable(step: RecordedStep): string | null | undefined {
  return step.action.kind === 'transaction' ? step.action.brief?.table : undefined;
}

/**
 * `first` and the brief steps right after it on the same table, not done yet: catalog changes
 * only (no scan, no rewrite), so one transaction holds the table's lock for milliseconds, not
 * one per step (a converge has hundreds: policies, grants, comments, defaults).
 */
function briefGroup(steps: RecordedStep[], first: RecordedStep): RecordedStep[] {
  const table = briefTable(first);
  if (table === undefined) return [first];
  const group: RecordedStep[] = [];
  for (let i = steps.indexOf(first); i < steps.length && group.length < briefGroupLimit; i++) {
    const step = steps[i] as RecordedStep;
    if (step.state === 'done' || briefTable(step) !== table) break;
    group.push(step);
  }
  return group;
}

/**
 * Runs a group of brief steps in one short-timeout transaction, each recorded in it. Whatever
 * stops the group (a lock not got in a few tries, a deadlock, a failing statement) rolls it
 * back whole and returns false: its steps then run one by one, each with its own retries, and
 * a failure names its own step.
 */
async function runGroup(context: StepContext, group: RecordedStep[], real: RecordedStep[]) {
  const { session, run, settings, log } = context;
  const started = performance.now();
  const from = real.indexOf(group[0] as RecordedStep) + 1;
  const of = `${from}-${from + group.length - 1} of ${real.length}`;
  try {
    await lockedTransaction(
      session,
      { ...settings, lockRetries: Math.min(settings.lockRetries, 3) },
      `steps ${of}`,
      async () => {
        for (const step of group) {
          if (step.action.kind !== 'transaction') continue;
          for (const statement of step.action.sql) await session.exec(statement);
          await markStep(session, run, step, 'done');
        }
      },
      log,
    );
  } catch {
    return false;
  }
  const table = briefTable(group[0] as RecordedStep);
  log(
    `  steps ${of}: ${group.length} catalog changes${table ? ` on ${table}` : ''}, one transaction (${Math.round(performance.now() - started)} ms)`,
  );
  return true;
}

/** Runs the steps of `tag` not done yet, in order; returns them all, done. */
export async function runRecorded(
  context: StepContext,
  tag: string,
  recorded: RecordedStep[],
): Promise<RecordedStep[]> {
  let steps = recorded;
  // A form's placeholder is planning, not a step of its own: the numbers count the others.
  const real = () => steps.filter((step) => step.action.kind !== 'form');
  const resumedAt = real().findIndex((step) => step.state !== 'done');
  if (resumedAt > 0) context.log(`resuming ${tag} at step ${resumedAt + 1} of ${real().length}`);
  for (;;) {
    const step = steps.find((s) => s.state !== 'done');
    if (!step) return steps;
    const group = briefGroup(steps, step);
    if (group.length > 1 && (await runGroup(context, group, real()))) {
      const done = new Set(group);
      steps = steps.map((s) => (done.has(s) ? { ...s, state: 'done' as const } : s));
      if (context.tally) {
        context.tally.steps += group.length;
        context.tally.units += 1;
      }
      continue;
    }
    const index = real().indexOf(step);
    await runStep(context, step, `${index + 1} of ${real().length}`);
    if (context.tally && step.action.kind !== 'form') {
      context.tally.steps += 1;
      context.tally.units += 1;
    }
    // Only a form's expansion adds steps: after any other step the list is known (a run has
    // thousands of steps, and reading them all back after each one made a run quadratic).
    steps =
      step.action.kind === 'form'
        ? await readSteps(context.session, context.run, tag)
        : steps.map((s) => (s === step ? { ...s, state: 'done' as const } : s));
  }
}
