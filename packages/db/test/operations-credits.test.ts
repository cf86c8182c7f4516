/**
 * Credits (grants, gating) and internal access, called directly on both databases. The
 * concurrent cases (200 gating calls on one wallet, 50 calls with one key) run through the API
 * in apps/api/test/credits.test.ts; here the same guarantees are shown call by call.
 */
import { beforeAll, describe, expect, test } from 'bun:test';
import {
  createConversation,
  createOwnedAccount,
  createPayer,
  createUser,
  databaseKinds,
  useMigratedDatabase,
} from '@fluxcore/db/testing';
import { eq, sql, sum } from 'drizzle-orm';
import type { Database } from '../src/connection/client.ts';
import {
  grantInternalAccess,
  hasInternalAccess,
  revokeInternalAccess,
  scopesAllow,
} from '../src/operations/access/internal-access.ts';
import { applyCreditsGating } from '../src/operations/credits/gating.ts';
import { grantCredits, readCreditsBalance } from '../src/operations/credits/wallet.ts';
import { baseCreditsPolicies } from '../src/operations/seed/credits-policies.ts';
import {
  aiSessionFeatureKey,
  creditsConversationSessions,
  creditsLedger,
  creditsPolicies,
  creditsWallets,
} from '../src/schema/index.ts';

const [openai] = baseCreditsPolicies;
const engine = openai.engine;
const model = openai.model;

async function ledgerSum(db: Database, accountId: string): Promise<number> {
  const [row] = await db
    .select({ total: sum(creditsLedger.delta).mapWith(Number) })
    .from(creditsLedger)
    .where(eq(creditsLedger.accountId, accountId));
  return row?.total ?? 0;
}

