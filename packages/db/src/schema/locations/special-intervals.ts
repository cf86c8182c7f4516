import { index, pgTable, time, uuid } from 'drizzle-orm/pg-core';
import { specialDates } from './special-dates.ts';

/** An opening interval on a special date. */
export const specialIntervals = pgTable(
  'special_intervals',
  {
    id: uuid('id').defaultRandom().primaryKey(),
    specialDateId: uuid('special_date_id')
      .notNull()
      .references(() => specialDates.id, { onDelete: 'cascade' }),
    openTime: time('open_time').notNull(),
    closeTime: time('close_time').notNull(),
  },
  (table) => [index('idx_special_intervals_special_date').on(table.specialDateId)],
);

export type SpecialInterval = typeof specialIntervals.$inferSelect;
export type NewSpecialInterval = typeof specialIntervals.$inferInsert;
