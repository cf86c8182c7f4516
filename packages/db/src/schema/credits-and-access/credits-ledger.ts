import { relations, sql } from 'drizzle-orm';
import {
  check,
  index,
  integer,
  jsonb,
  pgTable,
  uniqueIndex,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';
import { accounts } from '../chat/accounts.ts';
import { conversations } from '../chat/conversations.ts';
import { createdAt, id, reference, rowSchemas } from '../columns.ts';
import { creditsConversationSessions } from './credits-conversation-sessions.ts';
import { creditsWallets } from './credits-wallets.ts';

export type CreditsLedgerMetadata = Record<string, unknown>;

/** Append-only: every change of a wallet's balance, positive for grants, negative for spends. */
export const creditsLedger = pgTable(
  'credits_ledger',
  {
    id: id(),
    /**
     * Restrict: a wallet with history cannot be deleted on its own. Deleting the account still
     * works, because its cascade removes the wallet and the ledger rows in the same statement.
     */
    /** Null on rows the original writes: its ledger inserts name the account, not a wallet. */
    walletId: uuid('wallet_id'),
    accountId: uuid('account_id').notNull(),
    delta: integer('delta').notNull(),
    entryType: varchar('entry_type', { length: 30 }).notNull(),
    featureKey: varchar('feature_key', { length: 100 }),
    engine: varchar('engine', { length: 100 }),
    model: varchar('model', { length: 200 }),
    /** The money history outlives the conversation and the session (set null). */
    conversationId: uuid('conversation_id'),
    sessionId: uuid('session_id'),
    /** Null for entries that need none; retries reuse the key: `on conflict do nothing`. */
    idempotencyKey: varchar('idempotency_key', { length: 200 }),
    /**
     * sha256 (hex) of the request that used the idempotency key: a reuse of the key with other
     * parameters is a conflict, not a replay. Null for rows written before it existed.
     */
    requestFingerprint: varchar('request_fingerprint', { length: 64 }),
    metadata: jsonb('metadata').$type<CreditsLedgerMetadata>().notNull().default({}),
    createdAt: createdAt(),
  },
  (t) => [
    ...reference(t.walletId, () => creditsWallets.id, 'restrict', { indexed: false }),
    ...reference(t.accountId, () => accounts.id, 'cascade'),
    ...reference(t.conversationId, () => conversations.id, 'set null'),
    ...reference(t.sessionId, () => creditsConversationSessions.id, 'set null'),
    // Hot query: a wallet's history, newest first.
    index('credits_ledger_wallet_created_idx').on(t.walletId, t.createdAt.desc()),
    uniqueIndex('credits_ledger_wallet_idempotency_key').on(t.walletId, t.idempotencyKey),
    // Grants and refunds never take away, spends and expiries never add; other entry types go
    // either way. Zero passes: the original spends a policy's cost, and a cost may be 0.
    check(
      'credits_ledger_delta_sign_check',
      // In PostgreSQL's rendering of its own rendering (a fixed point), so converge sees it equal.
      sql`(((entry_type)::text = ANY (ARRAY[('grant'::character varying)::text, ('refund'::character varying)::text])) AND (delta >= 0)) OR (((entry_type)::text = ANY (ARRAY[('spend'::character varying)::text, ('expiry'::character varying)::text])) AND (delta <= 0)) OR ((entry_type)::text <> ALL (ARRAY[('grant'::character varying)::text, ('refund'::character varying)::text, ('spend'::character varying)::text, ('expiry'::character varying)::text]))`,
    ),
  ],
);

export const creditsLedgerRelations = relations(creditsLedger, ({ one }) => ({
  wallet: one(creditsWallets, {
    fields: [creditsLedger.walletId],
    references: [creditsWallets.id],
  }),
  account: one(accounts, { fields: [creditsLedger.accountId], references: [accounts.id] }),
  conversation: one(conversations, {
    fields: [creditsLedger.conversationId],
    references: [conversations.id],
  }),
  session: one(creditsConversationSessions, {
    fields: [creditsLedger.sessionId],
    references: [creditsConversationSessions.id],
  }),
}));

export type CreditsLedgerEntry = typeof creditsLedger.$inferSelect;
export type NewCreditsLedgerEntry = typeof creditsLedger.$inferInsert;

export const creditsLedgerEntrySchemas = rowSchemas(creditsLedger);
