import { sql } from 'drizzle-orm';
import {
  check,
  foreignKey,
  jsonb,
  pgTable,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from '../chat/users.ts';

export const signalPreferences = pgTable(
  'signal_preferences',
  {
    id: uuid('id').defaultRandom().primaryKey(),
    userId: uuid('user_id').notNull(),
    typeSettings: jsonb('type_settings').default({}).notNull(),
    quietHoursStart: text('quiet_hours_start'),
    quietHoursEnd: text('quiet_hours_end'),
    quietHoursDays: text('quiet_hours_days').array(),
    quietHoursTimezone: text('quiet_hours_timezone').default('America/Argentina/Buenos_Aires'),
    emailDigestFrequency: text('email_digest_frequency').default('immediate'),
    alternateEmail: text('alternate_email'),
    createdAt: timestamp('created_at', { withTimezone: true }).defaultNow().notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).defaultNow().notNull(),
  },
  (table) => [
    foreignKey({
      columns: [table.userId],
      foreignColumns: [users.id],
      name: 'signal_preferences_user_id_fkey',
    }).onDelete('cascade'),
    unique('signal_preferences_user_id_key').on(table.userId),
    check(
      'signal_preferences_email_digest_frequency_check',
      sql`email_digest_frequency = ANY (ARRAY['immediate'::text, 'hourly'::text, 'daily'::text, 'weekly'::text, 'never'::text])`,
    ),
  ],
);

export type SignalPreference = typeof signalPreferences.$inferSelect;
export type NewSignalPreference = typeof signalPreferences.$inferInsert;
