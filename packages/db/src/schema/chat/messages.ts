import { relations, sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';
import { createdAt, id, reference, rowSchemas } from '../columns.ts';
import { accounts } from './accounts.ts';
import { actors } from './actors.ts';
import { type MediaType, messageGeneratorEnum, messageTypeEnum } from './constants.ts';
import { conversations } from './conversations.ts';
import { mediaAttachments } from './media-attachments.ts';
import { messageEnrichments } from './message-enrichments.ts';
import { users } from './users.ts';

/** A media item of a message; attachmentId names its media_attachments row. */
export type MessageMedia = {
  type: MediaType;
  url: string;
  attachmentId?: string;
  /** The asset it is stored as (the May lineage's assets). */
  assetId?: string;
  filename?: string;
  mimeType?: string;
  size?: number;
  caption?: string;
  waveformData?: number[];
};

export type MessageLocation = { latitude: number; longitude: number; address?: string };

export type MessageButton = { id: string; text: string; action: string };

/** A message's body: always a text (empty for media-only messages), plus optional parts. */
export type MessageContent = {
  text: string;
  media?: MessageMedia[];
  location?: MessageLocation;
  buttons?: MessageButton[];
};

export const messages = pgTable(
  'messages',
  {
    id: id(),
    conversationId: uuid('conversation_id').notNull(),
    senderAccountId: uuid('sender_account_id').notNull(),
    content: jsonb('content').$type<MessageContent>().notNull().default({ text: '' }),
    type: messageTypeEnum('type').notNull(),
    generatedBy: messageGeneratorEnum('generated_by').notNull().default('human'),
    aiApprovedBy: uuid('ai_approved_by'),
    /** Manual script 007. */
    status: varchar('status', { length: 20 }).notNull().default('synced'),
    /** Manual script 008: the actor model. History survives the actor (set null). */
    fromActorId: uuid('from_actor_id'),
    toActorId: uuid('to_actor_id'),
    // The May lineage: versions (048), deletion and overwriting, the signal that made it.
    eventType: varchar('event_type', { length: 20 }).notNull().default('message'),
    parentId: uuid('parent_id'),
    originalId: uuid('original_id'),
    version: integer('version').notNull().default(1),
    isCurrent: boolean('is_current').notNull().default(true),
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
    deletedBy: text('deleted_by'),
    deletedScope: varchar('deleted_scope', { length: 10 }),
    overwrittenAt: timestamp('overwritten_at', { withTimezone: true }),
    overwrittenBy: text('overwritten_by'),
    // The original's Drizzle schema at 239c046 declares them and 048 copies from them; no
    // migration file of it creates them.
    redactedAt: timestamp('redacted_at', { withTimezone: true }),
    redactedBy: text('redacted_by'),
    signalId: bigint('signal_id', { mode: 'number' }),
    metadata: jsonb('metadata').$type<Record<string, unknown>>().notNull().default({}),
    createdAt: createdAt(),
    /**
     * The two accounts of its conversation's relationship (its tenants), carried for
     * row-level security (migration 0059): the policy tests these columns instead of probing
     * the conversation and its relationship on every statement. Triggers keep them: a message
     * written or moved takes its conversation's, and a conversation or relationship changed
     * passes its accounts on. A value written here is replaced by the trigger's, so they
     * cannot be forged; a conversation with no relationship leaves both null (no tenant sees it,
     * as before). No foreign key: a copy, removed with its relationship's cascade.
     */
    tenantAId: uuid('tenant_a_id'),
    tenantBId: uuid('tenant_b_id'),
  },
  (t) => [
    ...reference(t.conversationId, () => conversations.id, 'cascade', { indexed: false }),
    ...reference(t.senderAccountId, () => accounts.id, 'cascade'),
    ...reference(t.aiApprovedBy, () => users.id, 'set null'),
    ...reference(t.fromActorId, () => actors.id, 'set null'),
    ...reference(t.toActorId, () => actors.id, 'set null'),
    // Hot query: a conversation's messages newest first, as keyset pages.
    index('messages_conversation_created_id_idx').on(
      t.conversationId,
      t.createdAt.desc(),
      t.id.desc(),
    ),
    index('idx_messages_parent').on(t.parentId),
    index('idx_messages_original').on(t.originalId),
    uniqueIndex('ux_messages_signal_id').on(t.signalId),
    // The original's own closed set (May's message_deleted_scope_valid).
    check(
      'message_deleted_scope_valid',
      // In PostgreSQL's rendering of its own rendering (a fixed point), so audit and converge see it equal.
      sql`(deleted_scope IS NULL) OR ((deleted_scope)::text = ANY (ARRAY[('self'::character varying)::text, ('all'::character varying)::text]))`,
    ),
  ],
);

export const messagesRelations = relations(messages, ({ one, many }) => ({
  conversation: one(conversations, {
    fields: [messages.conversationId],
    references: [conversations.id],
  }),
  sender: one(accounts, { fields: [messages.senderAccountId], references: [accounts.id] }),
  aiApprover: one(users, { fields: [messages.aiApprovedBy], references: [users.id] }),
  fromActor: one(actors, { fields: [messages.fromActorId], references: [actors.id] }),
  toActor: one(actors, { fields: [messages.toActorId], references: [actors.id] }),
  enrichments: many(messageEnrichments),
  attachments: many(mediaAttachments),
}));

export type Message = typeof messages.$inferSelect;
export type NewMessage = typeof messages.$inferInsert;

export const messageSchemas = rowSchemas(messages);
