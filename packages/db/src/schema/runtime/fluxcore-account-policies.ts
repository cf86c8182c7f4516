import { boolean, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { accounts } from '../chat/accounts.ts';

/** How the AI may reply for an account. A closed union in the original's own type (text). */
export const accountPolicyModes = ['auto', 'suggest', 'off'] as const;

/**
 * How and when the AI works for an account: its mode, reply delay, turn windows, off-hours
 * behaviour, and which parts of the account's profile it may read.
 */
export const fluxcoreAccountPolicies = pgTable('fluxcore_account_policies', {
  accountId: uuid('account_id')
    .primaryKey()
    .references(() => accounts.id, { onDelete: 'cascade' }),
  mode: text('mode', { enum: accountPolicyModes }).default('off').notNull(),
  responseDelayMs: integer('response_delay_ms').default(2000).notNull(),
  turnWindowMs: integer('turn_window_ms').default(3000).notNull(),
  turnWindowTypingMs: integer('turn_window_typing_ms').default(5000).notNull(),
  turnWindowMaxMs: integer('turn_window_max_ms').default(60000).notNull(),
  offHoursPolicy: jsonb('off_hours_policy').default({ action: 'ignore' }).notNull(),
  aiIncludeName: boolean('ai_include_name').default(true).notNull(),
  aiIncludeBio: boolean('ai_include_bio').default(true).notNull(),
  aiIncludeLocations: boolean('ai_include_locations').default(true).notNull(),
  aiIncludeSchedule: boolean('ai_include_schedule').default(true).notNull(),
  aiIncludeSocialLinks: boolean('ai_include_social_links').default(true).notNull(),
  aiIncludePrivateContext: boolean('ai_include_private_context').default(true).notNull(),
  createdAt: timestamp('created_at').defaultNow().notNull(),
  updatedAt: timestamp('updated_at').defaultNow().notNull(),
});

export type FluxcoreAccountPolicy = typeof fluxcoreAccountPolicies.$inferSelect;
export type NewFluxcoreAccountPolicy = typeof fluxcoreAccountPolicies.$inferInsert;
