import { bigint, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * A signal a projector failed to project: the error, how often it failed and when it was
 * resolved. signal_seq names a journal row without a foreign key, as the original declares it.
 */
export const fluxcoreProjectorErrors = pgTable(
  'fluxcore_projector_errors',
  {
    id: uuid('id').defaultRandom().primaryKey(),
    projectorName: text('projector_name').notNull(),
    signalSeq: bigint('signal_seq', { mode: 'number' }).notNull(),
    errorMessage: text('error_message').notNull(),
    errorStack: text('error_stack'),
    attempts: bigint('attempts', { mode: 'number' }).default(1).notNull(),
    firstFailedAt: timestamp('first_failed_at'),
    lastFailedAt: timestamp('last_failed_at'),
    resolvedAt: timestamp('resolved_at'),
  },
  (table) => [
    // The projector looks its error up by (projector, signal) before it inserts one.
    index('idx_projector_errors_projector_signal').on(table.projectorName, table.signalSeq),
  ],
);

export type FluxCoreProjectorErrors = typeof fluxcoreProjectorErrors.$inferSelect;
export type NewFluxCoreProjectorErrors = typeof fluxcoreProjectorErrors.$inferInsert;
