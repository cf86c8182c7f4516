import { pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/** A registered certifier of observations: every journal signal names the one that signed it. */
export const fluxcoreRealityAdapters = pgTable('fluxcore_reality_adapters', {
  adapterId: text('adapter_id').primaryKey(),
  driverId: text('driver_id').notNull(),
  adapterClass: text('adapter_class').notNull(),
  description: text('description').notNull(),
  signingSecret: text('signing_secret').notNull(),
  adapterVersion: text('adapter_version').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).defaultNow().notNull(),
});

export type FluxcoreRealityAdapter = typeof fluxcoreRealityAdapters.$inferSelect;
export type NewFluxcoreRealityAdapter = typeof fluxcoreRealityAdapters.$inferInsert;
