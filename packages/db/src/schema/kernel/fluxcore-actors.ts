import { bigint, foreignKey, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { fluxcoreSignals } from './fluxcore-signals.ts';

/**
 * A source of will, independent of accounts and channels: 'real', or 'provisional' (a widget
 * visitor until it signs in). Projected from the journal.
 */
export const fluxcoreActors = pgTable(
  'fluxcore_actors',
  {
    id: uuid('id').defaultRandom().primaryKey(),
    internalRef: text('internal_ref'),
    type: text('type').default('real').notNull(),
    externalKey: text('external_key'),
    tenantId: text('tenant_id'),
    createdFromSignal: bigint('created_from_signal', { mode: 'number' }),
    createdAt: timestamp('created_at').defaultNow().notNull(),
    updatedAt: timestamp('updated_at').defaultNow().notNull(),
  },
  (table) => [
    // Named as PostgreSQL truncates drizzle's default name (63 bytes), as a pushed database has it.
    foreignKey({
      name: 'fluxcore_actors_created_from_signal_fluxcore_signals_sequence_n',
      columns: [table.createdFromSignal],
      foreignColumns: [fluxcoreSignals.sequenceNumber],
    }).onDelete('restrict'),
    index('idx_fluxcore_actors_external_key').on(table.externalKey),
    index('idx_fluxcore_actors_tenant').on(table.tenantId),
    index('idx_fluxcore_actors_created_from_signal').on(table.createdFromSignal),
  ],
);

export type FluxcoreActor = typeof fluxcoreActors.$inferSelect;
export type NewFluxcoreActor = typeof fluxcoreActors.$inferInsert;
