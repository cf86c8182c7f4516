/**
 * Credits:
 * - GET /accounts/:id/credits (the balance; owners and the credits scope);
 * - POST /accounts/:id/credits/grants (the credits scope only, even for owners; once per
 *   idempotency key and request);
 * - POST /conversations/:id/ai-sessions (credits gating: opens or reuses a paid AI session).
 */
import { applyCreditsGating, grantCredits, readCreditsBalance } from '@fluxcore/db';
import { Hono } from 'hono';
import { authorization } from '../access.ts';
import { refusals } from '../errors.ts';
import { type Env, fail, input, send } from '../respond.ts';
import {
  creditsResponse,
  gatingBody,
  gatingResponse,
  grantBody,
  grantResponse,
  idParam,
} from '../schemas.ts';
import type { Tenancy } from '../tenancy.ts';

export function creditsRoutes({ db }: { db: Tenancy }): Hono<Env> {
  const { account, requireAccount } = authorization(db);
  return new Hono<Env>()
    .get('/accounts/:id/credits', input('param', idParam), requireAccount('credits'), async (c) => {
      const { id } = c.req.valid('param');
      const balance = await db.as(id, (tx) => readCreditsBalance(tx, id));
      return send(c, creditsResponse, { accountId: id, balance });
    })
    .post(
      '/accounts/:id/credits/grants',
      input('param', idParam),
      input('json', grantBody),
      requireAccount('credits', { ownerAllowed: false }),
      async (c) => {
        const body = c.req.valid('json');
        const accountId = c.req.valid('param').id;
        const result = await db.as(accountId, (tx) =>
          grantCredits(tx, {
            accountId,
            amount: body.amount,
            reason: body.reason,
            idempotencyKey: body.idempotencyKey,
            grantedBy: c.get('userId'),
          }),
        );
        switch (result.kind) {
          case 'account_not_found':
            return fail(c, refusals.notFound('account'));
          case 'idempotency_key_conflict':
            return fail(c, refusals.idempotencyKeyConflict());
          case 'balance_overflow':
            return fail(
              c,
              refusals.invalidInput(
                `the grant would take the balance past ${result.maxBalance} credits`,
                { balance: result.balance },
              ),
            );
        }
        const duplicate = result.kind === 'already_granted';
        return send(
          c,
          grantResponse,
          { balance: result.balance, entry: result.entry, duplicate },
          duplicate ? 200 : 201,
        );
      },
    )
    .post(
      '/conversations/:id/ai-sessions',
      input('param', idParam),
      input('json', gatingBody),
      async (c) => {
        const { id } = c.req.valid('param');
        const body = c.req.valid('json');
        const denied = await account(c.get('userId'), body.accountId, 'credits');
        if (denied) return fail(c, denied);
        const result = await db.as(body.accountId, (tx) =>
          applyCreditsGating(tx, {
            accountId: body.accountId,
            conversationId: id,
            featureKey: body.featureKey,
            engine: body.engine,
            model: body.model,
            idempotencyKey: body.idempotencyKey,
          }),
        );
        switch (result.kind) {
          case 'session':
            return send(
              c,
              gatingResponse,
              { session: result.session, charged: result.charged, balance: result.balance },
              result.charged ? 201 : 200,
            );
          case 'insufficient_credits':
            return fail(c, refusals.insufficientCredits(result.balance, result.required));
          case 'no_policy':
            return fail(c, refusals.noPolicy());
          // Alike for a conversation that does not exist and one of other accounts.
          case 'conversation_not_found':
            return fail(c, refusals.notFound('conversation'));
          case 'idempotency_key_conflict':
            return fail(c, refusals.idempotencyKeyConflict());
        }
      },
    );
}
