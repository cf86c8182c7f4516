import { relations, sql } from 'drizzle-orm';
import {
  boolean,
  char,
  check,
  integer,
  numeric,
  pgTable,
  text,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';
import { accounts } from '../chat/accounts.ts';
import { allowAutomatedUse, id, reference, rowSchemas, timestamps } from '../columns.ts';
import { appointments } from './appointments.ts';

export const appointmentServices = pgTable(
  'appointment_services',
  {
    id: id(),
    accountId: uuid('account_id').notNull(),
    name: varchar('name', { length: 255 }).notNull(),
    description: text('description'),
    durationMinutes: integer('duration_minutes').notNull().default(30),
    price: numeric('price', { precision: 10, scale: 2 }).default('0'),
    /** ISO 4217 code. */
    currency: char('currency', { length: 3 }).default('USD'),
    active: boolean('active').notNull().default(true),
    allowAutomatedUse: allowAutomatedUse(),
    ...timestamps(),
  },
  (t) => [
    ...reference(t.accountId, () => accounts.id, 'cascade'),
    check('appointment_services_duration_check', sql`${t.durationMinutes} > 0`),
    check('appointment_services_price_check', sql`${t.price} >= 0`),
    check('appointment_services_currency_check', sql`${t.currency} ~ '^[A-Z]{3}$'`),
  ],
);

export const appointmentServicesRelations = relations(appointmentServices, ({ one, many }) => ({
  account: one(accounts, { fields: [appointmentServices.accountId], references: [accounts.id] }),
  appointments: many(appointments),
}));

export type AppointmentService = typeof appointmentServices.$inferSelect;
export type NewAppointmentService = typeof appointmentServices.$inferInsert;

export const appointmentServiceSchemas = rowSchemas(appointmentServices);
