/**
 * The FluxCore HTTP API (Hono). `createApp` builds it around a database client, so tests run it
 * in-process with `app.request(...)` and `index.ts` serves it with Bun.
 *
 * - Identity: a bearer JWT (HS256, the configured secret) whose `sub` is a user id. Nothing a
 *   client sets freely (a header, a body field) ever names the caller.
 * - Authorization: the caller owns the account (accounts.owner_user_id), or has internal
 *   access for the route's scope. Granting credits needs the `credits` scope even for owners.
 * - Validation: every request part and every response body goes through a zod schema
 *   (schemas.ts). Bad input is a 400 with zod's issues; an unknown id a 404; no input is a 500.
 */
import {
  accountOwnerId,
  appendMessage,
  applyCreditsGating,
  conversationParticipants,
  type DatabaseClient,
  describeError,
  grantCredits,
  hasInternalAccess,
  type InternalAccessScope,
  listConversations,
  listMessages,
  permissionError,
  readCreditsBalance,
  requestAccountDeletion,
  userExists,
} from '@fluxcore/db';
import { loadMigrations, migrationStatus, migrationsFolder } from '@fluxcore/db/migrator';
import { zValidator } from '@hono/zod-validator';
import { type Context, Hono, type MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import { verify } from 'hono/jwt';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { z } from 'zod';
import { requestError } from './errors.ts';
import {
  conversationsQuery,
  conversationsResponse,
  creditsResponse,
  deletionBody,
  deletionResponse,
  type ErrorBody,
  errorResponse,
  gatingBody,
  gatingResponse,
  grantBody,
  grantResponse,
  healthResponse,
  idParam,
  messageCreatedResponse,
  messagesQuery,
  messagesResponse,
  postMessageBody,
  uuid,
} from './schemas.ts';

export interface AppOptions {
  db: DatabaseClient;
  /** The HS256 secret bearer tokens are signed with. */
  jwtSecret: string;
  /** Largest request body accepted, in bytes. */
  maxBodyBytes?: number;
}

type Env = { Variables: { userId: string } };

/** Validates `body` with `schema` and sends it: a response the schema refuses is a bug. */
function send<S extends z.ZodType>(
  c: Context,
  schema: S,
  body: z.input<S>,
  status: ContentfulStatusCode = 200,
): Response {
  return c.json(schema.parse(body) as object, status);
}

function fail(c: Context, status: ContentfulStatusCode, body: ErrorBody): Response {
  return send(c, errorResponse, body, status);
}

/** @hono/zod-validator on one part of the request, answering 400 with the zod issues. */
function input<Target extends 'json' | 'param' | 'query', S extends z.ZodType>(
  target: Target,
  schema: S,
) {
  return zValidator(target, schema, (result, c) => {
    if (result.success) return;
    return fail(c, 400, {
      error: 'invalid_input',
      message: `the request ${target === 'json' ? 'body' : target} is invalid`,
      issues: result.error.issues.map(({ code, path, message }) => ({
        code,
        path: path.map((part) => (typeof part === 'symbol' ? String(part) : part)),
        message,
      })),
    });
  });
}

/** RFC 9110: the scheme is case-insensitive (`bearer`, `BEARER`). */
const bearer = /^Bearer +([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)$/i;

/** Reads the caller from a verified bearer token; 401 without one. */
function authenticate(db: DatabaseClient, secret: string): MiddlewareHandler<Env> {
  return async (c, next) => {
    const match = bearer.exec(c.req.header('authorization') ?? '');
    if (!match?.[1]) {
      return fail(c, 401, {
        error: 'unauthorized',
        message: 'a bearer token is required (Authorization: Bearer <jwt>)',
      });
    }
    let subject: unknown;
    try {
      subject = (await verify(match[1], secret, 'HS256')).sub;
    } catch {
      return fail(c, 401, { error: 'unauthorized', message: 'the token is invalid or expired' });
    }
    const userId = uuid().safeParse(subject);
    if (!userId.success) {
      return fail(c, 401, { error: 'unauthorized', message: 'the token names no user' });
    }
    if (!(await userExists(db.db, userId.data))) {
      return fail(c, 401, { error: 'unauthorized', message: 'the token names an unknown user' });
    }
    c.set('userId', userId.data);
    await next();
  };
}

export function createApp(options: AppOptions): Hono<Env> {
  const { db, jwtSecret } = options;
  const migrations = loadMigrations(migrationsFolder);
  const app = new Hono<Env>();

  app.onError((error, c) => {
    if (error instanceof HTTPException) {
      const status = error.status;
      return fail(c, status, {
        error: status === 413 ? 'payload_too_large' : 'invalid_input',
        message: error.message || 'the request is invalid',
      });
    }
    const known = requestError(error);
    if (known) return fail(c, known.status, known.body);
    // Never the SQL, its parameters or a quoted value: describeError keeps to codes and names.
    console.error(`api: ${c.req.method} ${c.req.routePath}: ${describeError(error)}`);
    return fail(c, 500, { error: 'internal', message: 'the server failed; try again later' });
  });
  app.notFound((c) => fail(c, 404, { error: 'not_found', message: 'no such route' }));
  app.use(
    '*',
    bodyLimit({
      maxSize: options.maxBodyBytes ?? 64 * 1024,
      onError: (c) =>
        fail(c, 413, { error: 'payload_too_large', message: 'the request body is too large' }),
    }),
  );
  // A body sent without Content-Length (chunked) is only measured while it is read, and hono's
  // validator turns any read error into "malformed JSON" (400). Read it here, under the
  // limit, so an oversize stream is a 413; later reads use the cached text.
  app.use('*', async (c, next) => {
    if (c.req.raw.body && c.req.header('content-length') === undefined) {
      try {
        await c.req.text();
      } catch (error) {
        if ((error as Error)?.name === 'BodyLimitError') {
          return fail(c, 413, {
            error: 'payload_too_large',
            message: 'the request body is too large',
          });
        }
        throw error;
      }
    }
    await next();
  });

  app.get('/health', async (c) => {
    try {
      const report = await migrationStatus(db, migrations);
      const applied = report.migrations.filter((m) => m.state === 'applied').length;
      const healthy = applied === migrations.length && !report.problems;
      return send(
        c,
        healthResponse,
        {
          status: healthy ? 'ok' : 'degraded',
          database: db.kind,
          migrations: {
            total: migrations.length,
            applied,
            pending: migrations.length - applied,
            problems: report.problems,
          },
        },
        healthy ? 200 : 503,
      );
    } catch (error) {
      const denied = permissionError(error);
      console.error(`api: GET /health: ${describeError(error)}`);
      return send(
        c,
        healthResponse,
        {
          status: 'unavailable',
          database: db.kind,
          message: denied ? denied.toLine() : 'the database does not answer',
        },
        503,
      );
    }
  });

  const auth = authenticate(db, jwtSecret);
  app.use('/accounts/*', auth);
  app.use('/conversations/*', auth);

  /** Owners may act on their account; staff with the scope may act on any. */
  async function authorizeAccount(
    c: Context<Env>,
    accountId: string,
    scope: InternalAccessScope,
    options: { ownerAllowed: boolean } = { ownerAllowed: true },
  ): Promise<Response | undefined> {
    const ownerId = await accountOwnerId(db.db, accountId);
    if (!ownerId) return fail(c, 404, { error: 'not_found', message: 'no such account' });
    const userId = c.get('userId');
    if (options.ownerAllowed && ownerId === userId) return undefined;
    if (await hasInternalAccess(db.db, userId, scope)) return undefined;
    return fail(c, 403, {
      error: 'forbidden',
      message: options.ownerAllowed
        ? 'the account belongs to another user'
        : `this needs internal access with the ${scope} scope`,
      scope,
    });
  }

  /** Either side's owner may read a conversation; staff need the conversations scope. */
  async function authorizeConversation(
    c: Context<Env>,
    conversationId: string,
  ): Promise<Response | undefined> {
    const participants = await conversationParticipants(db.db, conversationId);
    if (!participants) {
      return fail(c, 404, { error: 'not_found', message: 'no such conversation' });
    }
    const owners = await Promise.all(
      [participants.accountAId, participants.accountBId].map((id) => accountOwnerId(db.db, id)),
    );
    const userId = c.get('userId');
    if (owners.includes(userId)) return undefined;
    if (await hasInternalAccess(db.db, userId, 'conversations')) return undefined;
    return fail(c, 403, {
      error: 'forbidden',
      message: 'the conversation is not one of your accounts',
      scope: 'conversations',
    });
  }

  app.get(
    '/accounts/:id/conversations',
    input('param', idParam),
    input('query', conversationsQuery),
    async (c) => {
      const { id } = c.req.valid('param');
      const denied = await authorizeAccount(c, id, 'conversations');
      if (denied) return denied;
      const summaries = await listConversations(db.db, {
        accountId: id,
        limit: c.req.valid('query').limit,
      });
      return send(c, conversationsResponse, {
        conversations: summaries.map((summary) => ({
          ...summary.conversation,
          counterpartAccountId: summary.counterpartAccountId,
          unreadCount: summary.unreadCount,
        })),
      });
    },
  );

  app.get(
    '/conversations/:id/messages',
    input('param', idParam),
    input('query', messagesQuery),
    async (c) => {
      const { id } = c.req.valid('param');
      const denied = await authorizeConversation(c, id);
      if (denied) return denied;
      const { limit, cursor } = c.req.valid('query');
      const page = await listMessages(db.db, { conversationId: id, limit, cursor });
      return send(c, messagesResponse, page);
    },
  );

  app.post(
    '/conversations/:id/messages',
    input('param', idParam),
    input('json', postMessageBody),
    async (c) => {
      const { id } = c.req.valid('param');
      const body = c.req.valid('json');
      if (!(await conversationParticipants(db.db, id))) {
        return fail(c, 404, { error: 'not_found', message: 'no such conversation' });
      }
      const senderOwnerId = await accountOwnerId(db.db, body.senderAccountId);
      if (!senderOwnerId) {
        return fail(c, 404, { error: 'not_found', message: 'no such sender account' });
      }
      if (senderOwnerId !== c.get('userId')) {
        return fail(c, 403, {
          error: 'forbidden',
          message: 'messages are sent from an account you own',
        });
      }
      const result = await appendMessage(db.db, {
        conversationId: id,
        senderAccountId: body.senderAccountId,
        content: body.content,
        type: body.type,
        generatedBy: body.generatedBy,
      });
      switch (result.kind) {
        case 'appended':
          return send(c, messageCreatedResponse, { message: result.message }, 201);
        case 'conversation_not_found':
          return fail(c, 404, { error: 'not_found', message: 'no such conversation' });
        case 'not_participant':
          return fail(c, 403, {
            error: 'not_participant',
            message: 'the sender is not part of this conversation',
          });
      }
    },
  );

  app.get('/accounts/:id/credits', input('param', idParam), async (c) => {
    const { id } = c.req.valid('param');
    const denied = await authorizeAccount(c, id, 'credits');
    if (denied) return denied;
    return send(c, creditsResponse, {
      accountId: id,
      balance: await readCreditsBalance(db.db, id),
    });
  });

  app.post(
    '/accounts/:id/credits/grants',
    input('param', idParam),
    input('json', grantBody),
    async (c) => {
      const { id } = c.req.valid('param');
      const denied = await authorizeAccount(c, id, 'credits', { ownerAllowed: false });
      if (denied) return denied;
      const body = c.req.valid('json');
      const result = await grantCredits(db.db, {
        accountId: id,
        amount: body.amount,
        reason: body.reason,
        idempotencyKey: body.idempotencyKey,
        grantedBy: c.get('userId'),
      });
      if (result.kind === 'account_not_found') {
        return fail(c, 404, { error: 'not_found', message: 'no such account' });
      }
      if (result.kind === 'idempotency_key_conflict') {
        return fail(c, 409, {
          error: 'idempotency_key_conflict',
          message: 'the idempotency key was already used for another request; use a new key',
        });
      }
      if (result.kind === 'balance_overflow') {
        return fail(c, 400, {
          error: 'invalid_input',
          message: `the grant would take the balance past ${result.maxBalance} credits`,
          balance: result.balance,
        });
      }
      const duplicate = result.kind === 'already_granted';
      return send(
        c,
        grantResponse,
        { balance: result.balance, entry: result.entry, duplicate },
        duplicate ? 200 : 201,
      );
    },
  );

  app.post(
    '/conversations/:id/ai-sessions',
    input('param', idParam),
    input('json', gatingBody),
    async (c) => {
      const { id } = c.req.valid('param');
      const body = c.req.valid('json');
      if (!(await conversationParticipants(db.db, id))) {
        return fail(c, 404, { error: 'not_found', message: 'no such conversation' });
      }
      const denied = await authorizeAccount(c, body.accountId, 'credits');
      if (denied) return denied;
      const result = await applyCreditsGating(db.db, {
        accountId: body.accountId,
        conversationId: id,
        featureKey: body.featureKey,
        engine: body.engine,
        model: body.model,
        idempotencyKey: body.idempotencyKey,
      });
      switch (result.kind) {
        case 'session':
          return send(
            c,
            gatingResponse,
            { session: result.session, charged: result.charged, balance: result.balance },
            result.charged ? 201 : 200,
          );
        case 'insufficient_credits':
          return fail(c, 402, {
            error: 'insufficient_credits',
            message: `the session costs ${result.required} credits and the balance is ${result.balance}`,
            balance: result.balance,
            required: result.required,
          });
        case 'no_policy':
          return fail(c, 422, {
            error: 'no_policy',
            message: 'no active credits policy prices this feature, engine and model',
          });
        case 'conversation_not_found':
          return fail(c, 403, {
            error: 'not_participant',
            message: 'the account is not part of this conversation',
          });
        case 'idempotency_key_conflict':
          return fail(c, 409, {
            error: 'idempotency_key_conflict',
            message: 'the idempotency key was already used for another request; use a new key',
          });
      }
    },
  );

  app.post(
    '/accounts/:id/deletion',
    input('param', idParam),
    input('json', deletionBody),
    async (c) => {
      const { id } = c.req.valid('param');
      const denied = await authorizeAccount(c, id, 'deletion');
      if (denied) return denied;
      const result = await requestAccountDeletion(db.db, {
        accountId: id,
        requesterUserId: c.get('userId'),
        reason: c.req.valid('json').reason,
      });
      switch (result.kind) {
        case 'requested':
        case 'already_requested':
          return send(
            c,
            deletionResponse,
            { job: result.job, alreadyRequested: result.kind === 'already_requested' },
            result.kind === 'requested' ? 202 : 200,
          );
        case 'protected':
          return fail(c, 409, {
            error: 'account_protected',
            message: `the account is protected and cannot be deleted (${result.reason})`,
          });
        case 'account_not_found':
          return fail(c, 404, { error: 'not_found', message: 'no such account' });
      }
    },
  );

  return app;
}
