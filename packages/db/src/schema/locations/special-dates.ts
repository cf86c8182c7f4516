import { boolean, date, index, pgTable, unique, uuid, varchar } from 'drizzle-orm/pg-core';

/** A date (a holiday, an event) on which an owner's weekly schedule does not apply; once each. */
export const specialDates = pgTable(
  'special_dates',
  {
    id: uuid('id').defaultRandom().primaryKey(),
    ownerType: varchar('owner_type', { length: 30 }).notNull(),
    ownerId: uuid('owner_id').notNull(),
    date: date('date').notNull(),
    isClosed: boolean('is_closed').default(true).notNull(),
    label: varchar('label', { length: 100 }),
  },
  (table) => [
    // Row-level security filters on owner_id (issue 24): its policy and the audit need an index that leads with it.
    index('special_dates_owner_id_idx').on(table.ownerId),
    index('idx_special_dates_lookup').on(table.ownerType, table.ownerId, table.date),
    unique('special_dates_owner_type_owner_id_date_unique').on(
      table.ownerType,
      table.ownerId,
      table.date,
    ),
  ],
);

export type SpecialDate = typeof specialDates.$inferSelect;
export type NewSpecialDate = typeof specialDates.$inferInsert;
