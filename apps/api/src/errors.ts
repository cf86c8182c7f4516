/**
 * What the API answers for an error a request caused rather than the server: the package's
 * refusals of a value (FluxDbError) and PostgreSQL's classes 22 (data) and 23 (integrity),
 * found under drizzle's wrapper by `databaseErrorOf`.
 */
import { databaseErrorOf, FluxDbError } from '@fluxcore/db';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ErrorBody } from './schemas.ts';

/**
 * Errors a request can cause with valid-looking input: PostgreSQL classes 22 (data) and 23
 * (integrity), found through `databaseErrorOf` (drizzle keeps the SQLSTATE on `.cause`), and
 * the package's own refusals of a value.
 */
export function requestError(
  error: unknown,
): { status: ContentfulStatusCode; body: ErrorBody } | undefined {
  if (error instanceof FluxDbError) {
    if (error.code === 'INVALID_INPUT') {
      return { status: 400, body: { error: 'invalid_input', message: error.message } };
    }
    if (error.code === 'IDEMPOTENCY_KEY_CONFLICT') {
      return { status: 409, body: { error: 'idempotency_key_conflict', message: error.message } };
    }
    return undefined;
  }
  const code = databaseErrorOf(error)?.code;
  if (code?.startsWith('22')) {
    return {
      status: 400,
      body: { error: 'invalid_input', message: 'a value is out of range or malformed' },
    };
  }
  if (code?.startsWith('23')) {
    return {
      status: 409,
      body: { error: 'conflict', message: 'the change conflicts with existing data' },
    };
  }
  return undefined;
}
