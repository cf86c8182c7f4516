import { relations, sql } from 'drizzle-orm';
import { check, index, integer, pgTable, uuid, varchar } from 'drizzle-orm/pg-core';
import { accounts } from '../chat/accounts.ts';
import { conversations } from '../chat/conversations.ts';
import { id, moment, reference, rowSchemas, timestamps } from '../columns.ts';
import { creditsLedger } from './credits-ledger.ts';

/** A paid AI session on one conversation, valid until expires_at. */
export const creditsConversationSessions = pgTable(
  'credits_conversation_sessions',
  {
    id: id(),
    accountId: uuid('account_id').notNull(),
    conversationId: uuid('conversation_id').notNull(),
    featureKey: varchar('feature_key', { length: 100 }).notNull(),
    engine: varchar('engine', { length: 100 }).notNull(),
    model: varchar('model', { length: 200 }).notNull(),
    costCredits: integer('cost_credits').notNull(),
    tokenBudget: integer('token_budget').notNull(),
    /** May overshoot token_budget: the last reply is counted after it is generated. */
    tokensUsed: integer('tokens_used').notNull().default(0),
    expiresAt: moment('expires_at').notNull(),
    ...timestamps(),
  },
  (t) => [
    ...reference(t.accountId, () => accounts.id, 'cascade', { indexed: false }),
    ...reference(t.conversationId, () => conversations.id, 'cascade'),
    // Hot query: the live session for (account, conversation, feature).
    index('credits_conversation_sessions_live_idx').on(
      t.accountId,
      t.conversationId,
      t.featureKey,
      t.expiresAt.desc(),
    ),
    check('credits_conversation_sessions_cost_check', sql`${t.costCredits} >= 0`),
    check('credits_conversation_sessions_token_budget_check', sql`${t.tokenBudget} >= 0`),
    check('credits_conversation_sessions_tokens_used_check', sql`${t.tokensUsed} >= 0`),
  ],
);

export const creditsConversationSessionsRelations = relations(
  creditsConversationSessions,
  ({ one, many }) => ({
    account: one(accounts, {
      fields: [creditsConversationSessions.accountId],
      references: [accounts.id],
    }),
    conversation: one(conversations, {
      fields: [creditsConversationSessions.conversationId],
      references: [conversations.id],
    }),
    ledgerEntries: many(creditsLedger),
  }),
);

export type CreditsConversationSession = typeof creditsConversationSessions.$inferSelect;
export type NewCreditsConversationSession = typeof creditsConversationSessions.$inferInsert;

export const creditsConversationSessionSchemas = rowSchemas(creditsConversationSessions);
