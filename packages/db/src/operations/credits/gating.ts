/**
 * Credits gating: before an AI feature runs on a conversation, find a live paid session or
 * open one by paying the feature's policy price. The whole decision is one statement, the
 * SQL function `fluxcore_apply_credits_gating` that the migration credits_gating_function
 * ships: one round trip, and nothing for the client to build or map but one row.
 */
import { getTableColumns, sql } from 'drizzle-orm';
import { PgTimestamp } from 'drizzle-orm/pg-core';
import type { Database, Transaction } from '../../client.ts';
import { preparedMapped } from '../../prepared.ts';
import {
  aiSessionFeatureKey,
  type CreditsConversationSession,
  creditsConversationSessions,
} from '../../schema/index.ts';
import { gatingFingerprint } from './fingerprint.ts';

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
  const fingerprint = key === null ? null : gatingFingerprint({ ...params, featureKey });
  const row = await preparedMapped(
    db,
    'fluxcore_apply_credits_gating',
    () => gatingCall,
    toGatingRow,
  ).execute({
    accountId: params.accountId,
    conversationId: params.conversationId,
    featureKey,
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
