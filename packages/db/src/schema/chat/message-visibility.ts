import { index, pgTable, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { actors } from './actors.ts';
import { messages } from './messages.ts';

/**
 * A message one actor deleted for themself: the message stays, and that actor no longer sees
 * it. No row means visible.
 */
export const messageVisibility = pgTable(
  'message_visibility',
  {
    id: uuid('id').defaultRandom().primaryKey(),
    messageId: uuid('message_id')
      .notNull()
      .references(() => messages.id, { onDelete: 'cascade' }),
    actorId: uuid('actor_id')
      .notNull()
      .references(() => actors.id, { onDelete: 'cascade' }),
    hiddenAt: timestamp('hidden_at', { withTimezone: true }).defaultNow().notNull(),
  },
  (table) => [
    uniqueIndex('ux_message_visibility_message_actor').on(table.messageId, table.actorId),
    index('idx_message_visibility_actor').on(table.actorId),
    index('idx_message_visibility_message').on(table.messageId),
  ],
);

export type MessageVisibility = typeof messageVisibility.$inferSelect;
export type NewMessageVisibility = typeof messageVisibility.$inferInsert;
