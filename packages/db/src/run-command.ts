/**
 * The edge of every command: runs one function, prints a user's error as one line (what went
 * wrong, how to fix it: failureLine) with no stack trace and no password, and exits.
 */
import { failureLine } from './failure-line.ts';

/** Runs `main` and exits with its code; errors exit with `failureCode` (1 unless said). */
export async function runCommand(main: () => Promise<number>, failureCode = 1): Promise<never> {
  let code: number;
  try {
    code = await main();
  } catch (error) {
    process.stderr.write(`error: ${failureLine(error)}\n`);
    code = failureCode;
  }
  process.exit(code);
}