describe.each(databaseKinds)('credits and internal access on the %s database', (kind) => {
  const migrated = useMigratedDatabase(kind);
  let db: Database;
  beforeAll(() => {
    db = migrated.db;
  });

  const payer = (credits: number) =>
    createPayer(db, credits, { reason: 'test', idempotencyKey: 'initial' });

  test('the seeded policies use the one exported feature key', async () => {
    const keys = await db
      .selectDistinct({ featureKey: creditsPolicies.featureKey })
      .from(creditsPolicies);
    expect(keys).toEqual([{ featureKey: aiSessionFeatureKey }]);
  });

  test('a grant is applied once per idempotency key', async () => {
    const { account } = await payer(0);
    const params = { accountId: account.id, amount: 7, reason: 'welcome', idempotencyKey: 'k1' };
    const first = await grantCredits(db, params);
    const again = await grantCredits(db, params);
    expect(first).toMatchObject({ kind: 'granted', balance: 7 });
    expect(again).toMatchObject({ kind: 'already_granted', balance: 7 });
    if (first.kind === 'granted' && again.kind === 'already_granted') {
      expect(again.entry.id).toBe(first.entry.id);
    }
    await grantCredits(db, { ...params, idempotencyKey: 'k2', amount: 3 });
    expect(await readCreditsBalance(db, account.id)).toBe(10);
    expect(await ledgerSum(db, account.id)).toBe(10);
    expect(
      await grantCredits(db, { ...params, accountId: '3f1c2a4e-8b7d-4c6e-9a5b-1d2e3f4a5b6c' }),
    ).toEqual({ kind: 'account_not_found' });
  });

  test('gating charges once, then reuses the live session', async () => {
    const { account, conversation } = await payer(3);
    const request = { accountId: account.id, conversationId: conversation.id, engine, model };
    const opened = await applyCreditsGating(db, request);
    expect(opened).toMatchObject({ kind: 'session', charged: true, balance: 2 });
    const reused = await applyCreditsGating(db, request);
    expect(reused).toMatchObject({ kind: 'session', charged: false, balance: 2 });
    if (opened.kind === 'session' && reused.kind === 'session') {
      expect(reused.session.id).toBe(opened.session.id);
      expect(opened.session.featureKey).toBe(aiSessionFeatureKey);
      expect(opened.session.tokenBudget).toBe(openai.tokenBudget);
      const hours =
        (opened.session.expiresAt.getTime() - opened.session.createdAt.getTime()) / 36e5;
      expect(hours).toBeCloseTo(openai.durationHours, 3);
    }
    expect(await ledgerSum(db, account.id)).toBe(2);
  });

  test('an expired session, or one past its token budget, is paid for again', async () => {
    const { account, conversation } = await payer(5);
    const request = { accountId: account.id, conversationId: conversation.id, engine, model };
    const first = await applyCreditsGating(db, request);
    if (first.kind !== 'session') throw new Error('expected a session');
    await db
      .update(creditsConversationSessions)
      .set({ expiresAt: sql`now() - interval '1 second'` })
      .where(eq(creditsConversationSessions.id, first.session.id));
    const second = await applyCreditsGating(db, request);
    expect(second).toMatchObject({ kind: 'session', charged: true, balance: 3 });
    if (second.kind !== 'session') throw new Error('expected a session');
    await db
      .update(creditsConversationSessions)
      .set({ tokensUsed: second.session.tokenBudget })
      .where(eq(creditsConversationSessions.id, second.session.id));
    expect(await applyCreditsGating(db, request)).toMatchObject({ charged: true, balance: 2 });
    expect(await ledgerSum(db, account.id)).toBe(2);
  });

  test('no policy, no wallet and an empty wallet give typed results and charge nothing', async () => {
    const broke = await payer(0);
    const request = {
      accountId: broke.account.id,
      conversationId: broke.conversation.id,
      engine,
      model,
    };
    expect(await applyCreditsGating(db, { ...request, model: 'no-such-model' })).toEqual({
      kind: 'no_policy',
    });
    expect(await applyCreditsGating(db, { ...request, featureKey: 'ai_session' })).toEqual({
      kind: 'no_policy',
    });
    expect(await applyCreditsGating(db, request)).toEqual({
      kind: 'insufficient_credits',
      balance: 0,
      required: openai.costCredits,
    });
    const { account, conversation } = await payer(1);
    await applyCreditsGating(db, {
      ...request,
      accountId: account.id,
      conversationId: conversation.id,
    });
    const { conversation: other } = await createConversation(
      db,
      account.id,
      (await createOwnedAccount(db, 'third')).account.id,
    );
    expect(
      await applyCreditsGating(db, { ...request, accountId: account.id, conversationId: other.id }),
    ).toEqual({ kind: 'insufficient_credits', balance: 0, required: 1 });
    expect(await applyCreditsGating(db, { ...request, conversationId: conversation.id })).toEqual({
      kind: 'conversation_not_found',
    });
    const sessions = await db
      .select({ id: creditsConversationSessions.id })
      .from(creditsConversationSessions)
      .where(eq(creditsConversationSessions.accountId, broke.account.id));
    expect(sessions).toEqual([]);
  });

  test('a replayed idempotency key returns the first session; on another conversation it is a conflict', async () => {
    const { account, peer, conversation } = await payer(5);
    const { conversation: second } = await createConversation(
      db,
      account.id,
      (await createOwnedAccount(db, 'other')).account.id,
    );
    const request = {
      accountId: account.id,
      conversationId: conversation.id,
      engine,
      model,
      idempotencyKey: 'reply-42',
    };
    const first = await applyCreditsGating(db, request);
    const replay = await applyCreditsGating(db, request);
    expect(first).toMatchObject({ kind: 'session', charged: true, balance: 4 });
    expect(replay).toMatchObject({ kind: 'session', charged: false, balance: 4 });
    if (first.kind === 'session' && replay.kind === 'session') {
      expect(replay.session.id).toBe(first.session.id);
    }
    // The key is bound to its request: another conversation is another request.
    expect(await applyCreditsGating(db, { ...request, conversationId: second.id })).toEqual({
      kind: 'idempotency_key_conflict',
    });
    // The key namespace is the wallet's: a grant's key cannot be replayed as a session.
    expect(
      await applyCreditsGating(db, {
        ...request,
        conversationId: second.id,
        idempotencyKey: 'initial',
      }),
    ).toEqual({ kind: 'idempotency_key_conflict' });
    expect(peer.id).not.toBe(account.id);
    expect(await ledgerSum(db, account.id)).toBe(4);
  });

  test('sequential calls on a wallet that covers 5 open exactly 5 sessions and stop at 0', async () => {
    const { account } = await payer(5);
    const results = [];
    for (let i = 0; i < 20; i += 1) {
      const { account: peer } = await createOwnedAccount(db, `p${i}`);
      const { conversation } = await createConversation(db, account.id, peer.id);
      results.push(
        await applyCreditsGating(db, {
          accountId: account.id,
          conversationId: conversation.id,
          engine,
          model,
        }),
      );
    }
    expect(results.filter((r) => r.kind === 'session')).toHaveLength(5);
    expect(results.filter((r) => r.kind === 'insufficient_credits')).toHaveLength(15);
    const [wallet] = await db
      .select({ balance: creditsWallets.balance })
      .from(creditsWallets)
      .where(eq(creditsWallets.accountId, account.id));
    expect(wallet?.balance).toBe(0);
    expect(await ledgerSum(db, account.id)).toBe(0);
  });

  test('internal access: an explicit scope wins over "*", which covers the rest', async () => {
    const staff = await createUser(db, { name: 'staff' });
    const nobody = await createUser(db, { name: 'nobody' });
    expect(await hasInternalAccess(db, nobody.id, 'credits')).toBe(false);
    await grantInternalAccess(db, { userId: staff.id, scope: 'credits' });
    expect(await hasInternalAccess(db, staff.id, 'credits')).toBe(true);
    expect(await hasInternalAccess(db, staff.id, 'deletion')).toBe(false);
    await grantInternalAccess(db, { userId: staff.id, scope: '*' });
    expect(await hasInternalAccess(db, staff.id, 'deletion')).toBe(true);
    const scopes = await revokeInternalAccess(db, { userId: staff.id, scope: 'deletion' });
    expect(scopes).toEqual({ credits: true, '*': true, deletion: false });
    expect(await hasInternalAccess(db, staff.id, 'deletion')).toBe(false);
    expect(await hasInternalAccess(db, staff.id, 'conversations')).toBe(true);
    await revokeInternalAccess(db, { userId: staff.id, scope: '*' });
    expect(await hasInternalAccess(db, staff.id, 'conversations')).toBe(false);
    expect(await hasInternalAccess(db, staff.id, 'credits')).toBe(true);
    // Only own keys count: "constructor" is no scope anyone was given.
    expect(scopesAllow({ '*': false }, 'constructor')).toBe(false);
  });
});
