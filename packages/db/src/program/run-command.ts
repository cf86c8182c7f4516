/**
 * The edge of every command: runs one function, prints a user's error as one line (what went
 * wrong, how to fix it: failureLine) with no stack trace and no password, and exits.
 */
import { failureLine } from '../errors/failure-line.ts';
import { UsageError } from './arguments.ts';

/**
 * Runs `main` and exits with its code; errors exit with `failureCode` (1 unless said), and a
 * mistake in the arguments with 2 in every program (arguments.ts).
 */
export async function runCommand(main: () => Promise<number>, failureCode = 1): Promise<never> {
  let code: number;
  try {
    code = await main();
  } catch (error) {
    process.stderr.write(`error: ${failureLine(error)}\n`);
    code = error instanceof UsageError ? error.exitCode : failureCode;
  }
  process.exit(code);
}

/**
 * The first SIGTERM or SIGINT, by name. A second one while the program stops exits at once
 * (code 1): a stop that hangs never needs SIGKILL.
 */
export function firstStopSignal(): Promise<'SIGTERM' | 'SIGINT'> {
  return new Promise((resolve) => {
    const signals = ['SIGTERM', 'SIGINT'] as const;
    for (const signal of signals) {
      process.once(signal, () => {
        for (const again of signals) process.once(again, () => process.exit(1));
        resolve(signal);
      });
    }
  });
}

/**
 * Waits for `work` at most `ms`: true when it settled (a rejection counts: the caller's own
 * handlers say what failed), false when the time ran out first. Stopping a program must not
 * depend on a database that may never answer: what did not finish in time is left to the exit.
 */
export async function settlesWithin(work: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
  });
  try {
    return await Promise.race([
      work.then(
        () => true,
        () => true,
      ),
      late,
    ]);
  } finally {
    clearTimeout(timer);
  }
}
