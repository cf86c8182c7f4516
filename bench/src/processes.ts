/**
 * Command-line tools timed as a user runs them: one process, from spawn to exit, with its
 * output kept for the error message when it fails.
 */
import { dirname, resolve } from 'node:path';
import { runProcess as run } from '@fluxcore/db/testing';

/** The repository root (bench/ is one level down). */
export const repositoryRoot = resolve(dirname(import.meta.dir), '..');
export const packageDir = resolve(repositoryRoot, 'packages/db');

export interface ProcessRun {
  code: number;
  ms: number;
  output: string;
}

export async function runProcess(
  command: string[],
  options: { cwd?: string; env?: Record<string, string> } = {},
): Promise<ProcessRun> {
  const { code, ms, output } = await run(command, {
    ...options,
    cwd: options.cwd ?? repositoryRoot,
  });
  return { code, ms, output };
}

/** Like runProcess, but a non-zero exit is an error naming the command and its last words. */
export async function runChecked(
  command: string[],
  options: { cwd?: string; env?: Record<string, string> } = {},
): Promise<ProcessRun> {
  const run = await runProcess(command, options);
  if (run.code !== 0) {
    const tail = run.output.trim().split('\n').slice(-3).join(' / ');
    throw new Error(`${command.join(' ')} exited with ${run.code}: ${tail}`);
  }
  return run;
}
