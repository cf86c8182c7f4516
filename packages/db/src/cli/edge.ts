/**
 * The edge of every command (and of the apps): runs one function, prints a user's error as one
 * line (what went wrong, how to fix it) with no stack trace and no password, and exits.
 */
import { databaseErrorOf, describeError, permissionError } from '../database-errors.ts';
import { FluxDbError, redactSecrets } from '../errors.ts';

/** The one line printed for `error` (without the `error: ` prefix). */
export function errorLine(error: unknown): string {
  const found = databaseErrorOf(error);
  const line =
    error instanceof FluxDbError
      ? error.toLine()
      : (permissionError(error)?.toLine() ??
        (found?.code === '42P01'
          ? `${found.message}: the database is not migrated. Run bun run db:migrate first`
          : `unexpected error: ${describeError(error)}`));
  return redactSecrets(line);
}

/** Runs `main` and exits with its code; errors exit with `failureCode` (1 unless said). */
export async function runCommand(main: () => Promise<number>, failureCode = 1): Promise<never> {
  let code: number;
  try {
    code = await main();
  } catch (error) {
    process.stderr.write(`error: ${errorLine(error)}\n`);
    code = failureCode;
  }
  process.exit(code);
}
