import { relations, sql } from 'drizzle-orm';
import { check, index, integer, jsonb, pgTable, text, uuid, varchar } from 'drizzle-orm/pg-core';
import { accounts } from '../chat/accounts.ts';
import { id, moment, reference, rowSchemas, timestamps } from '../columns.ts';
import { appointmentServices } from './appointment-services.ts';
import { appointmentStaff } from './appointment-staff.ts';

export type AppointmentMetadata = Record<string, unknown>;

export const appointments = pgTable(
  'appointments',
  {
    id: id(),
    accountId: uuid('account_id').notNull(),
    /** The booking outlives the service, the staff member and the client account (set null). */
    serviceId: uuid('service_id'),
    staffId: uuid('staff_id'),
    clientAccountId: uuid('client_account_id'),
    clientName: varchar('client_name', { length: 255 }),
    clientEmail: varchar('client_email', { length: 320 }),
    clientPhone: varchar('client_phone', { length: 50 }),
    scheduledAt: moment('scheduled_at').notNull(),
    durationMinutes: integer('duration_minutes').notNull(),
    status: varchar('status', { length: 20 }).notNull().default('pending'),
    notes: text('notes'),
    metadata: jsonb('metadata').$type<AppointmentMetadata>().notNull().default({}),
    ...timestamps(),
  },
  (t) => [
    ...reference(t.accountId, () => accounts.id, 'cascade', { indexed: false }),
    ...reference(t.serviceId, () => appointmentServices.id, 'set null'),
    ...reference(t.staffId, () => appointmentStaff.id, 'set null', { indexed: false }),
    ...reference(t.clientAccountId, () => accounts.id, 'set null'),
    // Hot query: a staff member's appointments in a time range.
    index('appointments_staff_scheduled_idx').on(t.staffId, t.scheduledAt),
    // An account's calendar in a time range.
    index('appointments_account_scheduled_idx').on(t.accountId, t.scheduledAt),
    check('appointments_duration_check', sql`${t.durationMinutes} > 0`),
  ],
);

export const appointmentsRelations = relations(appointments, ({ one }) => ({
  account: one(accounts, { fields: [appointments.accountId], references: [accounts.id] }),
  service: one(appointmentServices, {
    fields: [appointments.serviceId],
    references: [appointmentServices.id],
  }),
  staff: one(appointmentStaff, {
    fields: [appointments.staffId],
    references: [appointmentStaff.id],
  }),
  clientAccount: one(accounts, {
    fields: [appointments.clientAccountId],
    references: [accounts.id],
  }),
}));

export type Appointment = typeof appointments.$inferSelect;
export type NewAppointment = typeof appointments.$inferInsert;

export const appointmentSchemas = rowSchemas(appointments);
