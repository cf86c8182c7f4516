import {
  bigint,
  bigserial,
  foreignKey,
  index,
  pgTable,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { messages } from './messages.ts';

export const chatcoreOutbox = pgTable(
  'chatcore_outbox',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    messageId: uuid('message_id').notNull(),
    status: text('status').default('pending').notNull(),
    payload: text('payload').notNull(),
    attempts: bigint('attempts', { mode: 'number' }).default(0).notNull(),
    createdAt: timestamp('created_at').defaultNow().notNull(),
    sentAt: timestamp('sent_at'),
    lastError: text('last_error'),
  },
  (table) => [
    // Row-level security filters on message_id (issue 24): its policy and the audit need an index that leads with it.
    index('chatcore_outbox_message_id_idx').on(table.messageId),
    index('idx_chatcore_outbox_pending').on(table.status, table.createdAt),
    foreignKey({
      columns: [table.messageId],
      foreignColumns: [messages.id],
      name: 'chatcore_outbox_message_id_messages_id_fk',
    }).onDelete('cascade'),
  ],
);

export type ChatcoreOutbox = typeof chatcoreOutbox.$inferSelect;
export type NewChatcoreOutbox = typeof chatcoreOutbox.$inferInsert;
