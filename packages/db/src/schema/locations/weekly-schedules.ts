import { boolean, index, integer, pgTable, primaryKey, uuid, varchar } from 'drizzle-orm/pg-core';

/** Whether an owner (a location…) is closed on a day of the week (0 Sunday to 6 Saturday). */
export const weeklySchedules = pgTable(
  'weekly_schedules',
  {
    ownerType: varchar('owner_type', { length: 30 }).notNull(),
    ownerId: uuid('owner_id').notNull(),
    dayOfWeek: integer('day_of_week').notNull(),
    isClosed: boolean('is_closed').default(false).notNull(),
  },
  (table) => [
    // Row-level security filters on owner_id (issue 24): its policy and the audit need an index that leads with it.
    index('weekly_schedules_owner_id_idx').on(table.ownerId),
    primaryKey({
      name: 'weekly_schedules_owner_type_owner_id_day_of_week_pk',
      columns: [table.ownerType, table.ownerId, table.dayOfWeek],
    }),
  ],
);

export type WeeklySchedule = typeof weeklySchedules.$inferSelect;
export type NewWeeklySchedule = typeof weeklySchedules.$inferInsert;
