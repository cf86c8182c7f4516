import { foreignKey, index, integer, pgTable, real, timestamp, uuid } from 'drizzle-orm/pg-core';
import { fluxcoreActors } from './fluxcore-actors.ts';
import { fluxcoreAddresses } from './fluxcore-addresses.ts';

/** Which addresses belong to which actor, with the confidence of the binding. */
export const fluxcoreActorAddressLinks = pgTable(
  'fluxcore_actor_address_links',
  {
    id: uuid('id').defaultRandom().primaryKey(),
    actorId: uuid('actor_id')
      .notNull()
      .references(() => fluxcoreActors.id, { onDelete: 'cascade' }),
    addressId: uuid('address_id').notNull(),
    confidence: real('confidence').default(1.0).notNull(),
    version: integer('version').default(1).notNull(),
    createdAt: timestamp('created_at').defaultNow().notNull(),
  },
  (table) => [
    // Named as PostgreSQL truncates drizzle's default name (63 bytes), as a pushed database has it.
    foreignKey({
      name: 'fluxcore_actor_address_links_address_id_fluxcore_addresses_id_f',
      columns: [table.addressId],
      foreignColumns: [fluxcoreAddresses.id],
    }).onDelete('cascade'),
    index('fluxcore_actor_address_links_actor_idx').on(table.actorId),
    index('fluxcore_actor_address_links_address_idx').on(table.addressId),
  ],
);

export type FluxcoreActorAddressLink = typeof fluxcoreActorAddressLinks.$inferSelect;
export type NewFluxcoreActorAddressLink = typeof fluxcoreActorAddressLinks.$inferInsert;
