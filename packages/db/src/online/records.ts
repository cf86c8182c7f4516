/**
 * The online run's journal, beside the migrator's in the `drizzle` schema: one row per run and
 * one per step, written in the same transaction as the step it records (or, for a step that
 * cannot run in a transaction, after it, the step being idempotent). A rerun reads it to
 * resume; db:status reads it to show a run in progress; --abort reads it to undo.
 */
import type { SqlSession } from '../connection/client.ts';
import { FluxDbError } from '../errors/flux-db-error.ts';
import type { OnlineStep, StepAction } from './model.ts';

export type RunState = 'running' | 'done' | 'aborted';
export type StepState = 'pending' | 'running' | 'done' | 'undone';

export interface OnlineRun {
  id: number;
  command: string;
  state: RunState;
  startedAt: string;
  by: string;
}

export interface RecordedStep {
  tag: string;
  position: number;
  what: string;
  action: StepAction;
  undo: string[] | null;
  state: StepState;
  progress: { last?: string[]; rows?: number } | null;
}

export async function ensureOnlineTables(session: SqlSession): Promise<void> {
  await session.exec(`
    create schema if not exists drizzle;
    create table if not exists drizzle.fluxcore_online_runs (
      id bigserial primary key,
      command text not null,
      state text not null default 'running' check (state in ('running', 'done', 'aborted')),
      started_at timestamptz not null default now(),
      finished_at timestamptz,
      started_by text not null default current_user
    );
    create table if not exists drizzle.fluxcore_online_steps (
      run_id bigint not null references drizzle.fluxcore_online_runs (id) on delete cascade,
      tag text not null,
      position integer not null,
      what text not null,
      action jsonb not null,
      undo jsonb,
      state text not null default 'pending' check (state in ('pending', 'running', 'done', 'undone')),
      progress jsonb,
      done_at timestamptz,
      primary key (run_id, tag, position)
    );
  `);
}

async function tablesExist(session: SqlSession): Promise<boolean> {
  const [row] = await session.query<{ present: boolean }>(
    `select to_regclass('drizzle.fluxcore_online_runs') is not null as present`,
  );
  return row?.present === true;
}

/** The run in progress (started, neither done nor aborted), if any. Creates nothing. */
export async function runInProgress(session: SqlSession): Promise<OnlineRun | undefined> {
  if (!(await tablesExist(session))) return undefined;
  const [row] = await session.query<{
    id: string;
    command: string;
    state: RunState;
    started_at: Date | string;
    started_by: string;
  }>(
    `select id, command, state, started_at, started_by from drizzle.fluxcore_online_runs
      where state = 'running' order by id desc limit 1`,
  );
  if (!row) return undefined;
  const startedAt =
    row.started_at instanceof Date ? row.started_at.toISOString() : String(row.started_at);
  return {
    id: Number(row.id),
    command: row.command,
    state: row.state,
    startedAt,
    by: row.started_by,
  };
}

export async function startRun(
  session: SqlSession,
  command: string,
  by: string,
): Promise<OnlineRun> {
  const [row] = await session.query<{ id: string; started_at: Date | string }>(
    `insert into drizzle.fluxcore_online_runs (command, started_by) values ($1, $2) returning id, started_at`,
    [command, by],
  );
  return { id: Number(row?.id), command, state: 'running', startedAt: String(row?.started_at), by };
}

export async function finishRun(
  session: SqlSession,
  run: OnlineRun,
  state: RunState,
): Promise<void> {
  await session.query(
    'update drizzle.fluxcore_online_runs set state = $2, finished_at = now() where id = $1',
    [run.id, state],
  );
}

export async function readSteps(
  session: SqlSession,
  run: OnlineRun,
  tag?: string,
): Promise<RecordedStep[]> {
  const rows = await session.query<RecordedStep & Record<string, unknown>>(
    `select tag, position, what, action, undo, state, progress from drizzle.fluxcore_online_steps
      where run_id = $1 and ($2::text is null or tag = $2) order by tag, position`,
    [run.id, tag ?? null],
  );
  return rows.map((row) => ({ ...row, position: Number(row.position) }));
}

/** Records the plan of one migration, every step pending (in one transaction with nothing else). */
export async function recordPlan(
  session: SqlSession,
  run: OnlineRun,
  tag: string,
  steps: OnlineStep[],
  /** Where the first goes; the plan's steps are 1000 apart, a form's steps follow it. */
  start = 0,
  gap = 1000,
): Promise<void> {
  for (const [index, step] of steps.entries()) {
    const position = start + index * gap;
    await session.query(
      `insert into drizzle.fluxcore_online_steps (run_id, tag, position, what, action, undo)
       values ($1, $2, $3, $4, $5, $6)`,
      [
        run.id,
        tag,
        position,
        step.what,
        JSON.stringify(step.action),
        step.undo === null ? null : JSON.stringify(step.undo),
      ],
    );
  }
}

export async function markStep(
  session: SqlSession,
  run: OnlineRun,
  step: RecordedStep,
  state: StepState,
  progress?: RecordedStep['progress'],
): Promise<void> {
  await session.query(
    `update drizzle.fluxcore_online_steps set state = $4,
            progress = coalesce($5::jsonb, progress),
            done_at = case when $4 in ('done', 'undone') then now() else done_at end
      where run_id = $1 and tag = $2 and position = $3`,
    [run.id, step.tag, step.position, state, progress ? JSON.stringify(progress) : null],
  );
}

/**
 * Refuses a command that would change the database under an online run in progress (one
 * killed, or still running elsewhere): its recorded steps would no longer describe the
 * database it resumes on. The run is finished or undone first.
 */
export async function refuseDuringOnlineRun(session: SqlSession, command: string): Promise<void> {
  const current = await runInProgress(session);
  if (!current) return;
  throw new FluxDbError(
    'ONLINE_REFUSED',
    `an online db:${current.command} (run #${current.id}, started ${current.startedAt}) is in progress; ${command} would change the database under it, so nothing was changed`,
    `Finish it (bun run db:${current.command} --online) or undo it (bun run db:${current.command} --abort) first`,
  );
}
