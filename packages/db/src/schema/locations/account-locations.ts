import {
  boolean,
  index,
  jsonb,
  pgTable,
  real,
  text,
  timestamp,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';
import { accounts } from '../chat/accounts.ts';

/**
 * A place of an account (a head office, a branch): its address, coordinates (the app computes
 * distances itself), service type and radius, contact and status.
 */
export const accountLocations = pgTable(
  'account_locations',
  {
    id: uuid('id').defaultRandom().primaryKey(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    name: varchar('name', { length: 255 }).notNull(),
    address: text('address'),
    country: varchar('country', { length: 100 }),
    state: varchar('state', { length: 100 }),
    city: varchar('city', { length: 100 }),
    neighborhood: varchar('neighborhood', { length: 100 }),
    streetAddress: text('street_address'),
    postalCode: varchar('postal_code', { length: 50 }),
    lat: real('lat'),
    lon: real('lon'),
    // 'delivery' | 'pickup' | 'both' | 'online_only' in the original's comments; its type is a string.
    serviceType: varchar('service_type', { length: 20 }).default('both'),
    coverageRadiusKm: real('coverage_radius_km'),
    phone: varchar('phone', { length: 50 }),
    email: varchar('email', { length: 255 }),
    // 'active' | 'temp_closed' | 'perm_closed' in the original's comments; its type is a string.
    status: varchar('status', { length: 20 }).default('active'),
    isDefault: boolean('is_default').default(false),
    metadata: jsonb('metadata').default({}),
    createdAt: timestamp('created_at').defaultNow().notNull(),
    updatedAt: timestamp('updated_at').defaultNow().notNull(),
  },
  (table) => [
    index('idx_account_locations_account').on(table.accountId),
    index('idx_account_locations_status').on(table.status),
  ],
);

export type AccountLocation = typeof accountLocations.$inferSelect;
export type NewAccountLocation = typeof accountLocations.$inferInsert;
