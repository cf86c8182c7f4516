import {
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';
import { accounts } from '../chat/accounts.ts';
import { conversations } from '../chat/conversations.ts';
import { messages } from '../chat/messages.ts';

export const aiTraces = pgTable(
  'ai_traces',
  {
    id: uuid('id').defaultRandom().primaryKey(),
    accountId: uuid('account_id').notNull(),
    conversationId: uuid('conversation_id'),
    messageId: uuid('message_id'),
    runtime: varchar('runtime', { length: 20 }).notNull(),
    provider: varchar('provider', { length: 20 }).notNull(),
    model: varchar('model', { length: 100 }).notNull(),
    mode: varchar('mode', { length: 20 }).notNull(),
    startedAt: timestamp('started_at', { withTimezone: true }).defaultNow().notNull(),
    completedAt: timestamp('completed_at', { withTimezone: true }),
    durationMs: integer('duration_ms'),
    promptTokens: integer('prompt_tokens').default(0),
    completionTokens: integer('completion_tokens').default(0),
    totalTokens: integer('total_tokens').default(0),
    requestBody: jsonb('request_body'),
    responseContent: text('response_content'),
    toolsOffered: jsonb('tools_offered').default([]),
    toolsCalled: jsonb('tools_called').default([]),
    toolDetails: jsonb('tool_details'),
    attempts: jsonb('attempts'),
    createdAt: timestamp('created_at', { withTimezone: true }).defaultNow().notNull(),
  },
  (table) => [
    index('ai_traces_message_id_idx').on(table.messageId),
    index('idx_ai_traces_account').on(table.accountId),
    index('idx_ai_traces_conversation').on(table.conversationId),
    index('idx_ai_traces_created_at').on(table.createdAt),
    foreignKey({
      columns: [table.accountId],
      foreignColumns: [accounts.id],
      name: 'ai_traces_account_id_accounts_id_fk',
    }).onDelete('cascade'),
    foreignKey({
      columns: [table.conversationId],
      foreignColumns: [conversations.id],
      name: 'ai_traces_conversation_id_conversations_id_fk',
    }).onDelete('cascade'),
    foreignKey({
      columns: [table.messageId],
      foreignColumns: [messages.id],
      name: 'ai_traces_message_id_messages_id_fk',
    }).onDelete('set null'),
  ],
);

export type AITrace = typeof aiTraces.$inferSelect;
export type NewAITrace = typeof aiTraces.$inferInsert;
