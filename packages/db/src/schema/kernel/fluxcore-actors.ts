import { bigint, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
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
    createdFromSignal: bigint('created_from_signal', { mode: 'number' }).references(
      () => fluxcoreSignals.sequenceNumber,
      { onDelete: 'restrict' },
    ),
    createdAt: timestamp('created_at').defaultNow().notNull(),
    updatedAt: timestamp('updated_at').defaultNow().notNull(),
  },
  (table) => [
    index('idx_fluxcore_actors_external_key').on(table.externalKey),
    index('idx_fluxcore_actors_tenant').on(table.tenantId),
    index('idx_fluxcore_actors_created_from_signal').on(table.createdFromSignal),
  ],
);

export type FluxcoreActor = typeof fluxcoreActors.$inferSelect;
export type NewFluxcoreActor = typeof fluxcoreActors.$inferInsert;
