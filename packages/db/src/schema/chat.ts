/**
 * Core chat (DOMAIN.md §1): people, accounts, who speaks, the link between two accounts, and
 * the conversations and messages on it. History: Drizzle 0000/0001, then manual scripts 007,
 * 008, 009 and 012, and HITO 16 (actors.extension_id, display_name).
 */
import { relations, sql } from 'drizzle-orm';
import {
  bigint,
  check,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  text,
  uniqueIndex,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';
import { createInsertSchema, createSelectSchema } from 'drizzle-zod';
import { createdAt, id, moment, reference, timestamps } from './columns.ts';

export const accountTypes = ['personal', 'business'] as const;
export type AccountType = (typeof accountTypes)[number];
export const accountTypeEnum = pgEnum('account_type', accountTypes);

/** `builtin_ai` is the original's name for FluxCore's own AI speaking. */
export const actorTypes = ['user', 'account', 'extension', 'system', 'builtin_ai'] as const;
export type ActorType = (typeof actorTypes)[number];
export const actorTypeEnum = pgEnum('actor_type', actorTypes);

export const conversationChannels = [
  'web',
  'whatsapp',
  'instagram',
  'telegram',
  'email',
  'sms',
] as const;
export type ConversationChannel = (typeof conversationChannels)[number];
export const conversationChannelEnum = pgEnum('conversation_channel', conversationChannels);

export const conversationStatuses = ['active', 'archived', 'closed'] as const;
export type ConversationStatus = (typeof conversationStatuses)[number];
export const conversationStatusEnum = pgEnum('conversation_status', conversationStatuses);

export const messageTypes = ['incoming', 'outgoing', 'system'] as const;
export type MessageType = (typeof messageTypes)[number];
export const messageTypeEnum = pgEnum('message_type', messageTypes);

export const messageGenerators = ['human', 'ai', 'automation'] as const;
export type MessageGenerator = (typeof messageGenerators)[number];
export const messageGeneratorEnum = pgEnum('message_generator', messageGenerators);

/** Added by manual script 007. */
/** `local_only`, `pending_backend` and `sent` are the original's offline-first and adapter states. */
export const messageStatuses = [
  'pending',
  'synced',
  'delivered',
  'seen',
  'failed',
  'local_only',
  'pending_backend',
  'sent',
] as const;
export type MessageStatus = (typeof messageStatuses)[number];
export const messageStatusEnum = pgEnum('message_status', messageStatuses);

export const mediaTypes = ['image', 'audio', 'video', 'document', 'sticker', 'location'] as const;
export type MediaType = (typeof mediaTypes)[number];
export const mediaTypeEnum = pgEnum('media_type', mediaTypes);

export type AccountProfile = {
  bio?: string;
  avatarUrl?: string;
  timezone?: string;
  locale?: string;
  [key: string]: unknown;
};

export const users = pgTable(
  'users',
  {
    id: id(),
    email: varchar('email', { length: 320 }).notNull(),
    passwordHash: text('password_hash').notNull(),
    name: varchar('name', { length: 255 }).notNull(),
    ...timestamps(),
  },
  // Emails compare case-insensitively: one account per address, whatever its case.
  (t) => [uniqueIndex('users_email_lower_key').on(sql`lower(${t.email})`)],
);

export const accounts = pgTable(
  'accounts',
  {
    id: id(),
    ownerUserId: uuid('owner_user_id').notNull(),
    username: varchar('username', { length: 100 }).notNull(),
    displayName: varchar('display_name', { length: 255 }).notNull(),
    accountType: accountTypeEnum('account_type').notNull().default('personal'),
    profile: jsonb('profile').$type<AccountProfile>().notNull().default({}),
    privateContext: text('private_context'),
    /** Manual script 009: a contextual alias. */
    alias: varchar('alias', { length: 100 }),
    ...timestamps(),
  },
  (t) => [
    ...reference(t.ownerUserId, () => users.id, 'cascade'),
    uniqueIndex('accounts_username_key').on(t.username),
  ],
);

export const actors = pgTable(
  'actors',
  {
    id: id(),
    userId: uuid('user_id'),
    accountId: uuid('account_id'),
    role: varchar('role', { length: 50 }).notNull().default('member'),
    /** Manual script 008. */
    actorType: actorTypeEnum('actor_type').notNull().default('account'),
    /** HITO 16: set when an extension speaks. */
    extensionId: varchar('extension_id', { length: 200 }),
    displayName: varchar('display_name', { length: 200 }),
    createdAt: createdAt(),
  },
  (t) => [
    ...reference(t.userId, () => users.id, 'cascade'),
    ...reference(t.accountId, () => accounts.id, 'cascade'),
  ],
);

/** How one side of a relationship sees the other: the name it saved, its tags, its state. */
export type RelationshipPerspective = {
  saved_name: string | null;
  tags: string[];
  status: 'active' | 'blocked' | 'archived';
};

/** A note, preference or rule an account wrote about a relationship. */
export type ContextEntry = {
  author_account_id: string;
  content: string;
  type: 'note' | 'preference' | 'rule';
  /** ISO 8601. */
  created_at: string;
};

/** The shared context of a relationship; total_chars caps what is sent to the AI. */
export type RelationshipContext = { entries: ContextEntry[]; total_chars: number };

const newPerspective: RelationshipPerspective = { saved_name: null, tags: [], status: 'active' };

export const relationships = pgTable(
  'relationships',
  {
    id: id(),
    accountAId: uuid('account_a_id').notNull(),
    accountBId: uuid('account_b_id').notNull(),
    perspectiveA: jsonb('perspective_a')
      .$type<RelationshipPerspective>()
      .notNull()
      .default(newPerspective),
    perspectiveB: jsonb('perspective_b')
      .$type<RelationshipPerspective>()
      .notNull()
      .default(newPerspective),
    context: jsonb('context')
      .$type<RelationshipContext>()
      .notNull()
      .default({ entries: [], total_chars: 0 }),
    lastInteraction: moment('last_interaction'),
    ...timestamps(),
  },
  (t) => [
    ...reference(t.accountAId, () => accounts.id, 'cascade'),
    ...reference(t.accountBId, () => accounts.id, 'cascade'),
    // One relationship per pair of accounts, whichever side is "a".
    uniqueIndex('relationships_pair_key').on(
      sql`least(${t.accountAId}, ${t.accountBId})`,
      sql`greatest(${t.accountAId}, ${t.accountBId})`,
    ),
    check('relationships_distinct_accounts_check', sql`${t.accountAId} <> ${t.accountBId}`),
  ],
);

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

/** A media item of a message; attachmentId names its media_attachments row. */
export type MessageMedia = {
  type: MediaType;
  url: string;
  attachmentId?: string;
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
    status: messageStatusEnum('status').notNull().default('synced'),
    /** Manual script 008: the actor model. History survives the actor (set null). */
    fromActorId: uuid('from_actor_id'),
    toActorId: uuid('to_actor_id'),
    createdAt: createdAt(),
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
  ],
);

