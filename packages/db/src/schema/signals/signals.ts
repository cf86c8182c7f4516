import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { accounts } from '../chat/accounts.ts';
import { users } from '../chat/users.ts';
import {
  signalDeliveryChannelEnum,
  signalPriorityEnum,
  signalStatusEnum,
  signalTypeEnum,
} from './constants.ts';

export const signals = pgTable(
  'signals',
  {
    id: uuid('id').defaultRandom().primaryKey(),
    recipientAccountId: uuid('recipient_account_id').notNull(),
    recipientUserId: uuid('recipient_user_id'),
    senderAccountId: uuid('sender_account_id'),
    senderUserId: uuid('sender_user_id'),
    senderType: text('sender_type').default('system'),
    type: signalTypeEnum('type').notNull(),
    priority: signalPriorityEnum('priority').default('medium').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    actionUrl: text('action_url'),
    actionLabel: text('action_label').default('Ver'),
    metadata: jsonb('metadata').default({}).notNull(),
    status: signalStatusEnum('status').default('pending').notNull(),
    isRead: boolean('is_read').default(false).notNull(),
    readAt: timestamp('read_at', { withTimezone: true }),
    deliveredVia: signalDeliveryChannelEnum('delivered_via')
      .array()
      .default(sql`ARRAY[]::signal_delivery_channel[]`),
    deliveredAt: timestamp('delivered_at', { withTimezone: true }),
    expiresAt: timestamp('expires_at', { withTimezone: true }),
    groupId: text('group_id'),
    groupCount: integer('group_count').default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).defaultNow().notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).defaultNow().notNull(),
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
    deletedBy: uuid('deleted_by'),
  },
  (table) => [
    // Row-level security filters on sender_account_id (issue 24): its policy and the audit need an index that leads with it.
    index('signals_sender_account_id_idx').on(table.senderAccountId),
    index('idx_signals_created_at').on(table.createdAt),
    index('idx_signals_group_id').on(table.groupId),
    index('idx_signals_is_read').on(table.isRead),
    index('idx_signals_priority').on(table.priority),
    index('idx_signals_recipient_account').on(table.recipientAccountId),
    index('idx_signals_recipient_unread').on(
      table.recipientAccountId,
      table.isRead,
      table.createdAt.desc().nullsFirst(),
    ),
    index('idx_signals_recipient_user').on(table.recipientUserId),
    index('idx_signals_status').on(table.status),
    index('idx_signals_type').on(table.type),
    foreignKey({
      columns: [table.deletedBy],
      foreignColumns: [users.id],
      name: 'signals_deleted_by_fkey',
    }).onDelete('set null'),
    foreignKey({
      columns: [table.recipientAccountId],
      foreignColumns: [accounts.id],
      name: 'signals_recipient_account_id_fkey',
    }).onDelete('cascade'),
    foreignKey({
      columns: [table.recipientUserId],
      foreignColumns: [users.id],
      name: 'signals_recipient_user_id_fkey',
    }).onDelete('cascade'),
    foreignKey({
      columns: [table.senderAccountId],
      foreignColumns: [accounts.id],
      name: 'signals_sender_account_id_fkey',
    }).onDelete('set null'),
    foreignKey({
      columns: [table.senderUserId],
      foreignColumns: [users.id],
      name: 'signals_sender_user_id_fkey',
    }).onDelete('set null'),
    check(
      'signals_sender_type_check',
      sql`sender_type = ANY (ARRAY['user'::text, 'system'::text, 'ai'::text, 'workflow'::text, 'integration'::text])`,
    ),
  ],
);

export type Signal = typeof signals.$inferSelect;
export type NewSignal = typeof signals.$inferInsert;
