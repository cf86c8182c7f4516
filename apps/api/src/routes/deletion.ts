/**
 * POST /accounts/:id/deletion: queues the account's deletion job (owners and the deletion
 * scope). 202 queued; 200 already queued; 409 for a protected account (refused and logged).
 */
import { requestAccountDeletion } from '@fluxcore/db';
import { Hono } from 'hono';
import { authorization } from '../access.ts';
import { refusals } from '../errors.ts';
import { type Env, fail, input, send } from '../respond.ts';
import { deletionBody, deletionResponse, idParam } from '../schemas.ts';
import type { Tenancy } from '../tenancy.ts';

export function deletionRoutes({ db }: { db: Tenancy }): Hono<Env> {
  const { requireAccount } = authorization(db);
  return new Hono<Env>().post(
    '/accounts/:id/deletion',
    input('param', idParam),
    input('json', deletionBody),
    requireAccount('deletion'),
    async (c) => {
      const accountId = c.req.valid('param').id;
      const result = await db.as(accountId, (tx) =>
        requestAccountDeletion(tx, {
          accountId,
          requesterUserId: c.get('userId'),
          reason: c.req.valid('json').reason,
        }),
      );
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
          return fail(c, refusals.accountProtected(result.reason));
        case 'account_not_found':
          return fail(c, refusals.notFound('account'));
      }
    },
  );
}
