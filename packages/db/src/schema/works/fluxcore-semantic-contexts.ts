import {
  foreignKey,
  index,
  jsonb,
  pgTable,
  text,
  timestamp,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';
import { accounts } from '../chat/accounts.ts';
import { fluxcoreWorks } from './fluxcore-works.ts';

export const fluxcoreSemanticContexts = pgTable(
  'fluxcore_semantic_contexts',
  {
    id: uuid('id').defaultRandom().primaryKey(),
    accountId: uuid('account_id').notNull(),
    workId: uuid('work_id'),
    conversationId: varchar('conversation_id', { length: 255 }).notNull(),
    slotPath: text('slot_path').notNull(),
    proposedValue: jsonb('proposed_value').notNull(),
    requestMessageId: uuid('request_message_id'),
    requestEventId: uuid('request_event_id'),
    status: varchar('status', { length: 20 }).notNull(),
    consumedAt: timestamp('consumed_at'),
    consumedByWorkId: uuid('consumed_by_work_id'),
    consumedByMessageId: uuid('consumed_by_message_id'),
    expiresAt: timestamp('expires_at').notNull(),
    createdAt: timestamp('created_at').defaultNow().notNull(),
  },
  (table) => [
    index('fluxcore_semantic_contexts_work_id_idx').on(table.workId),
    index('fluxcore_semantic_contexts_acc_conv_status_idx').on(
      table.accountId,
      table.conversationId,
      table.status,
    ),
    foreignKey({
      columns: [table.accountId],
      foreignColumns: [accounts.id],
      name: 'fluxcore_semantic_contexts_account_id_accounts_id_fk',
    }),
    foreignKey({
      columns: [table.workId],
      foreignColumns: [fluxcoreWorks.id],
      name: 'fluxcore_semantic_contexts_work_id_fluxcore_works_id_fk',
    }),
  ],
);

export type FluxcoreSemanticContext = typeof fluxcoreSemanticContexts.$inferSelect;
export type NewFluxcoreSemanticContext = typeof fluxcoreSemanticContexts.$inferInsert;
