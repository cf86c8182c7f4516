import {
  foreignKey,
  index,
  jsonb,
  pgTable,
  real,
  timestamp,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';
import { accounts } from '../chat/accounts.ts';
import { conversations } from '../chat/conversations.ts';
import { relationships } from '../chat/relationships.ts';
import { aiTraces } from './ai-traces.ts';

export const aiSignals = pgTable(
  'ai_signals',
  {
    id: uuid('id').defaultRandom().primaryKey(),
    traceId: uuid('trace_id').notNull(),
    accountId: uuid('account_id').notNull(),
    conversationId: uuid('conversation_id'),
    relationshipId: uuid('relationship_id'),
    signalType: varchar('signal_type', { length: 30 }).notNull(),
    signalValue: varchar('signal_value', { length: 100 }).notNull(),
    confidence: real('confidence').default(1),
    metadata: jsonb('metadata'),
    createdAt: timestamp('created_at', { withTimezone: true }).defaultNow().notNull(),
  },
  (table) => [
    index('ai_signals_trace_id_idx').on(table.traceId),
    index('ai_signals_relationship_id_idx').on(table.relationshipId),
    index('idx_ai_signals_account').on(table.accountId),
    index('idx_ai_signals_conversation').on(table.conversationId),
    index('idx_ai_signals_created_at').on(table.createdAt),
    index('idx_ai_signals_type_value').on(table.signalType, table.signalValue),
    foreignKey({
      columns: [table.accountId],
      foreignColumns: [accounts.id],
      name: 'ai_signals_account_id_accounts_id_fk',
    }).onDelete('cascade'),
    foreignKey({
      columns: [table.conversationId],
      foreignColumns: [conversations.id],
      name: 'ai_signals_conversation_id_conversations_id_fk',
    }).onDelete('cascade'),
    foreignKey({
      columns: [table.relationshipId],
      foreignColumns: [relationships.id],
      name: 'ai_signals_relationship_id_relationships_id_fk',
    }).onDelete('set null'),
    foreignKey({
      columns: [table.traceId],
      foreignColumns: [aiTraces.id],
      name: 'ai_signals_trace_id_ai_traces_id_fk',
    }).onDelete('cascade'),
  ],
);

export type AISignal = typeof aiSignals.$inferSelect;
export type NewAISignal = typeof aiSignals.$inferInsert;
