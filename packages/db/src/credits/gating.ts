/**
 * Credits gating: before an AI feature runs on a conversation, find a live paid session or
 * open one by paying the feature's policy price. All of it happens in one transaction.
 */
import { and, eq, gt, lt, sql } from 'drizzle-orm';
import type { Database, Transaction } from '../client.ts';
import {
  aiSessionFeatureKey,
  type CreditsConversationSession,
  conversations,
  creditsConversationSessions,
  creditsLedger,
  creditsPolicies,
  creditsWallets,
  relationships,
} from '../schema/index.ts';
import { entryFingerprint, gatingFingerprint } from './fingerprint.ts';
import { findLedgerEntryByKey, lockWallet, readCreditsBalance } from './wallet.ts';

export interface CreditsGatingParams {
  accountId: string;
  conversationId: string;
  /** Defaults to the one key the seeded policies use. */
  featureKey?: string;
  engine: string;
  model: string;
  /**
   * Names this request: calls that reuse the key (retries, concurrent duplicates) are charged
   * at most once and get the session the first one opened.
   */
  idempotencyKey?: string;
}

export type CreditsGatingResult =
  | {
      kind: 'session';
      session: CreditsConversationSession;
      /** True when this call paid for the session; false when it reused one. */
      charged: boolean;
      balance: number;
    }
  | { kind: 'insufficient_credits'; balance: number; required: number }
  | { kind: 'no_policy' }
  /** The conversation does not exist, or the account is not one of its two sides. */
  | { kind: 'conversation_not_found' }
  /** The wallet used the idempotency key for another request (a grant, or other parameters). */
  | { kind: 'idempotency_key_conflict' };

/** Thrown inside the transaction to roll it back: another call already used the key. */
class IdempotencyKeyTaken extends Error {
  constructor(readonly walletId: string) {
    super('idempotency key already used');
  }
}

/**
 * Reuses a live session (not expired, under its token budget) of this account, conversation,
 * feature, engine and model; otherwise pays the active policy's cost, if the balance covers
 * it, and opens a session with a `spend` ledger row.
 *
 * Race safety:
 * - the debit is `update … set balance = balance - cost where id = $1 and balance >= cost`,
 *   so concurrent calls on one wallet never take it below zero;
 * - every call locks the payer's wallet row first (as grants do: one lock order), then takes
 *   a transaction advisory lock on (conversation, feature), so two calls never both open a
 *   session;
 * - the spend row carries the idempotency key, unique per wallet: a concurrent duplicate's
 *   insert waits for the first to commit, finds the key taken, rolls back its own debit and
 *   returns the first call's session.
 */
export async function applyCreditsGating(
  db: Database | Transaction,
  params: CreditsGatingParams,
): Promise<CreditsGatingResult> {
  const featureKey = params.featureKey ?? aiSessionFeatureKey;
  try {
    return await db.transaction((tx) => gateInTransaction(tx, params, featureKey));
  } catch (error) {
    if (!(error instanceof IdempotencyKeyTaken) || params.idempotencyKey === undefined) throw error;
    const replay = await replayKeyedSession(
      db,
      params.accountId,
      error.walletId,
      params.idempotencyKey,
      gatingFingerprint({ ...params, featureKey }),
    );
    if (!replay) throw new Error('the session of a used idempotency key vanished');
    return replay;
  }
}

