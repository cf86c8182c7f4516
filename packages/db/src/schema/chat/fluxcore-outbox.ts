import { sql } from 'drizzle-orm';
import { bigint, bigserial, check, index, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

export const fluxcoreOutbox = pgTable(
  'fluxcore_outbox',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    signalId: bigint('signal_id', { mode: 'number' }).notNull(),
    eventType: text('event_type').notNull(),
    payload: text('payload').notNull(),
    status: text('status').default('pending').notNull(),
    attempts: bigint('attempts', { mode: 'number' }).default(0).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).defaultNow().notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    lastError: text('last_error'),
  },
  (table) => [
    index('idx_fluxcore_outbox_pending').on(table.status, table.createdAt),
    index('idx_fluxcore_outbox_signal_id').on(table.signalId),
    check(
      'fluxcore_outbox_status_check',
      sql`status = ANY (ARRAY['pending'::text, 'processing'::text, 'sent'::text])`,
    ),
  ],
);

export type FluxcoreOutbox = typeof fluxcoreOutbox.$inferSelect;
export type NewFluxcoreOutbox = typeof fluxcoreOutbox.$inferInsert;
