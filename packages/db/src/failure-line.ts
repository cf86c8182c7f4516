/**
 * The one line a program built on this package prints when it fails: a FluxDbError's message
 * and hint, a permission error or a missing table said in words, anything else as an
 * unexpected error; passwords redacted. The apps' and the bench's entry points print it.
 */
import { databaseErrorOf, describeError, permissionError } from './database-errors.ts';
import { FluxDbError, redactSecrets } from './errors.ts';

export function failureLine(error: unknown): string {
  if (error instanceof FluxDbError) return redactSecrets(error.toLine());
  const found = databaseErrorOf(error);
  const line =
    permissionError(error)?.toLine() ??
    (found?.code === '42P01'
      ? `${found.message}: the database is not migrated. Run bun run db:migrate first`
      : `unexpected error: ${describeError(error)}`);
  return redactSecrets(line);
}
