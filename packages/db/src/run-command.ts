/**
 * The edge of every command: runs one function, prints a user's error as one line (what went
 * wrong, how to fix it: failureLine) with no stack trace and no password, and exits.
 */
import { failureLine } from './failure-line.ts';
import { UsageError } from './program-arguments.ts';

/**
 * Runs `main` and exits with its code; errors exit with `failureCode` (1 unless said), and a
 * mistake in the arguments with 2 in every program (program-arguments.ts).
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