export const messageEnrichments = pgTable(
  'message_enrichments',
  {
    id: id(),
    messageId: uuid('message_id').notNull(),
    extensionId: varchar('extension_id', { length: 200 }).notNull(),
    type: varchar('type', { length: 100 }).notNull(),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull().default({}),
    createdAt: createdAt(),
  },
  (t) => [...reference(t.messageId, () => messages.id, 'cascade')],
);

export const passwordResetTokens = pgTable(
  'password_reset_tokens',
  {
    id: id(),
    userId: uuid('user_id').notNull(),
    /** A hash of the token: the token itself is never stored. */
    tokenHash: varchar('token_hash', { length: 128 }).notNull(),
    expiresAt: moment('expires_at').notNull(),
    usedAt: moment('used_at'),
    createdAt: createdAt(),
  },
  (t) => [
    ...reference(t.userId, () => users.id, 'cascade'),
    uniqueIndex('password_reset_tokens_token_hash_key').on(t.tokenHash),
  ],
);

export type MediaMetadata = {
  width?: number;
  height?: number;
  durationMs?: number;
  [key: string]: unknown;
};

/** Manual script 012 (PC-9): attachments of a message. */
export const mediaAttachments = pgTable(
  'media_attachments',
  {
    id: id(),
    messageId: uuid('message_id').notNull(),
    type: mediaTypeEnum('type').notNull(),
    url: text('url').notNull(),
    filename: text('filename'),
    mimeType: text('mime_type'),
    sizeBytes: bigint('size_bytes', { mode: 'number' }),
    /** Audio: the peaks the player draws. */
    waveformData: jsonb('waveform_data').$type<number[]>().notNull().default([]),
    durationSeconds: integer('duration_seconds'),
    thumbnailUrl: text('thumbnail_url'),
    metadata: jsonb('metadata').$type<MediaMetadata>().notNull().default({}),
    createdAt: createdAt(),
  },
  (t) => [
    ...reference(t.messageId, () => messages.id, 'cascade'),
    check('media_attachments_size_check', sql`${t.sizeBytes} is null or ${t.sizeBytes} >= 0`),
  ],
);

