/**
 * `--abort`: undoes, newest first, the steps of the online run in progress whose migration is
 * not complete yet (a completed migration is applied and recorded: db:rollback reverts it),
 * then closes the run. A step records its own undo when it is planned; a step that has none
 * (plain statements, a retype's switch) stops the abort with a line saying so.
 */
import type { SqlSession } from '../connection/client.ts';
import { FluxDbError } from '../errors/flux-db-error.ts';
import type { Migration } from '../migrator/journal.ts';
import { withMigrationLock } from '../migrator/lock.ts';
import { migrationStatus } from '../migrator/status.ts';
import { outsideTransaction, type StepContext } from './execute.ts';
import { lockedTransaction } from './lock-retry.ts';
import { finishRun, markStep, type RecordedStep, readSteps, runInProgress } from './records.ts';
import { type OnlineSettings, onlineSettings } from './settings.ts';

export interface AbortResult {
  run: number | undefined;
  undone: string[];
}

function needsUndo(step: RecordedStep): boolean {
  if (step.state === 'done' || step.state === 'running') return true;
  // A CONCURRENTLY build killed midway leaves an invalid index behind: drop it too.
  return step.state === 'pending' && step.action.kind === 'concurrent-index';
}

async function undoStep(context: StepContext, step: RecordedStep): Promise<void> {
  const { session, run, settings, log } = context;
  if (step.undo === null) {
    throw new FluxDbError(
      'ONLINE_REFUSED',
      `${step.tag}, step ${step.position + 1} (${step.what}) is done and cannot be undone by --abort; the steps after it are undone`,
      'Finish the run instead (the same command without --abort), then revert the migration with bun run db:rollback',
    );
  }
  const concurrent = step.undo.filter((sql) => /\bconcurrently\b/i.test(sql));
  for (const sql of concurrent) await outsideTransaction(context, `undo ${step.what}`, sql);
  const rest = step.undo.filter((sql) => !concurrent.includes(sql));
  await lockedTransaction(
    session,
    settings,
    `undo ${step.what}`,
    async () => {
      for (const sql of rest) await session.exec(sql);
      await markStep(session, run, step, 'undone');
    },
    log,
  );
  log(`  undone: ${step.what}`);
}

export async function abortOnline(
  session: SqlSession,
  migrations: Migration[],
  options: {
    lockTimeoutMs?: number;
    settings?: Partial<OnlineSettings>;
    log?: (line: string) => void;
  } = {},
): Promise<AbortResult> {
  const log = options.log ?? (() => {});
  const settings = onlineSettings(options.settings);
  return withMigrationLock(session, { timeoutMs: options.lockTimeoutMs, log }, async () => {
    const run = await runInProgress(session);
    if (!run) return { run: undefined, undone: [] };
    const report = await migrationStatus(session, migrations);
    const applied = new Set(
      report.migrations.filter((s) => s.state === 'applied').map((s) => s.tag),
    );
    const steps = (await readSteps(session, run)).filter((step) => !applied.has(step.tag));
    const context: StepContext = { session, run, settings, log };
    const undone: string[] = [];
    for (const step of steps.reverse()) {
      if (!needsUndo(step)) continue;
      await undoStep(context, step);
      undone.push(`${step.tag}: ${step.what}`);
    }
    await finishRun(session, run, 'aborted');
    return { run: run.id, undone };
  });
}
