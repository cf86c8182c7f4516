import { index, pgTable, timestamp, unique, uuid, varchar } from 'drizzle-orm/pg-core';

/** A channel endpoint an actor speaks from: a driver and its external id, once each. */
export const fluxcoreAddresses = pgTable(
  'fluxcore_addresses',
  {
    id: uuid('id').defaultRandom().primaryKey(),
    driverId: varchar('driver_id', { length: 100 }).notNull(),
    externalId: varchar('external_id', { length: 255 }).notNull(),
    createdAt: timestamp('created_at').defaultNow().notNull(),
  },
  (table) => [
    index('fluxcore_addresses_driver_ext_idx').on(table.driverId, table.externalId),
    unique('fluxcore_addresses_driver_id_external_id_unique').on(table.driverId, table.externalId),
  ],
);

export type FluxcoreAddress = typeof fluxcoreAddresses.$inferSelect;
export type NewFluxcoreAddress = typeof fluxcoreAddresses.$inferInsert;
