/**
 * The edge of every command: parses flags, runs one function, prints a user's error as one
 * line (what went wrong, how to fix it) with no stack trace and no password, and exits.
 */
import { parseArgs } from 'node:util';
import { databaseErrorOf, describeError, permissionError } from '../database-errors.ts';
import { FluxDbError, redactSecrets } from '../errors.ts';

export type Flags = NonNullable<Parameters<typeof parseArgs>[0]>['options'];

export function parseFlags<T extends Flags>(options: T, argv = process.argv.slice(2)) {
  try {
    return parseArgs({ args: argv, options, allowPositionals: false, strict: true }).values;
  } catch (error) {
    const known = Object.keys(options ?? {})
      .map((name) => `--${name}`)
      .join(', ');
    throw new FluxDbError(
      'USAGE',
      (error as Error).message.split('\n')[0] ?? 'invalid arguments',
      known ? `Known flags: ${known}` : 'This command takes no flags',
    );
  }
}

/** Runs `main` and exits with its code; errors exit with `failureCode` (1 unless said). */
export async function runCommand(main: () => Promise<number>, failureCode = 1): Promise<never> {
  let code: number;
  try {
    code = await main();
  } catch (error) {
    const found = databaseErrorOf(error);
    const line =
      error instanceof FluxDbError
        ? error.toLine()
        : (permissionError(error)?.toLine() ??
          (found?.code === '42P01'
            ? `${found.message}: the database is not migrated. Run bun run db:migrate first`
            : `unexpected error: ${describeError(error)}`));
    process.stderr.write(`error: ${redactSecrets(line)}\n`);
    code = failureCode;
  }
  process.exit(code);
}

export function parseDuration(value: string | undefined, flag: string, fallbackMs: number): number {
  if (value === undefined) return fallbackMs;
  const seconds = Number(value);
  if (!Number.isFinite(seconds) || seconds < 0) {
    throw new FluxDbError(
      'USAGE',
      `${flag} takes a number of seconds, not "${value}"`,
      `Example: ${flag} 30`,
    );
  }
  return seconds * 1000;
}
