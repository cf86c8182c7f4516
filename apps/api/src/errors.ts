/**
 * The one place errors become HTTP answers:
 * - `refusals`: every error status and body a route answers with;
 * - `requestError`: an error a request caused rather than the server (the package's refusals
 *   of a value, FluxDbError; PostgreSQL's classes 22, data, and 23, integrity, found under
 *   drizzle's wrapper by `databaseErrorOf`);
 * - `errorHandler`: the app's onError (hono's own HTTP errors, requestError, a database that
 *   cannot take the request now (unreachable, read-only, disk full: 503 naming the cause),
 *   else a 500; each logged as one line without SQL, parameters or values).
 */
import {
  databaseErrorOf,
  describeError,
  FluxDbError,
  type InternalAccessScope,
  unavailabilityOf,
} from '@fluxcore/db';
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { fail, type Refusal } from './respond.ts';
import type { ErrorBody } from './schemas.ts';

function refusal(
  status: ContentfulStatusCode,
  error: ErrorBody['error'],
  message: string,
  extra: Omit<ErrorBody, 'error' | 'message'> = {},
): Refusal {
  return { status, body: { error, message, ...extra } };
}

export const refusals = {
  invalidInput: (message: string, extra?: { balance: number }) =>
    refusal(400, 'invalid_input', message, extra),
  unauthorized: (message: string) => refusal(401, 'unauthorized', message),
  insufficientCredits: (balance: number, required: number) =>
    refusal(
      402,
      'insufficient_credits',
      `the session costs ${required} credits and the balance is ${balance}`,
      { balance, required },
    ),
  forbidden: (message: string, scope?: InternalAccessScope) =>
    refusal(403, 'forbidden', message, scope ? { scope } : {}),
  notFound: (what: string) => refusal(404, 'not_found', `no such ${what}`),
  idempotencyKeyConflict: (
    message = 'the idempotency key was already used for another request; use a new key',
  ) => refusal(409, 'idempotency_key_conflict', message),
  accountProtected: (reason: string) =>
    refusal(409, 'account_protected', `the account is protected and cannot be deleted (${reason})`),
  conflict: () => refusal(409, 'conflict', 'the change conflicts with existing data'),
  payloadTooLarge: (message = 'the request body is too large') =>
    refusal(413, 'payload_too_large', message),
  tooManyRequests: (writes: number, windowMs: number) =>
    refusal(
      429,
      'rate_limited',
      `more than ${writes} writes in ${windowMs / 1000} s from this user; wait for Retry-After seconds and send again`,
    ),
  noPolicy: () =>
    refusal(422, 'no_policy', 'no active credits policy prices this feature, engine and model'),
  unavailable: (cause: string) => refusal(503, 'unavailable', cause),
  internal: () => refusal(500, 'internal', 'the server failed; try again later'),
};

/**
 * Errors a request can cause with valid-looking input: PostgreSQL classes 22 (data) and 23
 * (integrity), found through `databaseErrorOf` (drizzle keeps the SQLSTATE on `.cause`), and
 * the package's own refusals of a value.
 */
export function requestError(error: unknown): Refusal | undefined {
  if (error instanceof FluxDbError) {
    if (error.code === 'INVALID_INPUT') return refusals.invalidInput(error.message);
    if (error.code === 'IDEMPOTENCY_KEY_CONFLICT') {
      return refusals.idempotencyKeyConflict(error.message);
    }
    return undefined;
  }
  const code = databaseErrorOf(error)?.code;
  if (code?.startsWith('22')) return refusals.invalidInput('a value is out of range or malformed');
  if (code?.startsWith('23')) return refusals.conflict();
  return undefined;
}

/**
 * The app's onError: every error a route throws ends here. A database that cannot take
 * requests is logged once per outage, not once per request (a database down under load would
 * fill the log): a cause is logged when it differs from the last one, or a minute after it.
 */
export function errorHandler(): (error: Error, c: Context) => Response {
  const outage = { cause: '', at: 0 };
  return (error, c) => {
    if (error instanceof HTTPException) {
      const message = error.message || 'the request is invalid';
      if (error.status === 413) return fail(c, refusals.payloadTooLarge(message));
      return fail(c, { status: error.status, body: { error: 'invalid_input', message } });
    }
    const known = requestError(error);
    if (known) return fail(c, known);
    const down = unavailabilityOf(error);
    if (down) {
      if (down !== outage.cause || Date.now() - outage.at >= 60_000) {
        console.error(`api: ${c.req.method} ${c.req.routePath}: ${down}`);
        Object.assign(outage, { cause: down, at: Date.now() });
      }
      return fail(c, refusals.unavailable(down));
    }
    // Never the SQL, its parameters or a quoted value: describeError keeps to codes and names.
    console.error(`api: ${c.req.method} ${c.req.routePath}: ${describeError(error)}`);
    return fail(c, refusals.internal());
  };
}