async function gateInTransaction(
  tx: Transaction,
  params: CreditsGatingParams,
  featureKey: string,
): Promise<CreditsGatingResult> {
  const [conversation] = await tx
    .select({ id: conversations.id })
    .from(conversations)
    .innerJoin(relationships, eq(relationships.id, conversations.relationshipId))
    .where(
      and(
        eq(conversations.id, params.conversationId),
        sql`${params.accountId}::uuid in (${relationships.accountAId}, ${relationships.accountBId})`,
      ),
    );
  if (!conversation) return { kind: 'conversation_not_found' };

  // One lock order for every money path: the wallet row first (grants take it too), then the
  // conversation's gating lock. No call ever holds the second while it waits for the first.
  const wallet = await lockWallet(tx, params.accountId);
  await tx.execute(
    sql`select pg_advisory_xact_lock(hashtextextended(${`credits-gating:${params.conversationId.toLowerCase()}:${featureKey}`}, 0))`,
  );

  const fingerprint = gatingFingerprint({ ...params, featureKey });
  if (wallet && params.idempotencyKey !== undefined) {
    const replay = await replayKeyedSession(
      tx,
      params.accountId,
      wallet.id,
      params.idempotencyKey,
      fingerprint,
    );
    if (replay) return replay;
  }

  const [live] = await tx
    .select()
    .from(creditsConversationSessions)
    .where(
      and(
        eq(creditsConversationSessions.accountId, params.accountId),
        eq(creditsConversationSessions.conversationId, params.conversationId),
        eq(creditsConversationSessions.featureKey, featureKey),
        eq(creditsConversationSessions.engine, params.engine),
        eq(creditsConversationSessions.model, params.model),
        gt(creditsConversationSessions.expiresAt, sql`now()`),
        lt(creditsConversationSessions.tokensUsed, creditsConversationSessions.tokenBudget),
      ),
    )
    // `nulls last` matches the index's `desc nulls last`, so the index gives the order.
    .orderBy(sql`${creditsConversationSessions.expiresAt} desc nulls last`)
    .limit(1);
  if (live)
    return { kind: 'session', session: live, charged: false, balance: wallet?.balance ?? 0 };

  const [policy] = await tx
    .select()
    .from(creditsPolicies)
    .where(
      and(
        eq(creditsPolicies.featureKey, featureKey),
        eq(creditsPolicies.engine, params.engine),
        eq(creditsPolicies.model, params.model),
        eq(creditsPolicies.active, true),
      ),
    );
  if (!policy) return { kind: 'no_policy' };

  let balance = wallet?.balance ?? 0;
  if (policy.costCredits > 0) {
    if (!wallet) return { kind: 'insufficient_credits', balance: 0, required: policy.costCredits };
    const [debited] = await tx
      .update(creditsWallets)
      .set({ balance: sql`${creditsWallets.balance} - ${policy.costCredits}` })
      .where(
        and(
          eq(creditsWallets.id, wallet.id),
          sql`${creditsWallets.balance} >= ${policy.costCredits}`,
        ),
      )
      .returning({ balance: creditsWallets.balance });
    if (!debited) {
      return {
        kind: 'insufficient_credits',
        balance: await readCreditsBalance(tx, params.accountId),
        required: policy.costCredits,
      };
    }
    balance = debited.balance;
  }

  const [session] = await tx
    .insert(creditsConversationSessions)
    .values({
      accountId: params.accountId,
      conversationId: params.conversationId,
      featureKey,
      engine: params.engine,
      model: params.model,
      costCredits: policy.costCredits,
      tokenBudget: policy.tokenBudget,
      expiresAt: sql`now() + ${policy.durationHours} * interval '1 hour'`,
    })
    .returning();
  if (!session) throw new Error('inserting a credits session returned no row');

  // A free policy moves no credits, so it writes no ledger row (the ledger refuses delta 0).
  if (wallet && policy.costCredits > 0) {
    const [spend] = await tx
      .insert(creditsLedger)
      .values({
        walletId: wallet.id,
        accountId: params.accountId,
        delta: -policy.costCredits,
        entryType: 'spend',
        featureKey,
        engine: params.engine,
        model: params.model,
        conversationId: params.conversationId,
        sessionId: session.id,
        idempotencyKey: params.idempotencyKey ?? null,
        requestFingerprint: params.idempotencyKey === undefined ? null : fingerprint,
        metadata: { policyId: policy.id },
      })
      .onConflictDoNothing({ target: [creditsLedger.walletId, creditsLedger.idempotencyKey] })
      .returning({ id: creditsLedger.id });
    if (!spend) throw new IdempotencyKeyTaken(wallet.id);
  }
  return { kind: 'session', session, charged: true, balance };
}

/**
 * The session a wallet's spend under this key opened, returned without charging again, when
 * the key's request was this one (same fingerprint); a conflict when it was another.
 */
async function replayKeyedSession(
  db: Database | Transaction,
  accountId: string,
  walletId: string,
  idempotencyKey: string,
  fingerprint: string,
): Promise<CreditsGatingResult | undefined> {
  const entry = await findLedgerEntryByKey(db, walletId, idempotencyKey);
  if (!entry) return undefined;
  if (entry.entryType !== 'spend' || entryFingerprint(entry) !== fingerprint) {
    return { kind: 'idempotency_key_conflict' };
  }
  // The money history outlives the session (set null): a replay after the conversation was
  // deleted has nothing to return.
  if (!entry.sessionId) return { kind: 'conversation_not_found' };
  const [session] = await db
    .select()
    .from(creditsConversationSessions)
    .where(eq(creditsConversationSessions.id, entry.sessionId));
  if (!session) return { kind: 'conversation_not_found' };
  return {
    kind: 'session',
    session,
    charged: false,
    balance: await readCreditsBalance(db, accountId),
  };
}
