import { relations, sql } from 'drizzle-orm';
import { bigint, check, integer, pgTable, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';
import { accounts } from '../chat/accounts.ts';
import { id, moment, reference, rowSchemas, timestamps } from '../columns.ts';
import { fluxcoreCreditTransactions } from '../credits-and-access/fluxcore-credit-transactions.ts';
import { marketplaceSubscriptionStatusEnum } from './constants.ts';
import { fluxcoreMarketplaceListings } from './fluxcore-marketplace-listings.ts';
import { fluxcoreMarketplaceReviews } from './fluxcore-marketplace-reviews.ts';

export const fluxcoreMarketplaceSubscriptions = pgTable(
  'fluxcore_marketplace_subscriptions',
  {
    id: id(),
    listingId: uuid('listing_id').notNull(),
    subscriberAccountId: uuid('subscriber_account_id').notNull(),
    status: marketplaceSubscriptionStatusEnum('status').notNull().default('active'),
    startedAt: moment('started_at').notNull().defaultNow(),
    currentPeriodStart: moment('current_period_start'),
    currentPeriodEnd: moment('current_period_end'),
    cancelledAt: moment('cancelled_at'),
    /** The billing provider's subscription id. */
    externalSubscriptionId: varchar('external_subscription_id', { length: 255 }),
    /** What the subscriber can do with the store, its usage counters and payments. */
    accessMode: varchar('access_mode', { length: 20 }).default('read'),
    tokensUsedThisPeriod: bigint('tokens_used_this_period', { mode: 'number' }).default(0),
    tokensUsedTotal: bigint('tokens_used_total', { mode: 'number' }).default(0),
    queriesThisPeriod: integer('queries_this_period').default(0),
    queriesTotal: integer('queries_total').default(0),
    totalPaidCents: bigint('total_paid_cents', { mode: 'number' }).default(0),
    lastPaymentAt: moment('last_payment_at'),
    nextPaymentAt: moment('next_payment_at'),
    ...timestamps(),
  },
  (t) => [
    ...reference(t.listingId, () => fluxcoreMarketplaceListings.id, 'cascade', {
      indexed: false,
    }),
    ...reference(t.subscriberAccountId, () => accounts.id, 'cascade'),
    uniqueIndex('fluxcore_marketplace_subscriptions_listing_subscriber_key').on(
      t.listingId,
      t.subscriberAccountId,
    ),
    check(
      'fluxcore_marketplace_subscriptions_period_check',
      sql`${t.currentPeriodEnd} is null or ${t.currentPeriodStart} is null or ${t.currentPeriodEnd} > ${t.currentPeriodStart}`,
    ),
    check(
      'fluxcore_marketplace_subscriptions_counters_check',
      sql`${t.totalPaidCents} >= 0 and ${t.tokensUsedThisPeriod} >= 0 and ${t.tokensUsedTotal} >= 0 and ${t.queriesThisPeriod} >= 0 and ${t.queriesTotal} >= 0`,
    ),
  ],
);

export const fluxcoreMarketplaceSubscriptionsRelations = relations(
  fluxcoreMarketplaceSubscriptions,
  ({ one, many }) => ({
    listing: one(fluxcoreMarketplaceListings, {
      fields: [fluxcoreMarketplaceSubscriptions.listingId],
      references: [fluxcoreMarketplaceListings.id],
    }),
    subscriber: one(accounts, {
      fields: [fluxcoreMarketplaceSubscriptions.subscriberAccountId],
      references: [accounts.id],
    }),
    reviews: many(fluxcoreMarketplaceReviews),
    creditTransactions: many(fluxcoreCreditTransactions),
  }),
);

export type FluxcoreMarketplaceSubscription = typeof fluxcoreMarketplaceSubscriptions.$inferSelect;

export type NewFluxcoreMarketplaceSubscription =
  typeof fluxcoreMarketplaceSubscriptions.$inferInsert;

export const fluxcoreMarketplaceSubscriptionSchemas = rowSchemas(fluxcoreMarketplaceSubscriptions);
