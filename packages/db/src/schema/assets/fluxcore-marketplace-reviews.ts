import { relations, sql } from 'drizzle-orm';
import { check, integer, pgTable, text, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';
import { accounts } from '../chat/accounts.ts';
import { id, reference, rowSchemas, timestamps } from '../columns.ts';
import { fluxcoreMarketplaceListings } from './fluxcore-marketplace-listings.ts';
import { fluxcoreMarketplaceSubscriptions } from './fluxcore-marketplace-subscriptions.ts';

export const fluxcoreMarketplaceReviews = pgTable(
  'fluxcore_marketplace_reviews',
  {
    id: id(),
    listingId: uuid('listing_id').notNull(),
    reviewerAccountId: uuid('reviewer_account_id').notNull(),
    /** The subscription the review was written under; the review survives it. */
    subscriptionId: uuid('subscription_id'),
    rating: integer('rating').notNull(),
    title: varchar('title', { length: 255 }),
    content: text('content'),
    status: varchar('status', { length: 20 }).default('published'),
    helpfulCount: integer('helpful_count').default(0),
    ...timestamps(),
  },
  (t) => [
    ...reference(t.listingId, () => fluxcoreMarketplaceListings.id, 'cascade', { indexed: false }),
    ...reference(t.reviewerAccountId, () => accounts.id, 'cascade'),
    ...reference(t.subscriptionId, () => fluxcoreMarketplaceSubscriptions.id, 'set null'),
    uniqueIndex('fluxcore_marketplace_reviews_listing_reviewer_key').on(
      t.listingId,
      t.reviewerAccountId,
    ),
    check('fluxcore_marketplace_reviews_rating_check', sql`${t.rating} between 1 and 5`),
    check('fluxcore_marketplace_reviews_helpful_count_check', sql`${t.helpfulCount} >= 0`),
  ],
);

export const fluxcoreMarketplaceReviewsRelations = relations(
  fluxcoreMarketplaceReviews,
  ({ one }) => ({
    listing: one(fluxcoreMarketplaceListings, {
      fields: [fluxcoreMarketplaceReviews.listingId],
      references: [fluxcoreMarketplaceListings.id],
    }),
    reviewer: one(accounts, {
      fields: [fluxcoreMarketplaceReviews.reviewerAccountId],
      references: [accounts.id],
    }),
    subscription: one(fluxcoreMarketplaceSubscriptions, {
      fields: [fluxcoreMarketplaceReviews.subscriptionId],
      references: [fluxcoreMarketplaceSubscriptions.id],
    }),
  }),
);

export type FluxcoreMarketplaceReview = typeof fluxcoreMarketplaceReviews.$inferSelect;

export type NewFluxcoreMarketplaceReview = typeof fluxcoreMarketplaceReviews.$inferInsert;

export const fluxcoreMarketplaceReviewSchemas = rowSchemas(fluxcoreMarketplaceReviews);
