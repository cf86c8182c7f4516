import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

/**
 * A conversation turn waiting for the AI: messages that arrive before its window expires join
 * the same turn. At most one pending turn per conversation (the original's own unique index).
 */
export const fluxcoreCognitionQueue = pgTable(
  'fluxcore_cognition_queue',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    conversationId: uuid('conversation_id').notNull(),
    accountId: uuid('account_id').notNull(),
    targetAccountId: uuid('target_account_id'),
    lastSignalSeq: bigint('last_signal_seq', { mode: 'number' }),
    turnStartedAt: timestamp('turn_started_at', { withTimezone: true })
      .default(sql`clock_timestamp()`)
      .notNull(),
    turnWindowExpiresAt: timestamp('turn_window_expires_at', { withTimezone: true }).notNull(),
    processedAt: timestamp('processed_at', { withTimezone: true }),
    attempts: integer('attempts').default(0).notNull(),
    lastError: text('last_error'),
  },
  (table) => [
    // Row-level security filters on account_id (issue 24): its policy and the audit need an index that leads with it.
    index('fluxcore_cognition_queue_account_id_idx').on(table.accountId),
    index('idx_cognition_queue_ready')
      .on(table.turnWindowExpiresAt)
      .where(sql`processed_at IS NULL`),
    uniqueIndex('ux_cognition_queue_pending_conversation')
      .on(table.conversationId)
      .where(sql`processed_at IS NULL`),
  ],
);

export type CognitionQueueEntry = typeof fluxcoreCognitionQueue.$inferSelect;
export type NewCognitionQueueEntry = typeof fluxcoreCognitionQueue.$inferInsert;
