import { relations, sql } from 'drizzle-orm';
import { check, index, integer, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { id, moment, reference, rowSchemas, timestamps } from '../columns.ts';
import { conversationChannelEnum, conversationStatusEnum } from './constants.ts';
import { messages } from './messages.ts';
import { relationships } from './relationships.ts';

export const conversations = pgTable(
  'conversations',
  {
    id: id(),
    relationshipId: uuid('relationship_id').notNull(),
    channel: conversationChannelEnum('channel').notNull().default('web'),
    status: conversationStatusEnum('status').notNull().default('active'),
    lastMessageAt: moment('last_message_at'),
    lastMessageText: text('last_message_text'),
    unreadCountA: integer('unread_count_a').notNull().default(0),
    unreadCountB: integer('unread_count_b').notNull().default(0),
    ...timestamps(),
  },
  (t) => [
    ...reference(t.relationshipId, () => relationships.id, 'cascade', { indexed: false }),
    // Hot query: an account's conversations (through its relationships) by recency.
    index('conversations_relationship_last_message_idx').on(
      t.relationshipId,
      t.lastMessageAt.desc(),
    ),
    check(
      'conversations_unread_counts_check',
      sql`${t.unreadCountA} >= 0 and ${t.unreadCountB} >= 0`,
    ),
  ],
);

export const conversationsRelations = relations(conversations, ({ one, many }) => ({
  relationship: one(relationships, {
    fields: [conversations.relationshipId],
    references: [relationships.id],
  }),
  messages: many(messages),
}));

export type Conversation = typeof conversations.$inferSelect;
export type NewConversation = typeof conversations.$inferInsert;

export const conversationSchemas = rowSchemas(conversations);
