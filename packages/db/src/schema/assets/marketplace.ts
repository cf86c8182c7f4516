/**
 * Sharing and selling vector stores, instructions and tools (DOMAIN.md §6): permissions,
 * listings, reviews and subscriptions. History: the FluxCore "marketplace" group of the
 * 2026-02-08 audit (seed script RAG-002, the original's 016 and 018).
 */
import { relations, sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  char,
  check,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  text,
  unique,
  uniqueIndex,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';
import { createInsertSchema, createSelectSchema } from 'drizzle-zod';
import {
  fluxcoreInstructions,
  fluxcoreToolDefinitions,
  vectorStoreAccessModeEnum,
} from '../assistants.ts';
import { accounts } from '../chat.ts';
import { exactlyOneOf, id, moment, reference, timestamps } from '../columns.ts';
import { fluxcoreVectorStores } from '../rag.ts';
import { fluxcoreCreditTransactions } from './billing.ts';
import {
  assetPermissionLevelEnum,
  assetPermissionSourceEnum,
  marketplaceBillingPeriodEnum,
  marketplaceListingStatusEnum,
  marketplacePricingModelEnum,
  marketplaceReviewStatusEnum,
  marketplaceSubscriptionStatusEnum,
} from './constants.ts';

/** Shares one vector store, instruction or tool with another account. */
export const fluxcoreAssetPermissions = pgTable(
  'fluxcore_asset_permissions',
  {
    id: id(),
    vectorStoreId: uuid('vector_store_id'),
    instructionId: uuid('instruction_id'),
    toolDefinitionId: uuid('tool_definition_id'),
    granteeAccountId: uuid('grantee_account_id').notNull(),
    /** The grant survives the granting account (set null). */
    grantedByAccountId: uuid('granted_by_account_id'),
    permissionLevel: assetPermissionLevelEnum('permission_level').notNull().default('read'),
    source: assetPermissionSourceEnum('source').notNull().default('manual'),
    grantedAt: moment('granted_at').notNull().defaultNow(),
    expiresAt: moment('expires_at'),
    notes: text('notes'),
    ...timestamps(),
  },
  (t) => [
    ...reference(t.vectorStoreId, () => fluxcoreVectorStores.id, 'cascade', { indexed: false }),
    ...reference(t.instructionId, () => fluxcoreInstructions.id, 'cascade'),
    ...reference(t.toolDefinitionId, () => fluxcoreToolDefinitions.id, 'cascade'),
    ...reference(t.granteeAccountId, () => accounts.id, 'cascade'),
    ...reference(t.grantedByAccountId, () => accounts.id, 'set null'),
    check(
      'fluxcore_asset_permissions_one_scope_check',
      exactlyOneOf(t.vectorStoreId, t.instructionId, t.toolDefinitionId),
    ),
    // One grant per (asset, grantee); the two unused asset columns are null, hence nulls not
    // distinct (a unique constraint: drizzle's uniqueIndex has no nullsNotDistinct).
    unique('fluxcore_asset_permissions_asset_grantee_key')
      .on(t.vectorStoreId, t.instructionId, t.toolDefinitionId, t.granteeAccountId)
      .nullsNotDistinct(),
  ],
);

/** Kept by the listing as counters; the source of truth is subscriptions and reviews. */
/** What a buyer may do with a listing's content. */
export const marketplaceLicenseTypes = ['personal', 'commercial', 'enterprise'] as const;

export type MarketplaceLicenseType = (typeof marketplaceLicenseTypes)[number];

/** Sells exactly one vector store, instruction or tool. */
export const fluxcoreMarketplaceListings = pgTable(
  'fluxcore_marketplace_listings',
  {
    id: id(),
    vectorStoreId: uuid('vector_store_id'),
    instructionId: uuid('instruction_id'),
    toolDefinitionId: uuid('tool_definition_id'),
    sellerAccountId: uuid('seller_account_id').notNull(),
    title: varchar('title', { length: 255 }).notNull(),
    shortDescription: varchar('short_description', { length: 500 }),
    longDescription: text('long_description'),
    category: varchar('category', { length: 100 }),
    tags: jsonb('tags').$type<string[]>().notNull().default([]),
    pricingModel: marketplacePricingModelEnum('pricing_model').notNull().default('free'),
    currency: char('currency', { length: 3 }).notNull().default('USD'),
    billingPeriod: marketplaceBillingPeriodEnum('billing_period'),
    status: marketplaceListingStatusEnum('status').notNull().default('draft'),
    /** Per purchase or per billing period, by pricing_model, in cents of currency. */
    priceCents: integer('price_cents').notNull().default(0),
    /** For pricing_model usage: cents per 1,000 tokens. */
    usagePricePer1kTokens: integer('usage_price_per_1k_tokens'),
    licenseType: varchar('license_type', { length: 50 })
      .$type<MarketplaceLicenseType>()
      .notNull()
      .default('personal'),
    termsUrl: text('terms_url'),
    demoUrl: text('demo_url'),
    screenshots: jsonb('screenshots').$type<string[]>().notNull().default([]),
    searchKeywords: jsonb('search_keywords').$type<string[]>().notNull().default([]),
    /** Buyers may try the first preview_chunk_limit chunks before subscribing. */
    previewEnabled: boolean('preview_enabled').notNull().default(true),
    previewChunkLimit: integer('preview_chunk_limit').notNull().default(5),
    featured: boolean('featured').notNull().default(false),
    featuredUntil: moment('featured_until'),
    // Counters, kept by the listing's subscriptions and reviews.
    totalSubscribers: integer('total_subscribers').notNull().default(0),
    totalRevenueCents: bigint('total_revenue_cents', { mode: 'number' }).notNull().default(0),
    totalQueries: bigint('total_queries', { mode: 'number' }).notNull().default(0),
    ratingAverage: numeric('rating_average', { precision: 3, scale: 2 }),
    ratingCount: integer('rating_count').notNull().default(0),
    coverImageUrl: text('cover_image_url'),
    publishedAt: moment('published_at'),
    ...timestamps(),
  },
  (t) => [
    ...reference(t.vectorStoreId, () => fluxcoreVectorStores.id, 'cascade'),
    ...reference(t.instructionId, () => fluxcoreInstructions.id, 'cascade'),
    ...reference(t.toolDefinitionId, () => fluxcoreToolDefinitions.id, 'cascade'),
    ...reference(t.sellerAccountId, () => accounts.id, 'cascade'),
    // Hot query: the catalogue, newest published first.
    index('fluxcore_marketplace_listings_status_published_idx').on(t.status, t.publishedAt.desc()),
    // The catalogue's featured shelf.
    index('fluxcore_marketplace_listings_featured_idx')
      .on(t.featuredUntil)
      .where(sql`${t.featured}`),
    check(
      'fluxcore_marketplace_listings_counters_check',
      sql`${t.priceCents} >= 0 and ${t.totalSubscribers} >= 0 and ${t.totalRevenueCents} >= 0 and ${t.totalQueries} >= 0 and ${t.ratingCount} >= 0 and ${t.previewChunkLimit} >= 0`,
    ),
    check(
      'fluxcore_marketplace_listings_one_scope_check',
      exactlyOneOf(t.vectorStoreId, t.instructionId, t.toolDefinitionId),
    ),
    check(
      'fluxcore_marketplace_listings_price_check',
      sql`${t.pricingModel} <> 'free' or ${t.priceCents} = 0`,
    ),
    check('fluxcore_marketplace_listings_currency_check', sql`${t.currency} ~ '^[A-Z]{3}$'`),
    check(
      'fluxcore_marketplace_listings_billing_period_check',
      sql`(${t.pricingModel} = 'subscription') = (${t.billingPeriod} is not null)`,
    ),
  ],
);

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
    status: marketplaceReviewStatusEnum('status').notNull().default('published'),
    helpfulCount: integer('helpful_count').notNull().default(0),
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
    accessMode: vectorStoreAccessModeEnum('access_mode').notNull().default('read'),
    tokensUsedThisPeriod: bigint('tokens_used_this_period', { mode: 'number' })
      .notNull()
      .default(0),
    tokensUsedTotal: bigint('tokens_used_total', { mode: 'number' }).notNull().default(0),
    queriesThisPeriod: integer('queries_this_period').notNull().default(0),
    queriesTotal: integer('queries_total').notNull().default(0),
    totalPaidCents: bigint('total_paid_cents', { mode: 'number' }).notNull().default(0),
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

export const fluxcoreAssetPermissionsRelations = relations(fluxcoreAssetPermissions, ({ one }) => ({
  vectorStore: one(fluxcoreVectorStores, {
    fields: [fluxcoreAssetPermissions.vectorStoreId],
    references: [fluxcoreVectorStores.id],
  }),
  instruction: one(fluxcoreInstructions, {
    fields: [fluxcoreAssetPermissions.instructionId],
    references: [fluxcoreInstructions.id],
  }),
  toolDefinition: one(fluxcoreToolDefinitions, {
    fields: [fluxcoreAssetPermissions.toolDefinitionId],
    references: [fluxcoreToolDefinitions.id],
  }),
  grantee: one(accounts, {
    fields: [fluxcoreAssetPermissions.granteeAccountId],
    references: [accounts.id],
  }),
  grantedBy: one(accounts, {
    fields: [fluxcoreAssetPermissions.grantedByAccountId],
    references: [accounts.id],
  }),
}));

export const fluxcoreMarketplaceListingsRelations = relations(
  fluxcoreMarketplaceListings,
  ({ one, many }) => ({
    vectorStore: one(fluxcoreVectorStores, {
      fields: [fluxcoreMarketplaceListings.vectorStoreId],
      references: [fluxcoreVectorStores.id],
    }),
    instruction: one(fluxcoreInstructions, {
      fields: [fluxcoreMarketplaceListings.instructionId],
      references: [fluxcoreInstructions.id],
    }),
    toolDefinition: one(fluxcoreToolDefinitions, {
      fields: [fluxcoreMarketplaceListings.toolDefinitionId],
      references: [fluxcoreToolDefinitions.id],
    }),
    seller: one(accounts, {
      fields: [fluxcoreMarketplaceListings.sellerAccountId],
      references: [accounts.id],
    }),
    reviews: many(fluxcoreMarketplaceReviews),
    subscriptions: many(fluxcoreMarketplaceSubscriptions),
  }),
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

export type FluxcoreAssetPermission = typeof fluxcoreAssetPermissions.$inferSelect;

export type NewFluxcoreAssetPermission = typeof fluxcoreAssetPermissions.$inferInsert;

export type FluxcoreMarketplaceListing = typeof fluxcoreMarketplaceListings.$inferSelect;

export type NewFluxcoreMarketplaceListing = typeof fluxcoreMarketplaceListings.$inferInsert;

export type FluxcoreMarketplaceReview = typeof fluxcoreMarketplaceReviews.$inferSelect;

export type NewFluxcoreMarketplaceReview = typeof fluxcoreMarketplaceReviews.$inferInsert;

export type FluxcoreMarketplaceSubscription = typeof fluxcoreMarketplaceSubscriptions.$inferSelect;

export type NewFluxcoreMarketplaceSubscription =
  typeof fluxcoreMarketplaceSubscriptions.$inferInsert;

export const fluxcoreAssetPermissionSchemas = {
  select: createSelectSchema(fluxcoreAssetPermissions),
  insert: createInsertSchema(fluxcoreAssetPermissions),
};

export const fluxcoreMarketplaceListingSchemas = {
  select: createSelectSchema(fluxcoreMarketplaceListings),
  insert: createInsertSchema(fluxcoreMarketplaceListings),
};

export const fluxcoreMarketplaceReviewSchemas = {
  select: createSelectSchema(fluxcoreMarketplaceReviews),
  insert: createInsertSchema(fluxcoreMarketplaceReviews),
};

export const fluxcoreMarketplaceSubscriptionSchemas = {
  select: createSelectSchema(fluxcoreMarketplaceSubscriptions),
  insert: createInsertSchema(fluxcoreMarketplaceSubscriptions),
};
