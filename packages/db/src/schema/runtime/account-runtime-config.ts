import { jsonb, pgTable, timestamp, uuid, varchar } from 'drizzle-orm/pg-core';
import { accounts } from '../chat/accounts.ts';

/**
 * Which runtime processes an account's messages ('@fluxcore/fluxcore' for agents,
 * '@fluxcore/wes' for the work engine), and that runtime's settings for the account.
 */
export const accountRuntimeConfig = pgTable('account_runtime_config', {
  accountId: uuid('account_id')
    .primaryKey()
    .references(() => accounts.id, { onDelete: 'cascade' }),
  activeRuntimeId: varchar('active_runtime_id', { length: 100 })
    .default('@fluxcore/fluxcore')
    .notNull(),
  config: jsonb('config').default({}).notNull(),
  updatedAt: timestamp('updated_at').defaultNow().notNull(),
});

export type AccountRuntimeConfig = typeof accountRuntimeConfig.$inferSelect;
export type NewAccountRuntimeConfig = typeof accountRuntimeConfig.$inferInsert;
