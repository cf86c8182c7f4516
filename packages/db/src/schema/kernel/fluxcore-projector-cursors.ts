import { bigint, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/** How far each projector has read the journal, so each signal is projected exactly once. */
export const fluxcoreProjectorCursors = pgTable('fluxcore_projector_cursors', {
  projectorName: text('projector_name').primaryKey(),
  lastSequenceNumber: bigint('last_sequence_number', { mode: 'number' }).notNull(),
  lastProcessedAt: timestamp('last_processed_at').defaultNow().notNull(),
  errorCount: bigint('error_count', { mode: 'number' }).default(0).notNull(),
  lastError: text('last_error'),
});

export type FluxCoreProjectorCursors = typeof fluxcoreProjectorCursors.$inferSelect;
export type NewFluxCoreProjectorCursors = typeof fluxcoreProjectorCursors.$inferInsert;
