/**
 * Who is calling and what they may do.
 * - `authenticate`: the caller is the `sub` of a verified bearer JWT (HS256, the configured
 *   secret, an `exp` at most the maximum lifetime after its `iat`) naming a user; nothing a
 *   client sets freely (a header, a body field) names it.
 * - `authorization`: the caller owns the account (accounts.owner_user_id), or has internal
 *   access for the route's scope; a conversation is read by either side's owner or by staff
 *   with the conversations scope. `requireAccount` and `requireConversation` are the same
 *   checks as route middlewares on the validated `:id`. A conversation the caller may not see
 *   is a 404, exactly as one that does not exist: the answer never tells whether it exists.
 */
import {
  accountOwnerId,
  conversationTenants,
  hasInternalAccess,
  type InternalAccessScope,
  userExists,
} from '@fluxcore/db';
import type { MiddlewareHandler } from 'hono';
import { verify } from 'hono/jwt';
import { refusals } from './errors.ts';
import { type Env, fail, type Refusal } from './respond.ts';
import { uuid } from './schemas.ts';
import type { Tenancy } from './tenancy.ts';

/** RFC 9110: the scheme is case-insensitive (`bearer`, `BEARER`). */
const bearer = /^Bearer +([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)$/i;

/**
 * How long a token lives, in seconds: from its `iat` (or now, without one) to its `exp`.
 * Undefined without an `exp`: such a token would be valid for ever.
 */
function lifetimeOf(payload: { exp?: unknown; iat?: unknown }): number | undefined {
  if (typeof payload.exp !== 'number' || !Number.isFinite(payload.exp)) return undefined;
  const from = typeof payload.iat === 'number' ? payload.iat : Date.now() / 1000;
  return payload.exp - from;
}

/**
 * Reads the caller from a verified bearer token; 401 without one, and for a token with no
 * `exp` or one that lives longer than `maxLifetimeS` (a leaked token must not work for ever).
 */
export function authenticate(
  db: Tenancy,
  secret: string,
  maxLifetimeS: number,
): MiddlewareHandler<Env> {
  return async (c, next) => {
    const match = bearer.exec(c.req.header('authorization') ?? '');
    if (!match?.[1]) {
      return fail(
        c,
        refusals.unauthorized('a bearer token is required (Authorization: Bearer <jwt>)'),
      );
    }
    let payload: { sub?: unknown; exp?: unknown; iat?: unknown };
    try {
      payload = await verify(match[1], secret, 'HS256');
    } catch {
      return fail(c, refusals.unauthorized('the token is invalid or expired'));
    }
    const lifetime = lifetimeOf(payload);
    if (lifetime === undefined) {
      return fail(c, refusals.unauthorized('the token has no expiry (exp); sign it with one'));
    }
    if (lifetime > maxLifetimeS) {
      return fail(
        c,
        refusals.unauthorized(
          `the token lives longer than ${maxLifetimeS} s (FLUXCORE_JWT_MAX_LIFETIME_S); sign a shorter one`,
        ),
      );
    }
    const userId = uuid().safeParse(payload.sub);
    if (!userId.success) return fail(c, refusals.unauthorized('the token names no user'));
    if (!(await db.none((tx) => userExists(tx, userId.data)))) {
      return fail(c, refusals.unauthorized('the token names an unknown user'));
    }
    c.set('userId', userId.data);
    await next();
  };
}

type OnId = MiddlewareHandler<Env, string, { out: { param: { id: string } } }>;

/**
 * A check as a route middleware on the route's validated `:id`: its refusal, or on with the
 * account the request acts for (the tenant) set.
 */
function guard(check: (userId: string, id: string) => Promise<Refusal | { tenant: string }>): OnId {
  return async (c, next) => {
    const outcome = await check(c.get('userId'), c.req.valid('param').id);
    if (!('tenant' in outcome)) return fail(c, outcome);
    c.set('tenant', outcome.tenant);
    await next();
  };
}

export interface AccountRule {
  /** False when only internal access will do, even for the account's owner. */
  ownerAllowed: boolean;
}

/** The checks, each a refusal or undefined (allowed), each as the account it is about. */
export function authorization(db: Tenancy) {
  /** Owners may act on their account; staff with the scope may act on any. */
  async function account(
    userId: string,
    accountId: string,
    scope: InternalAccessScope,
    rule: AccountRule = { ownerAllowed: true },
  ): Promise<Refusal | undefined> {
    const { ownerId, staff } = await db.as(accountId, async (tx) => ({
      ownerId: await accountOwnerId(tx, accountId),
      staff: await hasInternalAccess(tx, userId, scope),
    }));
    if (!ownerId) return refusals.notFound('account');
    if (rule.ownerAllowed && ownerId === userId) return undefined;
    if (staff) return undefined;
    return refusals.forbidden(
      rule.ownerAllowed
        ? 'the account belongs to another user'
        : `this needs internal access with the ${scope} scope`,
      scope,
    );
  }

  /**
   * Either side's owner may read a conversation, as their side; staff need the conversations
   * scope, and read as the first side.
   */
  async function conversation(
    userId: string,
    conversationId: string,
  ): Promise<Refusal | { tenant: string }> {
    const participants = await db.none((tx) => conversationTenants(tx, conversationId));
    if (!participants) return refusals.notFound('conversation');
    const sides = [participants.accountAId, participants.accountBId];
    const owners = await Promise.all(sides.map((id) => db.as(id, (tx) => accountOwnerId(tx, id))));
    const own = sides.find((_, i) => owners[i] === userId);
    if (own) return { tenant: own };
    if (await db.none((tx) => hasInternalAccess(tx, userId, 'conversations'))) {
      return { tenant: participants.accountAId };
    }
    // The same answer as for an id that exists nowhere: a 403 would tell any signed-in user
    // that another account's conversation exists.
    return refusals.notFound('conversation');
  }

  /** The caller may act on the account the route's validated `:id` names (the tenant). */
  const requireAccount = (scope: InternalAccessScope, rule?: AccountRule) =>
    guard(async (userId, id) => (await account(userId, id, scope, rule)) ?? { tenant: id });
  /** The caller may read the conversation the route's validated `:id` names. */
  const requireConversation = guard(conversation);

  return { account, conversation, requireAccount, requireConversation };
}
