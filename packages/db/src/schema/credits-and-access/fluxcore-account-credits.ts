import { relations, sql } from 'drizzle-orm';
import { check, integer, numeric, pgTable, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';
import { accounts } from '../chat/accounts.ts';
import { id, moment, reference, rowSchemas, timestamps } from '../columns.ts';
import { creditPlanTypeEnum } from './constants.ts';

/** An account's FluxCore credit balance, limits and billing plan: one row per account. */
export const fluxcoreAccountCredits = pgTable(
  'fluxcore_account_credits',
  {
    id: id(),
    accountId: uuid('account_id').notNull(),
    balanceCredits: numeric('balance_credits', { precision: 12, scale: 4 }).default('0'),
    /** Held by operations in flight, not yet spent. */
    reserved: numeric('reserved', { precision: 12, scale: 4 }).notNull().default('0'),
    /** Null: no limit. */
    monthlyLimitCredits: numeric('monthly_limit_credits', { precision: 12, scale: 4 }),
    dailyLimitCredits: numeric('daily_limit_credits', { precision: 12, scale: 4 }),
    usedThisMonth: numeric('used_this_month', { precision: 12, scale: 4 }).default('0'),
    usedToday: numeric('used_today', { precision: 12, scale: 4 }).default('0'),
    planType: creditPlanTypeEnum('plan_type').default('free'),
    stripeCustomerId: varchar('stripe_customer_id', { length: 255 }),
    stripeSubscriptionId: varchar('stripe_subscription_id', { length: 255 }),
    alertThresholdPercent: integer('alert_threshold_percent').default(80),
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

export const fluxcoreAccountCreditsRelations = relations(fluxcoreAccountCredits, ({ one }) => ({
  account: one(accounts, { fields: [fluxcoreAccountCredits.accountId], references: [accounts.id] }),
}));

export type FluxcoreAccountCredit = typeof fluxcoreAccountCredits.$inferSelect;

/** The original's name for an account's credits row. */
export type FluxcoreAccountCredits = FluxcoreAccountCredit;

export type NewFluxcoreAccountCredit = typeof fluxcoreAccountCredits.$inferInsert;

export const fluxcoreAccountCreditSchemas = rowSchemas(fluxcoreAccountCredits);
