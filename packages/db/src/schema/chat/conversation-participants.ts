import { sql } from 'drizzle-orm';
import {
  check,
  foreignKey,
  index,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';
import { accounts } from './accounts.ts';
import { actors } from './actors.ts';
import { conversations } from './conversations.ts';

export const conversationParticipants = pgTable(
  'conversation_participants',
  {
    id: uuid('id').defaultRandom().primaryKey(),
    conversationId: uuid('conversation_id').notNull(),
    accountId: uuid('account_id').notNull(),
    role: varchar('role', { length: 20 }).default('initiator').notNull(),
    identityType: varchar('identity_type', { length: 20 }).default('registered').notNull(),
    visitorToken: text('visitor_token'),
    subscribedAt: timestamp('subscribed_at', { withTimezone: true }).defaultNow().notNull(),
    unsubscribedAt: timestamp('unsubscribed_at', { withTimezone: true }),
    /** The speaking actor (the original's Drizzle schema at 239c046; no migration file of it). */
    actorId: uuid('actor_id'),
  },
  (table) => [
    index('idx_conversation_participants_account').on(table.accountId),
    index('idx_conversation_participants_conversation').on(table.conversationId),
    index('idx_conversation_participants_token').on(table.visitorToken),
    index('idx_conversation_participants_actor').on(table.actorId),
    foreignKey({
      columns: [table.actorId],
      foreignColumns: [actors.id],
      name: 'conversation_participants_actor_id_actors_id_fk',
    }).onDelete('set null'),
    uniqueIndex('ux_conversation_participants_account').on(table.conversationId, table.accountId),
    foreignKey({
      columns: [table.accountId],
      foreignColumns: [accounts.id],
      name: 'conversation_participants_account_id_accounts_id_fk',
    }).onDelete('cascade'),
    foreignKey({
      columns: [table.conversationId],
      foreignColumns: [conversations.id],
      name: 'conversation_participants_conversation_id_conversations_id_fk',
    }).onDelete('cascade'),
    check(
      'conversation_participants_identity_valid',
      sql`(identity_type)::text = ANY (ARRAY[('registered'::character varying)::text, ('anonymous'::character varying)::text, ('system'::character varying)::text])`,
    ),
    check(
      'conversation_participants_role_valid',
      sql`(role)::text = ANY (ARRAY[('initiator'::character varying)::text, ('recipient'::character varying)::text, ('observer'::character varying)::text])`,
    ),
  ],
);

export type ConversationParticipant = typeof conversationParticipants.$inferSelect;
export type NewConversationParticipant = typeof conversationParticipants.$inferInsert;
