/**
 * The FluxCore HTTP API (Hono). `createApp` builds it around a database client, so tests run it
 * in-process with `app.request(...)` and `index.ts` serves it with Bun. It composes:
 * - errors.ts: the one mapping of errors to statuses and bodies (onError, unknown routes);
 * - the body limit, also on a chunked body;
 * - access.ts: identity from a verified bearer JWT on every route but /health, and who may
 *   act on an account or a conversation;
 * - a per-user limit on writes (429 past it);
 * - a body that is not UTF-8 refused (400);
 * - routes/: health, conversations and messages, credits, deletion. Every request part and
 *   every response body goes through a zod schema (schemas.ts).
 */

import { isUtf8 } from 'node:buffer';
import type { DatabaseClient, RuntimeRole } from '@fluxcore/db';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { rateLimiter } from 'hono-rate-limiter';
import { authenticate } from './access.ts';
import { errorHandler, refusals } from './errors.ts';
import { type Env, fail } from './respond.ts';
import { conversationRoutes } from './routes/conversations.ts';
import { creditsRoutes } from './routes/credits.ts';
import { deletionRoutes } from './routes/deletion.ts';
import { healthRoutes } from './routes/health.ts';
import { tenancy } from './tenancy.ts';

export interface AppOptions {
  db: DatabaseClient;
  /** The HS256 secret bearer tokens are signed with. */
  jwtSecret: string;
  /** Largest request body accepted, in bytes. */
  maxBodyBytes?: number;
  /** The longest a bearer token may live, in seconds (default a day). */
  jwtMaxLifetimeS?: number;
  /** Writes (POST) one signed-in user may send per window (default 600 a minute); then 429. */
  rateLimit?: { writes: number; windowMs: number };
  /** The runtime role every query runs as (default fluxcore_app; docs/tenancy.md). */
  role?: RuntimeRole;
}

export function createApp(options: AppOptions): Hono<Env> {
  const db = tenancy(options.db.db, options.role);
  const app = new Hono<Env>();
  app.onError(errorHandler());
  app.notFound((c) => fail(c, refusals.notFound('route')));
  app.use(
    '*',
    bodyLimit({
      maxSize: options.maxBodyBytes ?? 64 * 1024,
      onError: (c) => fail(c, refusals.payloadTooLarge()),
    }),
  );
  // A body sent without Content-Length (chunked) is only measured while it is read, and hono's
  // validator turns any read error into "malformed JSON" (400). Read every body here, under the
  // limit, so an oversize stream is a 413; and refuse bytes that are not UTF-8 (400), which a
  // decoder would otherwise store as U+FFFD without a word. Later reads use the cached body.
  app.use('*', async (c, next) => {
    if (c.req.raw.body) {
      let bytes: ArrayBuffer;
      try {
        bytes = await c.req.arrayBuffer();
      } catch (error) {
        if ((error as Error)?.name === 'BodyLimitError') return fail(c, refusals.payloadTooLarge());
        throw error;
      }
      if (!isUtf8(bytes)) {
        return fail(
          c,
          refusals.invalidInput('the request body is not valid UTF-8; send it encoded as UTF-8'),
        );
      }
    }
    await next();
  });

  app.route('/', healthRoutes({ client: options.db }));
  const auth = authenticate(db, options.jwtSecret, options.jwtMaxLifetimeS ?? 86_400);
  const writes = writeLimit(options.rateLimit ?? { writes: 600, windowMs: 60_000 });
  for (const path of ['/accounts/*', '/conversations/*']) app.use(path, auth, writes);
  for (const routes of [conversationRoutes, creditsRoutes, deletionRoutes]) {
    app.route('/', routes({ db }));
  }
  return app;
}

/**
 * The writes one signed-in user may send per window (hono-rate-limiter, in this process's
 * memory): every request but GET and HEAD counts, keyed by the token's user; past the limit a
 * 429 with Retry-After and the standard RateLimit headers. Reads are not limited.
 */
function writeLimit({ writes, windowMs }: { writes: number; windowMs: number }) {
  return rateLimiter<Env>({
    windowMs,
    limit: writes,
    standardHeaders: 'draft-7',
    keyGenerator: (c) => c.get('userId'),
    skip: (c) => c.req.method === 'GET' || c.req.method === 'HEAD',
    handler: (c) => {
      c.header('Retry-After', String(Math.ceil(windowMs / 1000)));
      return fail(c, refusals.tooManyRequests(writes, windowMs));
    },
  });
}
