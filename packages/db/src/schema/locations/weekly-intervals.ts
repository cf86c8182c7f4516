import { index, integer, pgTable, time, uuid, varchar } from 'drizzle-orm/pg-core';

/**
 * An opening interval of an owner on a day of the week. An interval past midnight is two rows:
 * the app splits it.
 */
export const weeklyIntervals = pgTable(
  'weekly_intervals',
  {
    id: uuid('id').defaultRandom().primaryKey(),
    ownerType: varchar('owner_type', { length: 30 }).notNull(),
    ownerId: uuid('owner_id').notNull(),
    dayOfWeek: integer('day_of_week').notNull(),
    openTime: time('open_time').notNull(),
    closeTime: time('close_time').notNull(),
  },
  (table) => [
    // Row-level security filters on owner_id (issue 24): its policy and the audit need an index that leads with it.
    index('weekly_intervals_owner_id_idx').on(table.ownerId),
    index('idx_weekly_intervals_lookup').on(
      table.ownerType,
      table.ownerId,
      table.dayOfWeek,
      table.openTime,
    ),
  ],
);

export type WeeklyInterval = typeof weeklyIntervals.$inferSelect;
export type NewWeeklyInterval = typeof weeklyIntervals.$inferInsert;
