import { relations, sql } from 'drizzle-orm';
import { check, integer, pgTable, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { accounts } from '../chat/accounts.ts';
import { id, reference, rowSchemas, timestamps } from '../columns.ts';
import { creditsLedger } from './credits-ledger.ts';

/**
 * An account's credits. The balance equals the sum of its ledger deltas; debit it with
 * `update … set balance = balance - $x where … and balance >= $x`.
 */
export const creditsWallets = pgTable(
  'credits_wallets',
  {
    id: id(),
    /** Deleting the account deletes its money rows with it (cascade), ledger included. */
    accountId: uuid('account_id').notNull(),
    balance: integer('balance').notNull().default(0),
    ...timestamps(),
  },
  (t) => [
    ...reference(t.accountId, () => accounts.id, 'cascade', { indexed: false }),
    uniqueIndex('credits_wallets_account_id_key').on(t.accountId),
    check('credits_wallets_balance_check', sql`${t.balance} >= 0`),
  ],
);

export const creditsWalletsRelations = relations(creditsWallets, ({ one, many }) => ({
  account: one(accounts, { fields: [creditsWallets.accountId], references: [accounts.id] }),
  ledgerEntries: many(creditsLedger),
}));

export type CreditsWallet = typeof creditsWallets.$inferSelect;
export type NewCreditsWallet = typeof creditsWallets.$inferInsert;

export const creditsWalletSchemas = rowSchemas(creditsWallets);
