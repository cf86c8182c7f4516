/**
 * The one line a program built on this package prints when it fails: a FluxDbError's message
 * and hint, a permission error or a missing table said in words, anything else as an
 * unexpected error; passwords redacted. The apps' and the bench's entry points print it.
 */
import { databaseErrorOf, describeError, permissionError } from './database-errors.ts';
import { FluxDbError, redactSecrets } from './flux-db-error.ts';

export function failureLine(error: unknown): string {
  if (error instanceof FluxDbError) return redactSecrets(error.toLine());
  const found = databaseErrorOf(error);
  const line =
    permissionError(error)?.toLine() ??
    (found?.code === '42P01'
      ? `${found.message}: the database is not migrated. Run bun run db:migrate first`
      : found?.code === '25006'
        ? readOnlyLine
        : `unexpected error: ${describeError(error)}`);
  return redactSecrets(line);
}

const readOnlyLine =
  'the database is read-only (25006: default_transaction_read_only is on, or it is a standby): nothing was written. Connect to a writable primary, or turn it off (ALTER DATABASE name SET default_transaction_read_only = off; for the embedded database, remove that line from postgresql.auto.conf in its folder)';
