import { relations, sql } from 'drizzle-orm';
import { boolean, jsonb, pgTable, uuid, varchar } from 'drizzle-orm/pg-core';
import { accounts } from '../chat/accounts.ts';
import { allowAutomatedUse, id, reference, rowSchemas, timestamps } from '../columns.ts';
import { appointments } from './appointments.ts';

/** Weekly opening hours by day (`mon` … `sun`), plus dates off. */
export type StaffAvailability = {
  weekly?: Record<string, { start: string; end: string }[]>;
  exceptions?: { date: string; available: boolean }[];
  [key: string]: unknown;
};

export const appointmentStaff = pgTable(
  'appointment_staff',
  {
    id: id(),
    accountId: uuid('account_id').notNull(),
    name: varchar('name', { length: 255 }).notNull(),
    email: varchar('email', { length: 320 }),
    availability: jsonb('availability').$type<StaffAvailability>().notNull().default({}),
    /**
     * The services this person gives. The seed's table list has no link table, so this is an
     * array without foreign keys: the operations layer checks they belong to the same account.
     */
    services: uuid('services').array().notNull().default(sql`'{}'::uuid[]`),
    active: boolean('active').notNull().default(true),
    allowAutomatedUse: allowAutomatedUse(),
    ...timestamps(),
  },
  (t) => [...reference(t.accountId, () => accounts.id, 'cascade')],
);

export const appointmentStaffRelations = relations(appointmentStaff, ({ one, many }) => ({
  account: one(accounts, { fields: [appointmentStaff.accountId], references: [accounts.id] }),
  appointments: many(appointments),
}));

export type AppointmentStaff = typeof appointmentStaff.$inferSelect;
export type NewAppointmentStaff = typeof appointmentStaff.$inferInsert;

export const appointmentStaffSchemas = rowSchemas(appointmentStaff);
