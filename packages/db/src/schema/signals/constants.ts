import { pgEnum } from 'drizzle-orm/pg-core';

/** The May lineage's signal enums (its `signal_*` types), label for label. */
export const signalTypes = [
  'channel_message',
  'channel_mention',
  'task_assigned',
  'ai_suggestion',
  'channel_invite',
  'role_changed',
  'security_alert',
  'fluxcore_update',
  'mention_group',
  'reaction_received',
  'system_announcement',
  'workflow_trigger',
  'approval_required',
  'deadline_approaching',
] as const;
export type SignalType = (typeof signalTypes)[number];
export const signalTypeEnum = pgEnum('signal_type', signalTypes);

export const signalPriorities = ['low', 'medium', 'high', 'critical'] as const;
export type SignalPriority = (typeof signalPriorities)[number];
export const signalPriorityEnum = pgEnum('signal_priority', signalPriorities);

export const signalStatuses = ['pending', 'delivered', 'read', 'archived', 'dismissed'] as const;
export type SignalStatus = (typeof signalStatuses)[number];
export const signalStatusEnum = pgEnum('signal_status', signalStatuses);

export const signalDeliveryChannels = ['websocket', 'email', 'push', 'sms', 'in_app'] as const;
export type SignalDeliveryChannel = (typeof signalDeliveryChannels)[number];
export const signalDeliveryChannelEnum = pgEnum('signal_delivery_channel', signalDeliveryChannels);
