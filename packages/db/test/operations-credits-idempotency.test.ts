/**
 * Idempotency keys bound to their request (a stored fingerprint), grants past the integer
 * range or the balance's, database errors unwrapped from drizzle's wrapper, and (server only,
 * where calls really overlap) grants and gating calls racing on shared keys: one lock order,
 * so no deadlock, every key charged once, the balance never below zero.
 */
import { beforeAll, describe, expect, test } from 'bun:test';
import {
  createConversation,
  createOwnedAccount,
  createPayer,
  databaseKinds,
  useMigratedDatabase,
} from '@fluxcore/db/testing';
import { count, eq, sql, sum } from 'drizzle-orm';
import type { Database } from '../src/connection/client.ts';
import { databaseErrorOf, describeError } from '../src/errors/database-errors.ts';
import { FluxDbError } from '../src/errors/flux-db-error.ts';
import { applyCreditsGating, type CreditsGatingResult } from '../src/operations/credits/gating.ts';
import {
  type GrantCreditsResult,
  grantCredits,
  maxCreditsBalance,
  readCreditsBalance,
} from '../src/operations/credits/wallet.ts';
import { baseCreditsPolicies } from '../src/operations/seed/credits-policies.ts';
import { creditsConversationSessions, creditsLedger, creditsWallets } from '../src/schema/index.ts';

const [openai, groq] = baseCreditsPolicies;
if (!openai || !groq) throw new Error('the seed has two base policies');

async function ledgerOf(db: Database, accountId: string) {
  const [row] = await db
    .select({ total: sum(creditsLedger.delta).mapWith(Number), rows: count() })
    .from(creditsLedger)
    .where(eq(creditsLedger.accountId, accountId));
  return { total: row?.total ?? 0, rows: row?.rows ?? 0 };
}

async function sessionsOf(db: Database, accountId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(creditsConversationSessions)
    .where(eq(creditsConversationSessions.accountId, accountId));
  return row?.n ?? 0;
}