export const usersRelations = relations(users, ({ many }) => ({
  accounts: many(accounts),
  actors: many(actors),
  passwordResetTokens: many(passwordResetTokens),
}));

export const accountsRelations = relations(accounts, ({ one, many }) => ({
  owner: one(users, { fields: [accounts.ownerUserId], references: [users.id] }),
  actors: many(actors),
  sentMessages: many(messages),
}));

export const actorsRelations = relations(actors, ({ one }) => ({
  user: one(users, { fields: [actors.userId], references: [users.id] }),
  account: one(accounts, { fields: [actors.accountId], references: [accounts.id] }),
}));

export const relationshipsRelations = relations(relationships, ({ one, many }) => ({
  accountA: one(accounts, { fields: [relationships.accountAId], references: [accounts.id] }),
  accountB: one(accounts, { fields: [relationships.accountBId], references: [accounts.id] }),
  conversations: many(conversations),
}));

export const conversationsRelations = relations(conversations, ({ one, many }) => ({
  relationship: one(relationships, {
    fields: [conversations.relationshipId],
    references: [relationships.id],
  }),
  messages: many(messages),
}));

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

export const messageEnrichmentsRelations = relations(messageEnrichments, ({ one }) => ({
  message: one(messages, { fields: [messageEnrichments.messageId], references: [messages.id] }),
}));

export const passwordResetTokensRelations = relations(passwordResetTokens, ({ one }) => ({
  user: one(users, { fields: [passwordResetTokens.userId], references: [users.id] }),
}));

export const mediaAttachmentsRelations = relations(mediaAttachments, ({ one }) => ({
  message: one(messages, { fields: [mediaAttachments.messageId], references: [messages.id] }),
}));

export type User = typeof users.$inferSelect;
export type NewUser = typeof users.$inferInsert;
export type Account = typeof accounts.$inferSelect;
export type NewAccount = typeof accounts.$inferInsert;
export type Actor = typeof actors.$inferSelect;
export type NewActor = typeof actors.$inferInsert;
export type Relationship = typeof relationships.$inferSelect;
export type NewRelationship = typeof relationships.$inferInsert;
export type Conversation = typeof conversations.$inferSelect;
export type NewConversation = typeof conversations.$inferInsert;
export type Message = typeof messages.$inferSelect;
export type NewMessage = typeof messages.$inferInsert;
export type MessageEnrichment = typeof messageEnrichments.$inferSelect;
export type NewMessageEnrichment = typeof messageEnrichments.$inferInsert;
export type PasswordResetToken = typeof passwordResetTokens.$inferSelect;
export type NewPasswordResetToken = typeof passwordResetTokens.$inferInsert;
export type MediaAttachment = typeof mediaAttachments.$inferSelect;
export type NewMediaAttachment = typeof mediaAttachments.$inferInsert;

/** zod validators derived from the tables: `select` for rows read, `insert` for rows written. */
export const userSchemas = { select: createSelectSchema(users), insert: createInsertSchema(users) };
export const accountSchemas = {
  select: createSelectSchema(accounts),
  insert: createInsertSchema(accounts),
};
export const actorSchemas = {
  select: createSelectSchema(actors),
  insert: createInsertSchema(actors),
};
export const relationshipSchemas = {
  select: createSelectSchema(relationships),
  insert: createInsertSchema(relationships),
};
export const conversationSchemas = {
  select: createSelectSchema(conversations),
  insert: createInsertSchema(conversations),
};
export const messageSchemas = {
  select: createSelectSchema(messages),
  insert: createInsertSchema(messages),
};
export const messageEnrichmentSchemas = {
  select: createSelectSchema(messageEnrichments),
  insert: createInsertSchema(messageEnrichments),
};
export const passwordResetTokenSchemas = {
  select: createSelectSchema(passwordResetTokens),
  insert: createInsertSchema(passwordResetTokens),
};
export const mediaAttachmentSchemas = {
  select: createSelectSchema(mediaAttachments),
  insert: createInsertSchema(mediaAttachments),
};
