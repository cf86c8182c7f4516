import { relations, sql } from 'drizzle-orm';
import {
  index,
  jsonb,
  numeric,
  pgTable,
  text,
  uniqueIndex,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';
import { fluxcoreMarketplaceSubscriptions } from '../assets/fluxcore-marketplace-subscriptions.ts';
import { fluxcoreUsageLogs } from '../assistants/fluxcore-usage-logs.ts';
import { accounts } from '../chat/accounts.ts';
import { createdAt, id, reference, rowSchemas } from '../columns.ts';
import { creditTransactionTypeEnum } from './constants.ts';

export type CreditTransactionMetadata = Record<string, unknown>;

/** Append-only ledger of fluxcore_account_credits: positive amounts add, negative spend. */
export const fluxcoreCreditTransactions = pgTable(
  'fluxcore_credit_transactions',
  {
    id: id(),
    accountId: uuid('account_id').notNull(),
    transactionType: creditTransactionTypeEnum('transaction_type').notNull(),
    amountCredits: numeric('amount_credits', { precision: 12, scale: 4 }).notNull(),
    balanceAfter: numeric('balance_after', { precision: 12, scale: 4 }),
    description: text('description'),
    /** The entry outlives the usage log and the subscription it came from (set null). */
    usageLogId: uuid('usage_log_id'),
    subscriptionId: uuid('subscription_id'),
    stripePaymentIntentId: varchar('stripe_payment_intent_id', { length: 255 }),
    metadata: jsonb('metadata').$type<CreditTransactionMetadata>().notNull().default({}),
    createdAt: createdAt(),
  },
  (t) => [
    ...reference(t.accountId, () => accounts.id, 'cascade', { indexed: false }),
    ...reference(t.usageLogId, () => fluxcoreUsageLogs.id, 'set null'),
    ...reference(t.subscriptionId, () => fluxcoreMarketplaceSubscriptions.id, 'set null'),
    // Hot query: an account's ledger, newest first.
    index('fluxcore_credit_transactions_account_created_idx').on(t.accountId, t.createdAt.desc()),
    // A payment is credited once: webhook retries insert ... on conflict do nothing.
    uniqueIndex('fluxcore_credit_transactions_stripe_payment_intent_id_key')
      .on(t.stripePaymentIntentId)
      .where(sql`${t.stripePaymentIntentId} is not null`),
  ],
);

export const fluxcoreCreditTransactionsRelations = relations(
  fluxcoreCreditTransactions,
  ({ one }) => ({
    account: one(accounts, {
      fields: [fluxcoreCreditTransactions.accountId],
      references: [accounts.id],
    }),
    usageLog: one(fluxcoreUsageLogs, {
      fields: [fluxcoreCreditTransactions.usageLogId],
      references: [fluxcoreUsageLogs.id],
    }),
    subscription: one(fluxcoreMarketplaceSubscriptions, {
      fields: [fluxcoreCreditTransactions.subscriptionId],
      references: [fluxcoreMarketplaceSubscriptions.id],
    }),
  }),
);

export type FluxcoreCreditTransaction = typeof fluxcoreCreditTransactions.$inferSelect;

export type NewFluxcoreCreditTransaction = typeof fluxcoreCreditTransactions.$inferInsert;

export const fluxcoreCreditTransactionSchemas = rowSchemas(fluxcoreCreditTransactions);