describe.each(databaseKinds)('idempotency keys and amounts on the %s database', (kind) => {
  const migrated = useMigratedDatabase(kind);
  let db: Database;
  beforeAll(() => {
    db = migrated.db;
  });

  const payer = (credits: number) => createPayer(db, credits);

  test('a grant key reused with another amount or reason is a conflict and changes nothing', async () => {
    const { account } = await payer(0);
    const grant = { accountId: account.id, amount: 5, reason: 'welcome', idempotencyKey: 'g1' };
    expect(await grantCredits(db, grant)).toMatchObject({ kind: 'granted', balance: 5 });
    expect(await grantCredits(db, { ...grant, amount: 500 })).toEqual({
      kind: 'idempotency_key_conflict',
    });
    expect(await grantCredits(db, { ...grant, reason: 'bonus' })).toEqual({
      kind: 'idempotency_key_conflict',
    });
    // Who grants is not part of the request: a retry by another operator is a replay.
    expect(await grantCredits(db, { ...grant, grantedBy: undefined })).toMatchObject({
      kind: 'already_granted',
      balance: 5,
    });
    expect(await readCreditsBalance(db, account.id)).toBe(5);
    expect(await ledgerOf(db, account.id)).toEqual({ total: 5, rows: 1 });
    const [row] = await db
      .select({ fingerprint: creditsLedger.requestFingerprint })
      .from(creditsLedger)
      .where(eq(creditsLedger.accountId, account.id));
    expect(row?.fingerprint).toMatch(/^[0-9a-f]{64}$/);
  });

  test('a gating key reused on another conversation, engine, model or feature is a conflict', async () => {
    const { account, conversation } = await payer(10);
    const { conversation: other } = await createConversation(
      db,
      account.id,
      (await createOwnedAccount(db, 'other')).account.id,
    );
    const request = {
      accountId: account.id,
      conversationId: conversation.id,
      engine: openai.engine,
      model: openai.model,
      idempotencyKey: 'k1',
    };
    expect(await applyCreditsGating(db, request)).toMatchObject({ charged: true, balance: 9 });
    const before = await ledgerOf(db, account.id);
    const conflicts = [
      { ...request, conversationId: other.id },
      { ...request, engine: groq.engine, model: groq.model },
      { ...request, model: groq.model },
      { ...request, featureKey: 'ai.other' },
      // A grant under the key of a spend.
    ];
    for (const attempt of conflicts) {
      expect(await applyCreditsGating(db, attempt)).toEqual({ kind: 'idempotency_key_conflict' });
    }
    expect(
      await grantCredits(db, {
        accountId: account.id,
        amount: 1,
        reason: 'x',
        idempotencyKey: 'k1',
      }),
    ).toEqual({ kind: 'idempotency_key_conflict' });
    // The same request (ids in another case are the same ids) replays.
    expect(
      await applyCreditsGating(db, { ...request, conversationId: conversation.id.toUpperCase() }),
    ).toMatchObject({ kind: 'session', charged: false, balance: 9 });
    expect(await ledgerOf(db, account.id)).toEqual(before);
    expect(await sessionsOf(db, account.id)).toBe(1);
  });

  test('a key that reused a session is bound to its request: on another conversation it is a conflict', async () => {
    const { account, conversation } = await payer(5);
    const third = await createOwnedAccount(db, 'third');
    const other = await createConversation(db, account.id, third.account.id);
    const on = (conversationId: string, idempotencyKey: string) =>
      applyCreditsGating(db, {
        accountId: account.id,
        conversationId,
        engine: openai.engine,
        model: openai.model,
        idempotencyKey,
      });
    const opened = await on(conversation.id, 'k1');
    expect(opened).toMatchObject({ kind: 'session', charged: true, balance: 4 });
    const reused = await on(conversation.id, 'k2');
    expect(reused).toMatchObject({ kind: 'session', charged: false, balance: 4 });
    // k2 named a request on the first conversation: anything else under it is refused.
    expect(await on(other.conversation.id, 'k2')).toEqual({ kind: 'idempotency_key_conflict' });
    // The same request again is a replay of the session it got.
    const again = await on(conversation.id, 'k2');
    expect(again).toMatchObject({ kind: 'session', charged: false, balance: 4 });
    if (opened.kind === 'session' && again.kind === 'session') {
      expect(again.session.id).toBe(opened.session.id);
    }
    expect(await ledgerOf(db, account.id)).toEqual({ total: 4, rows: 2 });
    expect(await sessionsOf(db, account.id)).toBe(1);
    // Nor may a grant use it.
    expect(
      await grantCredits(db, {
        accountId: account.id,
        amount: 1,
        reason: 'k2 again',
        idempotencyKey: 'k2',
      }),
    ).toEqual({ kind: 'idempotency_key_conflict' });
    // A key never seen still opens a session on the other conversation.
    expect(await on(other.conversation.id, 'k3')).toMatchObject({ charged: true, balance: 3 });
  });

  test('a row written before fingerprints existed is judged by its own columns', async () => {
    const { account, conversation } = await payer(10);
    const request = {
      accountId: account.id,
      conversationId: conversation.id,
      engine: openai.engine,
      model: openai.model,
      idempotencyKey: 'old',
    };
    await applyCreditsGating(db, request);
    await grantCredits(db, { accountId: account.id, amount: 3, reason: 'r', idempotencyKey: 'og' });
    await db
      .update(creditsLedger)
      .set({ requestFingerprint: null })
      .where(eq(creditsLedger.accountId, account.id));
    expect(await applyCreditsGating(db, request)).toMatchObject({ charged: false, balance: 12 });
    expect(await applyCreditsGating(db, { ...request, model: groq.model })).toEqual({
      kind: 'idempotency_key_conflict',
    });
    expect(
      await grantCredits(db, {
        accountId: account.id,
        amount: 3,
        reason: 'r',
        idempotencyKey: 'og',
      }),
    ).toMatchObject({ kind: 'already_granted' });
    expect(
      await grantCredits(db, {
        accountId: account.id,
        amount: 4,
        reason: 'r',
        idempotencyKey: 'og',
      }),
    ).toEqual({ kind: 'idempotency_key_conflict' });
    expect(await ledgerOf(db, account.id)).toEqual({ total: 12, rows: 3 });
  });

  test('amounts outside 1..2^31-1 are a FluxDbError, and no row is written', async () => {
    const { account } = await payer(0);
    for (const amount of [2 ** 31, 2 ** 53, 0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY]) {
      const attempt = grantCredits(db, {
        accountId: account.id,
        amount,
        reason: 'r',
        idempotencyKey: `a${amount}`,
      });
      await expect(attempt).rejects.toBeInstanceOf(FluxDbError);
      await expect(attempt).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    }
    expect(await ledgerOf(db, account.id)).toEqual({ total: 0, rows: 0 });
  });

  test('a grant that would overflow the balance is refused and changes nothing', async () => {
    const { account } = await payer(0);
    const base = { accountId: account.id, reason: 'big' };
    expect(
      await grantCredits(db, { ...base, amount: maxCreditsBalance - 5, idempotencyKey: 'b1' }),
    ).toMatchObject({ kind: 'granted', balance: maxCreditsBalance - 5 });
    expect(await grantCredits(db, { ...base, amount: 10, idempotencyKey: 'b2' })).toEqual({
      kind: 'balance_overflow',
      balance: maxCreditsBalance - 5,
      maxBalance: maxCreditsBalance,
    });
    expect(await grantCredits(db, { ...base, amount: 5, idempotencyKey: 'b3' })).toMatchObject({
      kind: 'granted',
      balance: maxCreditsBalance,
    });
    expect(await ledgerOf(db, account.id)).toEqual({ total: maxCreditsBalance, rows: 2 });
  });

  test('a database error is found under drizzle’s wrapper, and described without SQL or values', async () => {
    const { account } = await payer(1);
    const [wallet] = await db
      .select()
      .from(creditsWallets)
      .where(eq(creditsWallets.accountId, account.id));
    const secret = 'secret-value-7f3a';
    let caught: unknown;
    try {
      await db.insert(creditsLedger).values({
        walletId: wallet?.id ?? '',
        accountId: account.id,
        delta: 5,
        entryType: 'spend',
        idempotencyKey: secret,
      });
    } catch (error) {
      caught = error;
    }
    // drizzle keeps the SQLSTATE on `.cause`, not on the error it throws.
    expect((caught as { code?: unknown }).code).toBeUndefined();
    expect(databaseErrorOf(caught)).toMatchObject({
      code: '23514',
      constraint: 'credits_ledger_delta_sign_check',
    });
    const line = describeError(caught);
    // A refused bug is named with its fix (schema/original/tightenings.ts), and no value.
    expect(line).toBe(
      'credits_ledger.delta: grants and refunds are >= 0, spends and expiries <= 0 (database error 23514, constraint credits_ledger_delta_sign_check)',
    );
    expect(line).not.toContain(secret);
    expect(String((caught as Error).message)).toContain(secret);
    const malformed = await db.execute(sql`select ${'not-a-uuid'}::uuid`).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(databaseErrorOf(malformed)?.code).toBe('22P02');
    expect(describeError(malformed)).toBe('database error 22P02');
  });
});

