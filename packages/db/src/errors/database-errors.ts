/**
 * Database errors, unwrapped in one place. Drizzle wraps a driver error in DrizzleQueryError
 * (message: the SQL and its parameters; the SQLSTATE on `.cause`), so code that reads
 * `error.code` directly never sees it. Every reader of a database error (the API, the worker,
 * the commands) goes through `databaseErrorOf`, and every log line through `describeError`,
 * which never repeats SQL text, parameters or a value the server quoted back.
 */
import { tighteningRefusal } from '../schema/original/tightenings.ts';
import { FluxDbError } from './flux-db-error.ts';

/** The facts of a PostgreSQL error, wherever in the cause chain the driver put them. */
export interface DatabaseErrorInfo {
  /** The SQLSTATE, e.g. 23505. */
  code: string;
  /** The server's message. It may quote a value (classes 22, 23, P0): never log it. */
  message: string;
  table?: string;
  column?: string;
  constraint?: string;
}

const sqlstate = /^[0-9A-Z]{5}$/;

/** The PostgreSQL error inside `error` (itself or a cause), or undefined for any other error. */
export function databaseErrorOf(error: unknown): DatabaseErrorInfo | undefined {
  let current: unknown = error;
  for (let depth = 0; current && typeof current === 'object' && depth < 8; depth += 1) {
    if (current instanceof FluxDbError) return undefined;
    const candidate = current as {
      code?: unknown;
      message?: unknown;
      table?: unknown;
      column?: unknown;
      constraint?: unknown;
      cause?: unknown;
    };
    if (typeof candidate.code === 'string' && sqlstate.test(candidate.code)) {
      const text = (value: unknown) => (typeof value === 'string' && value ? value : undefined);
      return {
        code: candidate.code,
        message: String(candidate.message ?? ''),
        table: text(candidate.table),
        column: text(candidate.column),
        constraint: text(candidate.constraint),
      };
    }
    current = candidate.cause;
  }
  return undefined;
}

/**
 * Classes whose messages name only objects and conditions (connection, credentials, access,
 * locks, resources). Every other class can quote data back: 22 and 23 quote the value that
 * failed, and a RAISE in a trigger (P0) says whatever its author put in it.
 */
const namesOnlyObjects = ['08', '28', '3D', '40', '42', '53', '55', '57', '58'];
function quotesData(code: string): boolean {
  return !namesOnlyObjects.includes(code.slice(0, 2));
}

const drizzleTables = ['__drizzle_migrations', 'fluxcore_migrations'];

/**
 * A role that may not read or write a table: one line naming it and the grant that fixes it,
 * or undefined for any other error.
 */
export function permissionError(error: unknown): FluxDbError | undefined {
  const found = databaseErrorOf(error);
  if (found?.code !== '42501') return undefined;
  const object =
    /permission denied for (table|schema|sequence|relation|view|function|database) "?([^"\s]+)"?/i.exec(
      found.message,
    );
  const kind = object?.[1]?.toLowerCase() === 'relation' ? 'table' : object?.[1]?.toLowerCase();
  const bare = object?.[2];
  // PostgreSQL names the table without its schema; the migration journal lives in `drizzle`.
  const name = bare && kind === 'table' && drizzleTables.includes(bare) ? `drizzle.${bare}` : bare;
  if (!kind || !name) {
    return new FluxDbError(
      'PERMISSION_DENIED',
      `permission denied: ${found.message.split('\n')[0]}`,
      'Connect as a role with the needed privileges, or have the owner grant them',
    );
  }
  const grant =
    kind === 'database'
      ? `GRANT CREATE ON DATABASE ${name} TO <role>`
      : kind === 'schema'
        ? `GRANT USAGE ON SCHEMA ${name} TO <role>`
        : kind === 'sequence'
          ? `GRANT USAGE, SELECT ON SEQUENCE ${name} TO <role>`
          : kind === 'function'
            ? `GRANT EXECUTE ON FUNCTION ${name} TO <role>`
            : `GRANT SELECT, INSERT, UPDATE, DELETE ON ${name} TO <role>`;
  return new FluxDbError(
    'PERMISSION_DENIED',
    `permission denied for ${kind} ${name}`,
    `The role in DATABASE_URL lacks the privilege: have the owner run ${grant} (the role of DATABASE_URL), or connect as the owner`,
  );
}

