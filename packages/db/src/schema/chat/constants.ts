import { pgEnum } from 'drizzle-orm/pg-core';

export const accountTypes = ['personal', 'business'] as const;
export type AccountType = (typeof accountTypes)[number];
export const accountTypeEnum = pgEnum('account_type', accountTypes);

/** `builtin_ai` is the original's name for FluxCore's own AI speaking. */
/** `visitor` is the May lineage's widget visitor (its actors schema and ws-handler write it). */
export const actorTypes = [
  'user',
  'account',
  'extension',
  'system',
  'builtin_ai',
  'visitor',
] as const;
export type ActorType = (typeof actorTypes)[number];
export const actorTypeEnum = pgEnum('actor_type', actorTypes);

export const conversationChannels = [
  'web',
  'whatsapp',
  'instagram',
  'telegram',
  'email',
  'sms',
  'webchat',
  'external',
] as const;
export type ConversationChannel = (typeof conversationChannels)[number];
export const conversationChannelEnum = pgEnum('conversation_channel', conversationChannels);

export const conversationStatuses = ['active', 'archived', 'closed'] as const;
export type ConversationStatus = (typeof conversationStatuses)[number];
export const conversationStatusEnum = pgEnum('conversation_status', conversationStatuses);

export const messageTypes = ['incoming', 'outgoing', 'system'] as const;
export type MessageType = (typeof messageTypes)[number];
export const messageTypeEnum = pgEnum('message_type', messageTypes);

/**
 * The original's own closed union is `'human' | 'ai' | 'system'` (239c046 core/types.ts), and its
 * create-schema-simple check adds 'extension'; `automation` is this package's.
 */
export const messageGenerators = ['human', 'ai', 'automation', 'system', 'extension'] as const;
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

export const mediaTypes = ['image', 'audio', 'video', 'document', 'sticker', 'location'] as const;
export type MediaType = (typeof mediaTypes)[number];
export const mediaTypeEnum = pgEnum('media_type', mediaTypes);
