/**
 * FluxCore credits of an account and their ledger (DOMAIN.md §6). History: the FluxCore
 * "billing" group of the 2026-02-08 audit (the original's 019).
 */
import { relations, sql } from 'drizzle-orm';
import {
  check,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  text,
  uniqueIndex,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';
import { createInsertSchema, createSelectSchema } from 'drizzle-zod';
import { fluxcoreUsageLogs } from '../assistants.ts';
import { accounts } from '../chat.ts';
import { createdAt, id, moment, reference, timestamps } from '../columns.ts';
import { creditPlanTypeEnum, creditTransactionTypeEnum } from './constants.ts';
import { fluxcoreMarketplaceSubscriptions } from './marketplace.ts';

/** An account's FluxCore credit balance, limits and billing plan: one row per account. */
export const fluxcoreAccountCredits = pgTable(
  'fluxcore_account_credits',
  {
    id: id(),
    accountId: uuid('account_id').notNull(),
    balanceCredits: numeric('balance_credits', { precision: 12, scale: 4 }).notNull().default('0'),
    /** Held by operations in flight, not yet spent. */
    reserved: numeric('reserved', { precision: 12, scale: 4 }).notNull().default('0'),
    /** Null: no limit. */
    monthlyLimitCredits: numeric('monthly_limit_credits', { precision: 12, scale: 4 }),
    dailyLimitCredits: numeric('daily_limit_credits', { precision: 12, scale: 4 }),
    usedThisMonth: numeric('used_this_month', { precision: 12, scale: 4 }).notNull().default('0'),
    usedToday: numeric('used_today', { precision: 12, scale: 4 }).notNull().default('0'),
    planType: creditPlanTypeEnum('plan_type').notNull().default('free'),
    stripeCustomerId: varchar('stripe_customer_id', { length: 255 }),
    stripeSubscriptionId: varchar('stripe_subscription_id', { length: 255 }),
    alertThresholdPercent: integer('alert_threshold_percent').notNull().default(80),
    lastAlertSentAt: moment('last_alert_sent_at'),
    ...timestamps(),
  },
  (t) => [
    ...reference(t.accountId, () => accounts.id, 'cascade', { indexed: false }),
    uniqueIndex('fluxcore_account_credits_account_id_key').on(t.accountId),
    // Billing webhooks find the account by the provider's customer id.
    uniqueIndex('fluxcore_account_credits_stripe_customer_id_key')
      .on(t.stripeCustomerId)
      .where(sql`${t.stripeCustomerId} is not null`),
    check(
      'fluxcore_account_credits_amounts_check',
      sql`${t.balanceCredits} >= 0 and ${t.reserved} >= 0 and ${t.usedThisMonth} >= 0 and ${t.usedToday} >= 0`,
    ),
    check(
      'fluxcore_account_credits_limits_check',
      sql`(${t.monthlyLimitCredits} is null or ${t.monthlyLimitCredits} >= 0) and (${t.dailyLimitCredits} is null or ${t.dailyLimitCredits} >= 0)`,
    ),
    check(
      'fluxcore_account_credits_alert_threshold_check',
      sql`${t.alertThresholdPercent} between 0 and 100`,
    ),
  ],
);

export type CreditTransactionMetadata = Record<string, unknown>;

/** Append-only ledger of fluxcore_account_credits: positive amounts add, negative spend. */
export const fluxcoreCreditTransactions = pgTable(
  'fluxcore_credit_transactions',
  {
    id: id(),
    accountId: uuid('account_id').notNull(),
    transactionType: creditTransactionTypeEnum('transaction_type').notNull(),
    amountCredits: numeric('amount_credits', { precision: 12, scale: 4 }).notNull(),
    balanceAfter: numeric('balance_after', { precision: 12, scale: 4 }).notNull(),
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

export const fluxcoreAccountCreditsRelations = relations(fluxcoreAccountCredits, ({ one }) => ({
  account: one(accounts, { fields: [fluxcoreAccountCredits.accountId], references: [accounts.id] }),
}));

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

export type FluxcoreAccountCredit = typeof fluxcoreAccountCredits.$inferSelect;

/** The original's name for an account's credits row. */
export type FluxcoreAccountCredits = FluxcoreAccountCredit;

export type NewFluxcoreAccountCredit = typeof fluxcoreAccountCredits.$inferInsert;

export type FluxcoreCreditTransaction = typeof fluxcoreCreditTransactions.$inferSelect;

export type NewFluxcoreCreditTransaction = typeof fluxcoreCreditTransactions.$inferInsert;

export const fluxcoreAccountCreditSchemas = {
  select: createSelectSchema(fluxcoreAccountCredits),
  insert: createInsertSchema(fluxcoreAccountCredits),
};

export const fluxcoreCreditTransactionSchemas = {
  select: createSelectSchema(fluxcoreCreditTransactions),
  insert: createInsertSchema(fluxcoreCreditTransactions),
};
