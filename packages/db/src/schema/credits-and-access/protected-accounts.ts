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
    /**
     * Who protected it, as free text like the original's: an admin's user id, or 'system'
     * (the original's account-deletion.guard.ts writes `enforcedBy: 'system'` at both commits,
     * so neither a uuid nor a foreign key to users would take its rows).
     */
    enforcedBy: text('enforced_by'),
    ...timestamps(),
  },
  (t) => [
    ...reference(t.accountId, () => accounts.id, 'restrict', { indexed: false }),
    ...reference(t.ownerUserId, () => users.id, 'set null'),
    uniqueIndex('protected_accounts_account_id_key').on(t.accountId),
  ],
);

export const protectedAccountsRelations = relations(protectedAccounts, ({ one }) => ({
  account: one(accounts, { fields: [protectedAccounts.accountId], references: [accounts.id] }),
}));

export type ProtectedAccount = typeof protectedAccounts.$inferSelect;
export type NewProtectedAccount = typeof protectedAccounts.$inferInsert;

export const protectedAccountSchemas = rowSchemas(protectedAccounts);
