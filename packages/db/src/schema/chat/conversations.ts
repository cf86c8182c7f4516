import { relations, sql } from 'drizzle-orm';
import {
  check,
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
import { id, moment, reference, rowSchemas, timestamps } from '../columns.ts';
import { accounts } from './accounts.ts';
import { conversationChannelEnum, conversationStatusEnum } from './constants.ts';
import { messages } from './messages.ts';
import { relationships } from './relationships.ts';

export const conversations = pgTable(
  'conversations',
  {
    id: id(),
    /** Null for the May lineage's widget threads, which have no relationship. */
    relationshipId: uuid('relationship_id'),
    channel: conversationChannelEnum('channel').notNull().default('web'),
    status: conversationStatusEnum('status').notNull().default('active'),
    lastMessageAt: moment('last_message_at'),
    lastMessageText: text('last_message_text'),
    unreadCountA: integer('unread_count_a').notNull().default(0),
    unreadCountB: integer('unread_count_b').notNull().default(0),
    // The May lineage (046_conversations_owner_account and the widget threads).
    conversationType: varchar('conversation_type', { length: 32 }).notNull().default('internal'),
    ownerAccountId: uuid('owner_account_id'),
    visitorToken: text('visitor_token'),
    identityLinkedAt: timestamp('identity_linked_at', { withTimezone: true }),
    frozenAt: timestamp('frozen_at'),
    frozenReason: text('frozen_reason'),
    metadata: jsonb('metadata').$type<Record<string, unknown>>().notNull().default({}),
    ...timestamps(),
  },
  (t) => [
    ...reference(t.relationshipId, () => relationships.id, 'cascade', { indexed: false }),
    // Hot query: an account's conversations (through its relationships) by recency.
    index('conversations_relationship_last_message_idx').on(
      t.relationshipId,
      t.lastMessageAt.desc(),
    ),
    foreignKey({
      name: 'conversations_owner_account_id_fkey',
      columns: [t.ownerAccountId],
      foreignColumns: [accounts.id],
    }),
    index('idx_conversations_owner_account')
      .on(t.ownerAccountId)
      .where(sql`${t.ownerAccountId} is not null`),
    index('idx_conversations_visitor_token').on(t.visitorToken),
    // The original's own closed set (May's conversation_type_valid).
    check(
      'conversation_type_valid',
      // In PostgreSQL's rendering of its own rendering (a fixed point), so audit and converge see it equal.
      sql`(conversation_type)::text = ANY (ARRAY[('internal'::character varying)::text, ('anonymous_thread'::character varying)::text, ('external'::character varying)::text])`,
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
