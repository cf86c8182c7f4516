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
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';
import { fluxcoreInstructions } from '../assistants/fluxcore-instructions.ts';
import { fluxcoreToolDefinitions } from '../assistants/fluxcore-tool-definitions.ts';
import { accounts } from '../chat/accounts.ts';
import { exactlyOneOf, id, moment, reference, rowSchemas, timestamps } from '../columns.ts';
import { fluxcoreVectorStores } from '../rag/fluxcore-vector-stores.ts';
import {
  type MarketplaceLicenseType,
  marketplaceBillingPeriodEnum,
  marketplaceListingStatusEnum,
  marketplacePricingModelEnum,
} from './constants.ts';
import { fluxcoreMarketplaceReviews } from './fluxcore-marketplace-reviews.ts';
import { fluxcoreMarketplaceSubscriptions } from './fluxcore-marketplace-subscriptions.ts';

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
    tags: jsonb('tags').$type<string[]>().default([]),
    pricingModel: marketplacePricingModelEnum('pricing_model').notNull().default('free'),
    currency: char('currency', { length: 3 }).default('USD'),
    billingPeriod: marketplaceBillingPeriodEnum('billing_period'),
    status: marketplaceListingStatusEnum('status').notNull().default('draft'),
    /** Per purchase or per billing period, by pricing_model, in cents of currency. */
    priceCents: integer('price_cents').default(0),
    /** For pricing_model usage: cents per 1,000 tokens. */
    usagePricePer1kTokens: integer('usage_price_per_1k_tokens'),
    licenseType: varchar('license_type', { length: 50 })
      .$type<MarketplaceLicenseType>()

      .default('personal'),
    termsUrl: text('terms_url'),
    demoUrl: text('demo_url'),
    screenshots: jsonb('screenshots').$type<string[]>().default([]),
    searchKeywords: jsonb('search_keywords').$type<string[]>().default([]),
    /** Buyers may try the first preview_chunk_limit chunks before subscribing. */
    previewEnabled: boolean('preview_enabled').default(true),
    previewChunkLimit: integer('preview_chunk_limit').default(5),
    featured: boolean('featured').default(false),
    featuredUntil: moment('featured_until'),
    // Counters, kept by the listing's subscriptions and reviews.
    totalSubscribers: integer('total_subscribers').default(0),
    totalRevenueCents: bigint('total_revenue_cents', { mode: 'number' }).default(0),
    totalQueries: bigint('total_queries', { mode: 'number' }).default(0),
    ratingAverage: numeric('rating_average', { precision: 3, scale: 2 }),
    ratingCount: integer('rating_count').default(0),
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
  ],
);

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

export type FluxcoreMarketplaceListing = typeof fluxcoreMarketplaceListings.$inferSelect;

export type NewFluxcoreMarketplaceListing = typeof fluxcoreMarketplaceListings.$inferInsert;

export const fluxcoreMarketplaceListingSchemas = rowSchemas(fluxcoreMarketplaceListings);
