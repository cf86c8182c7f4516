/**
 * How every route answers: `send` validates a body with its response schema, `fail` sends a
 * refusal (errors.ts), and `input` validates one part of the request with @hono/zod-validator,
 * answering 400 with zod's issues.
 */
import { zValidator } from '@hono/zod-validator';
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { z } from 'zod';
import { type ErrorBody, errorResponse } from './schemas.ts';

/** What the routes share in a request: the caller, once authenticated. */
export type Env = { Variables: { userId: string; tenant: string } };

/** A status and the error body that goes with it. */
export interface Refusal {
  status: ContentfulStatusCode;
  body: ErrorBody;
}

/** Validates `body` with `schema` and sends it: a response the schema refuses is a bug. */
export function send<S extends z.ZodType>(
  c: Context,
  schema: S,
  body: z.input<S>,
  status: ContentfulStatusCode = 200,
): Response {
  return c.json(schema.parse(body) as object, status);
}

export function fail(c: Context, refusal: Refusal): Response {
  return send(c, errorResponse, refusal.body, refusal.status);
}

/** @hono/zod-validator on one part of the request, answering 400 with the zod issues. */
export function input<Target extends 'json' | 'param' | 'query', S extends z.ZodType>(
  target: Target,
  schema: S,
) {
  return zValidator(target, schema, (result, c) => {
    if (result.success) return;
    return fail(c, {
      status: 400,
      body: {
        error: 'invalid_input',
        message: `the request ${target === 'json' ? 'body' : target} is invalid`,
        issues: result.error.issues.map(({ code, path, message }) => ({
          code,
          path: path.map((part) => (typeof part === 'symbol' ? String(part) : part)),
          message,
        })),
      },
    });
  });
}
