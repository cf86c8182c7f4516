import { relations } from 'drizzle-orm';
import { pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { accounts } from '../chat/accounts.ts';
import { users } from '../chat/users.ts';
import { id, reference, rowSchemas, timestamps } from '../columns.ts';

/** Accounts that can never be deleted (reserved and system accounts). */
export const protectedAccounts = pgTable(
  'protected_accounts',
  {
    id: id(),
    /** Restrict: the database itself refuses to delete a protected account. */
    accountId: uuid('account_id').notNull(),
    /**
     * The user who owns the protected account. Nullable here (NOT NULL in the original): rows
     * written before this column existed have none, and deleting that user must not fail.
     */
    ownerUserId: uuid('owner_user_id'),
    reason: text('reason'),
    /** The admin who protected it; null when the system did (seed, reserved names). */
    enforcedBy: uuid('enforced_by'),
    ...timestamps(),
  },
  (t) => [
    ...reference(t.accountId, () => accounts.id, 'restrict', { indexed: false }),
    ...reference(t.enforcedBy, () => users.id, 'set null'),
    ...reference(t.ownerUserId, () => users.id, 'set null'),
    uniqueIndex('protected_accounts_account_id_key').on(t.accountId),
  ],
);

export const protectedAccountsRelations = relations(protectedAccounts, ({ one }) => ({
  account: one(accounts, { fields: [protectedAccounts.accountId], references: [accounts.id] }),
  enforcer: one(users, { fields: [protectedAccounts.enforcedBy], references: [users.id] }),
}));

export type ProtectedAccount = typeof protectedAccounts.$inferSelect;
export type NewProtectedAccount = typeof protectedAccounts.$inferInsert;

export const protectedAccountSchemas = rowSchemas(protectedAccounts);
