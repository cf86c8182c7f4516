/**
 * Credits on both databases: owners read their balance, only the credits scope grants (once
 * per key), and gating opens paid AI sessions: concurrent calls on a wallet that covers a
 * quarter of them, 50 calls with one idempotency key, an unpriced model, an outsider.
 */
import { describe, expect, test } from 'bun:test';
import {
  baseCreditsPolicies,
  grantCredits,
  grantInternalAccess,
  revokeInternalAccess,
} from '@fluxcore/db';
import { creditsLedger, creditsPolicies } from '@fluxcore/db/schema';
import { databaseKinds } from '@fluxcore/db/testing';
import { eq, sql } from 'drizzle-orm';
import { type Json, useApi } from './support.ts';

describe.each(databaseKinds)('credits on the %s database', (kind) => {
  const api = useApi(kind);
  const { call } = api;
  const [{ engine, model }] = baseCreditsPolicies;
  const grant = { amount: 5, reason: 'welcome', idempotencyKey: 'welcome-1' };

  /** An account's owner, and staff with internal access for every scope but credits. */
  async function scene() {
    const owner = await api.person('owner');
    const staff = await api.person('staff');
    const balance = `/accounts/${owner.account.id}/credits`;
    await grantInternalAccess(api.client.db, { userId: staff.user.id, scope: '*' });
    await revokeInternalAccess(api.client.db, { userId: staff.user.id, scope: 'credits' });
    return { owner, staff, balance, grants: `${balance}/grants` };
  }

  test('owners read their balance', async () => {
    const { owner, balance } = await scene();
    expect((await call('GET', balance, { token: owner.token })).body).toEqual({
      accountId: owner.account.id,
      balance: 0,
    });
  });

  test('only the credits scope grants: not the owner, not "*" with credits revoked', async () => {
    const { owner, staff, grants } = await scene();
    expect((await call('POST', grants, { token: owner.token, body: grant })).status).toBe(403);
    expect((await call('POST', grants, { token: staff.token, body: grant })).status).toBe(403);
  });

  test('a grant happens once per key: the same request again is a duplicate', async () => {
    const { owner, staff, balance, grants } = await scene();
    await grantInternalAccess(api.client.db, { userId: staff.user.id, scope: 'credits' });
    const first = await call('POST', grants, { token: staff.token, body: grant });
    const again = await call('POST', grants, { token: staff.token, body: grant });
    expect([first.status, first.body.duplicate, first.body.balance]).toEqual([201, false, 5]);
    expect([again.status, again.body.duplicate, again.body.balance]).toEqual([200, true, 5]);
    expect((again.body.entry as Json).id).toBe((first.body.entry as Json).id);
    expect((await call('GET', balance, { token: owner.token })).body.balance).toBe(5);
  });

  test('a grant to an unknown account is a 404', async () => {
    const { staff } = await scene();
    await grantInternalAccess(api.client.db, { userId: staff.user.id, scope: 'credits' });
    const missing = await call('POST', `/accounts/${crypto.randomUUID()}/credits/grants`, {
      token: staff.token,
      body: grant,
    });
    expect(missing.status).toBe(404);
  });

  // On the server the calls really overlap (a pool of connections); PGlite, one connection,
  // runs them one after another, so there a smaller set shows the same outcome.
  const calls = kind === 'server' ? 200 : 40;
  const covered = calls / 4;

  test(`${calls} concurrent gating calls on a wallet that covers ${covered} open exactly ${covered} sessions`, async () => {
    const payer = await api.person('payer');
    await grantCredits(api.client.db, {
      accountId: payer.account.id,
      amount: covered,
      reason: 'test',
      idempotencyKey: 'funds',
    });
    const conversationIds = await api.manyConversations(payer.account.id, calls);
    const replies = await Promise.all(
      conversationIds.map((id) =>
        call('POST', `/conversations/${id}/ai-sessions`, {
          token: payer.token,
          body: { accountId: payer.account.id, engine, model },
        }),
      ),
    );
    const statuses = replies.map((reply) => reply.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(covered);
    expect(statuses.filter((s) => s === 402)).toHaveLength(calls - covered);
    const balance = await call('GET', `/accounts/${payer.account.id}/credits`, {
      token: payer.token,
    });
    expect(balance.body.balance).toBe(0);
    expect(await api.ledgerSum(payer.account.id)).toBe(0);
    const [sessions] = await api.client.query<{ n: number }>(
      'select count(*)::int as n from credits_conversation_sessions where account_id = $1',
      [payer.account.id],
    );
    expect(Number(sessions?.n)).toBe(covered);
    // A second round reuses the live sessions: nothing more is charged.
    const reuse = await call('POST', `/conversations/${conversationIds[0]}/ai-sessions`, {
      token: payer.token,
      body: { accountId: payer.account.id, engine, model },
    });
    expect([201, 200, 402]).toContain(reuse.status);
    expect(await api.ledgerSum(payer.account.id)).toBe(0);
  }, 60_000);

  test('50 concurrent calls with one idempotency key charge once; the key is bound to its request', async () => {
    const payer = await api.person('payer');
    await grantCredits(api.client.db, {
      accountId: payer.account.id,
      amount: 10,
      reason: 'test',
      idempotencyKey: 'funds',
    });
    const [conversationId, otherId] = await api.manyConversations(payer.account.id, 2);
    const request = { accountId: payer.account.id, engine, model, idempotencyKey: 'reply-7' };
    const replies = await Promise.all(
      Array.from({ length: 50 }, () =>
        call('POST', `/conversations/${conversationId}/ai-sessions`, {
          token: payer.token,
          body: request,
        }),
      ),
    );
    expect(replies.filter((r) => r.status === 201)).toHaveLength(1);
    expect(replies.filter((r) => r.status === 200)).toHaveLength(49);
    const sessionIds = new Set(replies.map((r) => (r.body.session as Json).id));
    expect(sessionIds.size).toBe(1);
    expect(replies.every((r) => r.body.balance === 9)).toBe(true);
    // The same key on another conversation is another request: 409, not a free session.
    const reused = await call('POST', `/conversations/${otherId}/ai-sessions`, {
      token: payer.token,
      body: request,
    });
    expect([reused.status, reused.body.error]).toEqual([409, 'idempotency_key_conflict']);
    const spends = await api.client.db
      .select({ id: creditsLedger.id })
      .from(creditsLedger)
      .where(eq(creditsLedger.idempotencyKey, 'reply-7'));
    expect(spends).toHaveLength(1);
    expect(await api.ledgerSum(payer.account.id)).toBe(9);
  }, 60_000);

  test('gating answers no policy, and refuses accounts outside the conversation', async () => {
    const { one: payer, conversation } = await api.pair('payer', 'other');
    const path = `/conversations/${conversation.id}/ai-sessions`;
    const unpriced = await call('POST', path, {
      token: payer.token,
      body: { accountId: payer.account.id, engine, model: 'unpriced-model' },
    });
    expect([unpriced.status, unpriced.body.error]).toEqual([422, 'no_policy']);
    const stranger = await api.person('stranger');
    const outside = await call('POST', path, {
      token: stranger.token,
      body: { accountId: stranger.account.id, engine, model },
    });
    expect([outside.status, outside.body.error]).toEqual([404, 'not_found']);
    const [row] = await api.client.db
      .select({ n: sql<number>`count(*)::int` })
      .from(creditsPolicies);
    expect(row?.n).toBeGreaterThan(0);
  });
});
