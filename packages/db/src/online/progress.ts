/** What db:status says about an online run in progress: one line, and one per migration. */
import type { SqlSession } from '../connection/client.ts';
import { readSteps, runInProgress } from './records.ts';

export interface OnlineProgress {
  run: number;
  command: string;
  startedAt: string;
  by: string;
  migrations: { tag: string; done: number; steps: number; current: string | undefined }[];
}

export async function onlineProgress(session: SqlSession): Promise<OnlineProgress | undefined> {
  const run = await runInProgress(session);
  if (!run) return undefined;
  const steps = (await readSteps(session, run)).filter((step) => step.action.kind !== 'form');
  const tags = [...new Set(steps.map((step) => step.tag))];
  return {
    run: run.id,
    command: run.command,
    startedAt: run.startedAt,
    by: run.by,
    migrations: tags.map((tag) => {
      const mine = steps.filter((step) => step.tag === tag);
      const current = mine.find((step) => step.state !== 'done');
      return {
        tag,
        done: mine.filter((step) => step.state === 'done').length,
        steps: mine.length,
        current:
          current &&
          `${current.what}${current.progress?.rows ? ` (${current.progress.rows} rows so far)` : ''}`,
      };
    }),
  };
}

export function progressLines(progress: OnlineProgress): string[] {
  return [
    `online run #${progress.run} (db:${progress.command} --online, started ${progress.startedAt} by ${progress.by}) is IN PROGRESS: bun run db:${progress.command} --online resumes it, --abort undoes it`,
    ...progress.migrations.map(
      (m) =>
        `  ${m.tag}: ${m.done} of ${m.steps} step(s) done${m.current ? `; next: ${m.current}` : ''}`,
    ),
  ];
}