describe.if(databaseKinds.includes('server'))('money paths racing on the server', () => {
  const migrated = useMigratedDatabase('server');
  let db: Database;
  beforeAll(() => {
    db = migrated.db;
  });

  test('100 grants and 100 gating calls sharing their keys: no deadlock, each key used once', async () => {
    const { account } = await createOwnedAccount(db, 'racer');
    await grantCredits(db, { accountId: account.id, amount: 50, reason: 'f', idempotencyKey: 'f' });
    const peers = await Promise.all(
      Array.from({ length: 10 }, (_, i) => createOwnedAccount(db, `peer${i}`)),
    );
    const conversations = await Promise.all(
      peers.map(({ account: peer }) => createConversation(db, account.id, peer.id)),
    );
    const pairs = Array.from({ length: 100 }, (_, i) => `shared-${i}`);
    const settled = await Promise.allSettled(
      pairs.flatMap((key, i) => {
        const grant: Promise<GrantCreditsResult | CreditsGatingResult> = grantCredits(db, {
          accountId: account.id,
          amount: 1,
          reason: 'race',
          idempotencyKey: key,
        });
        const gate = applyCreditsGating(db, {
          accountId: account.id,
          conversationId: conversations[i % conversations.length]?.conversation.id ?? '',
          engine: openai.engine,
          model: openai.model,
          idempotencyKey: key,
        });
        // Alternate which one starts first.
        return i % 2 ? [grant, gate] : [gate, grant];
      }),
    );
    const failures = settled.flatMap((r) =>
      r.status === 'rejected' ? [describeError(r.reason)] : [],
    );
    expect(failures).toEqual([]);
    const kinds = settled.map((r) => (r.status === 'fulfilled' ? r.value.kind : 'failed'));
    const granted = kinds.filter((k) => k === 'granted').length;
    const charged = settled.filter(
      (r) => r.status === 'fulfilled' && r.value.kind === 'session' && r.value.charged,
    ).length;
    const conflicts = kinds.filter((k) => k === 'idempotency_key_conflict').length;
    // Each key went to exactly one of its two callers; the other got a conflict or reused
    // the conversation's live session (which writes no ledger row for its key).
    const keyed = await db
      .select({ key: creditsLedger.idempotencyKey, n: count() })
      .from(creditsLedger)
      .where(eq(creditsLedger.accountId, account.id))
      .groupBy(creditsLedger.idempotencyKey);
    expect(keyed.every((row) => row.n === 1)).toBe(true);
    expect(granted + charged + conflicts).toBeLessThanOrEqual(200);
    expect(granted + charged).toBe(keyed.length - 1);
    const ledger = await ledgerOf(db, account.id);
    const balance = await readCreditsBalance(db, account.id);
    expect(balance).toBe(ledger.total);
    expect(balance).toBeGreaterThanOrEqual(0);
    expect(balance).toBe(50 + granted - charged * openai.costCredits);
    // One live session per conversation, however the calls interleaved.
    expect(await sessionsOf(db, account.id)).toBe(charged);
    expect(charged).toBeLessThanOrEqual(conversations.length);
  }, 120_000);

  test('40 concurrent gating calls with one key on two conversations: one charge, the rest replay or conflict', async () => {
    const { account } = await createOwnedAccount(db, 'keyed');
    await grantCredits(db, { accountId: account.id, amount: 10, reason: 'f', idempotencyKey: 'f' });
    const [a, b] = await Promise.all(
      [0, 1].map(async (i) =>
        createConversation(db, account.id, (await createOwnedAccount(db, `p${i}`)).account.id),
      ),
    );
    const results = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        applyCreditsGating(db, {
          accountId: account.id,
          conversationId: (i % 2 ? a : b)?.conversation.id ?? '',
          engine: openai.engine,
          model: openai.model,
          idempotencyKey: 'one-key',
        }),
      ),
    );
    const charged = results.filter((r) => r.kind === 'session' && r.charged);
    const replays = results.filter((r) => r.kind === 'session' && !r.charged);
    const conflicts = results.filter((r) => r.kind === 'idempotency_key_conflict');
    expect(charged).toHaveLength(1);
    expect(replays).toHaveLength(19);
    expect(conflicts).toHaveLength(20);
    expect(await readCreditsBalance(db, account.id)).toBe(10 - openai.costCredits);
    expect(await sessionsOf(db, account.id)).toBe(1);
  }, 120_000);
});