/**
 * One line for a log: what failed, with no SQL text, no parameters, and none of the values a
 * data error quotes back. Only the first line of any message.
 */
export function describeError(error: unknown): string {
  if (error instanceof FluxDbError) return error.toLine();
  const denied = permissionError(error);
  if (denied) return denied.toLine();
  const found = databaseErrorOf(error);
  // A refused bug (schema/original/tightenings.ts) is named, with its fix.
  const bug = found?.constraint ? tighteningRefusal(found.constraint) : undefined;
  if (found && bug) return `${bug} (database error ${found.code}, constraint ${found.constraint})`;
  if (found) {
    const where = [
      found.table && `table ${found.table}`,
      found.column && `column ${found.column}`,
      found.constraint && `constraint ${found.constraint}`,
    ].filter(Boolean);
    const what = quotesData(found.code) ? '' : `: ${found.message.split('\n')[0]}`;
    return `database error ${found.code}${where.length ? ` (${where.join(', ')})` : ''}${what}`;
  }
  const wrapped = error as { query?: unknown; params?: unknown; cause?: unknown };
  // A DrizzleQueryError without a SQLSTATE (the connection failed): its own message is SQL.
  if (wrapped && typeof wrapped === 'object' && 'query' in wrapped && 'params' in wrapped) {
    return wrapped.cause ? describeError(wrapped.cause) : 'a database query failed';
  }
  if (error instanceof Error) {
    return `${error.name}: ${error.message.split('\n')[0] ?? ''}`;
  }
  return String(error).split('\n')[0] ?? '';
}

/** Node's socket errors that mean the database cannot be reached or went away. */
const unreachableCodes = ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH'];
/** node-postgres's own words for a connection it lost (no code). */
const lostConnection =
  /connection terminated|not queryable|connection error|timeout exceeded when trying to connect/i;

/**
 * `error` and its causes, without the messages of drizzle's wrapper (they hold the SQL and its
 * parameters: a message body must not read as a lost connection).
 */
function errorChain(error: unknown): { code?: unknown; message?: unknown }[] {
  const chain = [];
  let current: unknown = error;
  for (let depth = 0; current && typeof current === 'object' && depth < 8; depth += 1) {
    const candidate = current as { code?: unknown; message?: unknown; cause?: unknown };
    chain.push('params' in candidate ? { code: candidate.code } : candidate);
    current = candidate.cause;
  }
  return chain;
}

/**
 * Why the database cannot take a request now, as one line with its fix, or undefined when
 * the error is something else: read-only (25006, a standby or default_transaction_read_only),
 * disk full (53100, or ENOSPC under the embedded database), out of resources (class 53),
 * shutting down or starting (57P01-57P03), or not answering (class 08, a refused or lost
 * connection). The API answers these 503; they are no request's fault and no server bug.
 */
export function unavailabilityOf(error: unknown): string | undefined {
  const code = databaseErrorOf(error)?.code;
  if (code === '25006') {
    return 'the database is read-only (25006): writes are refused until it is writable again (a standby, or default_transaction_read_only); point DATABASE_URL at the primary';
  }
  const chain = errorChain(error);
  if (code === '53100' || chain.some((e) => e.code === 'ENOSPC')) {
    return 'the database disk is full (53100): free space where the database keeps its files';
  }
  if (code?.startsWith('53')) return `the database is out of resources (${code}): try again later`;
  if (code === '57P01' || code === '57P02' || code === '57P03' || code?.startsWith('08')) {
    return `the database is shutting down, starting or unreachable (${code}): try again shortly`;
  }
  if (
    chain.some(
      (e) =>
        (typeof e.code === 'string' && unreachableCodes.includes(e.code)) ||
        (typeof e.message === 'string' && lostConnection.test(e.message)),
    )
  ) {
    return 'the database does not answer: check that it (or db:serve) is running';
  }
  return undefined;
}
