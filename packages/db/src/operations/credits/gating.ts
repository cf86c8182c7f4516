/**
 * Credits gating: before an AI feature runs on a conversation, find a live paid session or
 * open one by paying the feature's policy price. The whole decision is one statement, the
 * SQL function `fluxcore_apply_credits_gating` that the migration credits_gating_function
 * ships: one round trip, and nothing for the client to build or map but one row.
 */
import { eq, getTableColumns, sql } from 'drizzle-orm';
import { PgTimestamp } from 'drizzle-orm/pg-core';
import type { Database, Transaction } from '../../connection/client.ts';
import { preparedMapped } from '../../connection/prepared.ts';
import { rawRows } from '../../connection/raw-rows.ts';
import {
  aiSessionFeatureKey,
  type CreditsConversationSession,
  creditsConversationSessions,
} from '../../schema/index.ts';
import { gatingFingerprint } from './fingerprint.ts';
import { readCreditsBalance } from './wallet.ts';

export interface CreditsGatingParams {
  accountId: string;
  conversationId: string;
  /** Defaults to the one key the seeded policies use. */
  featureKey?: string;
  engine: string;
  model: string;
  /**
   * Names this request: calls that reuse the key with the same parameters (retries,
   * concurrent duplicates) are charged at most once and get the session the first one opened;
   * a reuse with other parameters is a conflict.
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

interface GatingRow {
  outcome: CreditsGatingResult['kind'];
  session: Record<string, unknown> | null;
  charged: boolean;
  balance: number;
  required: number;
}

/** SQL column name → property name and whether it holds a timestamp, read once from the table. */
const sessionColumns = Object.entries(getTableColumns(creditsConversationSessions)).map(
  ([property, column]) => ({ property, name: column.name, moment: is(column) }),
);

function is(column: unknown): boolean {
  return column instanceof PgTimestamp;
}

/** The function's `to_jsonb(session)` as the row drizzle would have returned. */
function toSession(json: Record<string, unknown>): CreditsConversationSession {
  const session: Record<string, unknown> = {};
  for (const column of sessionColumns) {
    const value = json[column.name];
    session[column.property] =
      column.moment && typeof value === 'string' ? new Date(value) : (value ?? null);
  }
  return session as CreditsConversationSession;
}

/** The one statement, its values drizzle placeholders: a named prepared statement. */
const gatingCall = {
  toSQL: () => ({
    sql: 'select outcome, session, charged, balance, required from fluxcore_apply_credits_gating($1::uuid, $2::uuid, $3, $4, $5, $6, $7)',
    params: [
      'accountId',
      'conversationId',
      'featureKey',
      'engine',
      'model',
      'key',
      'fingerprint',
    ].map((name) => sql.placeholder(name)),
  }),
};

/** The function's one row, from its array (in the select list's order). */
function toGatingRow(rows: unknown[][]): GatingRow | undefined {
  const row = rows[0];
  if (!row) return undefined;
  return {
    outcome: row[0] as GatingRow['outcome'],
    session: row[1] as GatingRow['session'],
    charged: row[2] as boolean,
    balance: row[3] as number,
    required: row[4] as number,
  };
}

/**
 * Reuses a live session (not expired, under its token budget) of this account, conversation,
 * feature, engine and model; otherwise pays the active policy's cost, if the balance covers
 * it, and opens a session with a `spend` ledger row.
 *
 * Race safety (inside the function):
 * - the payer's wallet row is locked first (grants take it too: one lock order), then a
 *   transaction advisory lock on (conversation, feature), so two calls never both open a
 *   session and never deadlock with a grant;
 * - the debit happens under the wallet lock and only when the balance covers it, so a wallet
 *   never goes below zero (its check constraint stays as the last guard);
 * - the spend row carries the idempotency key (unique per wallet) and the request's
 *   fingerprint: a call that waited for the wallet row sees the first call's row, and
 *   replays its session only when it asks for the same thing.
 */
export async function applyCreditsGating(
  db: Database | Transaction,
  params: CreditsGatingParams,
): Promise<CreditsGatingResult> {
  const featureKey = params.featureKey ?? aiSessionFeatureKey;
  const key = params.idempotencyKey ?? null;
  if (key === null) return gate(db, { ...params, featureKey }, null, null);
  const fingerprint = gatingFingerprint({ ...params, featureKey });
  return db.transaction(async (tx) => {
    // The payer's wallet row first: the lock order of every money path (the function takes it
    // again), so a key is looked up and recorded by one call at a time.
    await tx.execute(
      sql`select 1 from credits_wallets where account_id = ${params.accountId} for update`,
    );
    const earlier = await reusedUnder(tx, params.accountId, key);
    if (earlier) return replay(tx, earlier, fingerprint, params.accountId);
    const result = await gate(tx, { ...params, featureKey }, key, fingerprint);
    if (result.kind === 'session' && !result.charged) {
      await recordReuse(tx, result.session.id, key, fingerprint);
    }
    return result;
  });
}

/**
 * A key that reused a session is recorded on the spend row that paid for the session
 * (metadata.reuseKeys: key → fingerprint; the ledger's own idempotency_key holds the key that
 * paid), unless the key is that row's own. Without it, a key that got a reused session could be
 * spent again on another request. A session with no spend row (a free policy) records nothing.
 */
async function recordReuse(
  tx: Transaction,
  sessionId: string,
  key: string,
  fingerprint: string,
): Promise<void> {
  await tx.execute(sql`
    update credits_ledger l
       set metadata = jsonb_set(l.metadata, '{reuseKeys}',
             coalesce(l.metadata->'reuseKeys', '{}'::jsonb) || jsonb_build_object(${key}::text, ${fingerprint}::text))
     where l.session_id = ${sessionId} and l.entry_type = 'spend'
       and not exists (select 1 from credits_ledger k
                        where k.wallet_id = l.wallet_id and k.idempotency_key = ${key})`);
}

/** The session a key reused before, with the fingerprint of that request. */
async function reusedUnder(
  tx: Transaction,
  accountId: string,
  key: string,
): Promise<{ sessionId: string | null; fingerprint: string } | undefined> {
  const [row] = await rawRows<{ sessionId: string | null; fingerprint: string }>(
    tx,
    sql`select l.session_id as "sessionId", l.metadata->'reuseKeys'->>${key}::text as "fingerprint"
          from credits_ledger l
         where l.account_id = ${accountId} and l.entry_type = 'spend'
           and l.metadata->'reuseKeys'->>${key}::text is not null
         limit 1`,
  );
  return row;
}

/** The same request again gets the session it reused; another request under the key, 409. */
async function replay(
  tx: Transaction,
  earlier: { sessionId: string | null; fingerprint: string },
  fingerprint: string,
  accountId: string,
): Promise<CreditsGatingResult> {
  if (earlier.fingerprint !== fingerprint) return { kind: 'idempotency_key_conflict' };
  const [session] = earlier.sessionId
    ? await tx
        .select()
        .from(creditsConversationSessions)
        .where(eq(creditsConversationSessions.id, earlier.sessionId))
    : [];
  // The money history outlives the session (set null): nothing to return, as the function says.
  if (!session) return { kind: 'conversation_not_found' };
  return {
    kind: 'session',
    session,
    charged: false,
    balance: await readCreditsBalance(tx, accountId),
  };
}

/** The one statement. */
async function gate(
  db: Database | Transaction,
  params: CreditsGatingParams & { featureKey: string },
  key: string | null,
  fingerprint: string | null,
): Promise<CreditsGatingResult> {
  const row = await preparedMapped(
    db,
    'fluxcore_apply_credits_gating',
    () => gatingCall,
    toGatingRow,
  ).execute({
    accountId: params.accountId,
    conversationId: params.conversationId,
    featureKey: params.featureKey,
    engine: params.engine,
    model: params.model,
    key,
    fingerprint,
  });
  if (!row) throw new Error('fluxcore_apply_credits_gating returned no row');
  switch (row.outcome) {
    case 'session':
      if (!row.session) throw new Error('fluxcore_apply_credits_gating returned no session');
      return {
        kind: 'session',
        session: toSession(row.session),
        charged: row.charged,
        balance: row.balance,
      };
    case 'insufficient_credits':
      return { kind: 'insufficient_credits', balance: row.balance, required: row.required };
    case 'no_policy':
    case 'conversation_not_found':
    case 'idempotency_key_conflict':
      return { kind: row.outcome };
  }
}
