import { sql } from 'drizzle-orm';
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
} from 'drizzle-orm/pg-core';
import { signalDeliveryChannelEnum } from './constants.ts';
import { signals } from './signals.ts';

export const signalDeliveryLog = pgTable(
  'signal_delivery_log',
  {
    id: uuid('id').defaultRandom().primaryKey(),
    signalId: uuid('signal_id').notNull(),
    channel: signalDeliveryChannelEnum('channel').notNull(),
    status: text('status').notNull(),
    attemptCount: integer('attempt_count').default(1),
    lastAttemptAt: timestamp('last_attempt_at', { withTimezone: true }),
    errorMessage: text('error_message'),
    errorCode: text('error_code'),
    deliveryMetadata: jsonb('delivery_metadata').default({}),
    createdAt: timestamp('created_at', { withTimezone: true }).defaultNow().notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).defaultNow().notNull(),
  },
  (table) => [
    index('idx_signal_delivery_log_channel').on(table.channel),
    index('idx_signal_delivery_log_signal').on(table.signalId),
    index('idx_signal_delivery_log_status').on(table.status),
    foreignKey({
      columns: [table.signalId],
      foreignColumns: [signals.id],
      name: 'signal_delivery_log_signal_id_fkey',
    }).onDelete('cascade'),
    check(
      'signal_delivery_log_status_check',
      sql`status = ANY (ARRAY['pending'::text, 'sent'::text, 'delivered'::text, 'failed'::text, 'bounced'::text])`,
    ),
  ],
);

export type SignalDeliveryLog = typeof signalDeliveryLog.$inferSelect;
export type NewSignalDeliveryLog = typeof signalDeliveryLog.$inferInsert;
