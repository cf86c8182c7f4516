import {
  foreignKey,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';
import { accounts } from '../chat/accounts.ts';
import { conversations } from '../chat/conversations.ts';

export const aiSuggestions = pgTable(
  'ai_suggestions',
  {
    id: uuid('id').defaultRandom().primaryKey(),
    conversationId: uuid('conversation_id').notNull(),
    accountId: uuid('account_id').notNull(),
    content: text('content').notNull(),
    model: varchar('model', { length: 100 }).notNull(),
    provider: varchar('provider', { length: 20 }),
    baseUrl: varchar('base_url', { length: 255 }),
    traceId: uuid('trace_id'),
    status: varchar('status', { length: 20 }).default('pending').notNull(),
    promptTokens: integer('prompt_tokens').default(0),
    completionTokens: integer('completion_tokens').default(0),
    totalTokens: integer('total_tokens').default(0),
    generatedAt: timestamp('generated_at', { withTimezone: true }).defaultNow().notNull(),
    respondedAt: timestamp('responded_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).defaultNow().notNull(),
  },
  (table) => [
    index('idx_ai_suggestions_account').on(table.accountId),
    index('idx_ai_suggestions_conversation').on(table.conversationId),
    index('idx_ai_suggestions_created_at').on(table.createdAt),
    index('idx_ai_suggestions_status').on(table.status),
    foreignKey({
      columns: [table.accountId],
      foreignColumns: [accounts.id],
      name: 'ai_suggestions_account_id_accounts_id_fk',
    }).onDelete('cascade'),
    foreignKey({
      columns: [table.conversationId],
      foreignColumns: [conversations.id],
      name: 'ai_suggestions_conversation_id_conversations_id_fk',
    }).onDelete('cascade'),
  ],
);

export type AISuggestion = typeof aiSuggestions.$inferSelect;
export type NewAISuggestion = typeof aiSuggestions.$inferInsert;
