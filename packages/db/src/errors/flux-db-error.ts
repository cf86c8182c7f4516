/**
 * Errors a user can cause: a code, one line saying what went wrong, and a hint saying how to
 * fix it. Commands print them once, at their edge (see `program/run-command.ts`), without a stack.
 */
export type FluxDbErrorCode =
  | 'CONFIG_INVALID'
  | 'CONNECTION_REFUSED'
  | 'WRONG_DATABASE'
  | 'HOST_NOT_FOUND'
  | 'AUTH_FAILED'
  | 'DATABASE_MISSING'
  | 'EXTENSION_MISSING'
  | 'EMBEDDED_LOCKED'
  | 'DATA_DIR_INVALID'
  | 'PUSH_REFUSED'
  | 'MIGRATION_FAILED'
  | 'MIGRATION_EDITED'
  | 'MIGRATION_UNKNOWN'
  | 'MIGRATION_NOT_FOUND'
  | 'LOCK_TIMEOUT'
  | 'BASELINE_DRIFT'
  | 'INDEX_INVALID'
  | 'USAGE'
  | 'DOWN_MISSING'
  | 'DOWN_EDITED'
  | 'ROLLBACK_REFUSED'
  | 'ROLLBACK_FAILED'
  | 'TOOL_MISSING'
  | 'INVALID_INPUT'
  | 'PERMISSION_DENIED'
  | 'IDEMPOTENCY_KEY_CONFLICT'
  | 'DELETION_PLAN_CYCLE'
  | 'NEEDS_CONVERGE'
  | 'CONVERGE_REFUSED'
  | 'CONVERGE_FAILED'
  | 'ONLINE_REFUSED'
  | 'ONLINE_FAILED';

export class FluxDbError extends Error {
  readonly code: FluxDbErrorCode;
  readonly hint: string | undefined;

  constructor(code: FluxDbErrorCode, message: string, hint?: string) {
    super(message);
    this.name = 'FluxDbError';
    this.code = code;
    this.hint = hint;
  }

  /** The one line a command prints: what went wrong, then how to fix it. */
  toLine(): string {
    return this.hint ? `${this.message}. ${this.hint}` : this.message;
  }
}

/** Replaces the password of every connection URL in `text` with `***`. */
export function redactSecrets(text: string): string {
  return text.replace(/(postgres(?:ql)?:\/\/[^:@/\s]*:)([^@\s]*)@/gi, '$1***@');
}
