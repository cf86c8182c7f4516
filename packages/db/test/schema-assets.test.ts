/**
 * The assets domain (DOMAIN.md section 6) on both database kinds: assets and templates, the
 * marketplace (listings, subscriptions, reviews counted by 0029's triggers), account credits
 * with four-decimal amounts. The drizzle-zod insert schema of listings needs no database.
 */
import { beforeAll, describe, expect, test } from 'bun:test';
import { randomUUID } from 'node:crypto';
import {
  createAccount,
  createAsset,
  createListing,
  createTemplate,
  databaseKinds,
  useMigratedDatabase,
} from '@fluxcore/db/testing';
import { eq } from 'drizzle-orm';
import type { Database } from '../src/connection/client.ts';
import {
  fluxcoreAccountCredits,
  fluxcoreCreditTransactions,
  fluxcoreMarketplaceListingSchemas,
  fluxcoreMarketplaceListings,
  fluxcoreMarketplaceReviews,
  fluxcoreMarketplaceSubscriptions,
  fluxcoreTemplateSettings,
  templateAssets,
  templates,
} from '../src/schema/index.ts';
import {
  expectAcceptedThenRefusedOn,
  expectRecent,
  expectRefusedBy,
  otherId,
  single,
  someId,
  uuidPattern,
} from './support/rows.ts';

describe.each(databaseKinds)('on a fresh %s database', (kind) => {
  const migrated = useMigratedDatabase(kind);
  let db: Database;
  beforeAll(() => {
    db = migrated.db;
  });

  describe('assets, templates, marketplace and billing', () => {
    test('an asset gets its lifecycle defaults and a template loads its settings and assets', async () => {
      const account = await createAccount(db);
      const asset = await createAsset(db, {
        accountId: account.id,
        mimeType: 'image/png',
        sizeBytes: 204_800,
        checksumSHA256: 'ab'.repeat(32),
        metadata: { width: 1200, height: 630 },
      });
      expect(asset).toMatchObject({
        scope: 'message_attachment',
        status: 'pending',
        dedupPolicy: 'intra_account',
        version: 1,
        storageProvider: 'local',
        sizeBytes: 204_800,
        deletedAt: null,
      });
      expect(asset.metadata).toEqual({ width: 1200, height: 630 });

      const template = await createTemplate(db, {
        accountId: account.id,
        variables: [
          { name: 'name', type: 'contact', required: true },
          { name: 'date', type: 'date', label: 'Appointment date' },
        ],
        tags: ['booking'],
      });
      expect(template).toMatchObject({ isActive: true, usageCount: 0, category: null });
      await db.insert(fluxcoreTemplateSettings).values({
        templateId: template.id,
        authorizeForAI: true,
        aiUsageInstructions: 'Use it to confirm a booking.',
      });
      const link = single(
        await db
          .insert(templateAssets)
          .values({ templateId: template.id, assetId: asset.id })
          .returning(),
      );
      expect(link).toMatchObject({ slot: 'default', version: 1 });

      const loaded = await db.query.templates.findFirst({
        where: eq(templates.id, template.id),
        with: { settings: true, assetLinks: { with: { asset: true } } },
      });
      expect(loaded?.variables).toEqual([
        { name: 'name', type: 'contact', required: true },
        { name: 'date', type: 'date', label: 'Appointment date' },
      ]);
      expect(loaded?.settings).toMatchObject({
        authorizeForAI: true,
        aiIncludeName: true,
        aiIncludeContent: true,
        aiIncludeInstructions: true,
      });
      expect(loaded?.assetLinks.map((row) => row.asset.checksumSHA256)).toEqual(['ab'.repeat(32)]);
    });

    test('a listing keeps its price in cents, counts its subscribers and rating, and loads its store, subscriptions and reviews', async () => {
      const seller = await createAccount(db, { accountType: 'business' });
      const buyer = await createAccount(db);
      const listing = await createListing(db, {
        sellerAccountId: seller.id,
        pricingModel: 'subscription',
        billingPeriod: 'monthly',
        priceCents: 1990,
        tags: ['flowers', 'catalogue'],
      });
      expect(listing).toMatchObject({
        priceCents: 1990,
        currency: 'USD',
        status: 'draft',
        licenseType: 'personal',
        totalSubscribers: 0,
        ratingAverage: null,
        ratingCount: 0,
      });
      expect(listing.tags).toEqual(['flowers', 'catalogue']);

      const subscription = single(
        await db
          .insert(fluxcoreMarketplaceSubscriptions)
          .values({ listingId: listing.id, subscriberAccountId: buyer.id, totalPaidCents: 1990 })
          .returning(),
      );
      expect(subscription).toMatchObject({
        status: 'active',
        accessMode: 'read',
        totalPaidCents: 1990,
        queriesTotal: 0,
      });
      expectRecent(subscription.startedAt);

      const review = single(
        await db
          .insert(fluxcoreMarketplaceReviews)
          .values({
            listingId: listing.id,
            reviewerAccountId: buyer.id,
            subscriptionId: subscription.id,
            rating: 5,
            title: 'Exactly what my shop needed',
          })
          .returning(),
      );
      expect(review).toMatchObject({ status: 'published', helpfulCount: 0 });

      const loaded = await db.query.fluxcoreMarketplaceListings.findFirst({
        where: eq(fluxcoreMarketplaceListings.id, listing.id),
        with: {
          vectorStore: true,
          seller: true,
          subscriptions: true,
          reviews: { with: { reviewer: true, subscription: true } },
        },
      });
      expect(listing.vectorStoreId).toMatch(uuidPattern);
      expect(loaded?.vectorStore?.id).toBe(listing.vectorStoreId as string);
      expect(loaded?.seller.id).toBe(seller.id);
      expect(loaded?.subscriptions.map((row) => row.id)).toEqual([subscription.id]);
      expect(loaded?.reviews.map((row) => [row.rating, row.reviewer.id])).toEqual([[5, buyer.id]]);
      expect(loaded?.reviews[0]?.subscription?.totalPaidCents).toBe(1990);
      // The triggers of 0029 counted the subscription and the published review.
      expect(loaded).toMatchObject({ totalSubscribers: 1, ratingAverage: '5.00', ratingCount: 1 });
    });

    test('a review rating outside 1 to 5 is refused', async () => {
      const listing = await createListing(db, { sellerAccountId: (await createAccount(db)).id });
      for (const rating of [6, 0]) {
        await expectRefusedBy(
          db.insert(fluxcoreMarketplaceReviews).values({
            listingId: listing.id,
            reviewerAccountId: (await createAccount(db)).id,
            rating,
          }),
          'fluxcore_marketplace_reviews_rating_check',
        );
      }
    });

    test('account credits keep four-decimal amounts as strings and load their transactions account', async () => {
      const account = await createAccount(db);
      const credits = single(
        await db
          .insert(fluxcoreAccountCredits)
          .values({ accountId: account.id, balanceCredits: '100.5', monthlyLimitCredits: '250' })
          .returning(),
      );
      expect(credits).toMatchObject({
        balanceCredits: '100.5000',
        reserved: '0.0000',
        usedToday: '0.0000',
        monthlyLimitCredits: '250.0000',
        dailyLimitCredits: null,
        planType: 'free',
        alertThresholdPercent: 80,
      });

      const purchase = single(
        await db
          .insert(fluxcoreCreditTransactions)
          .values({
            accountId: account.id,
            transactionType: 'purchase',
            amountCredits: '100.5',
            balanceAfter: '100.5',
            stripePaymentIntentId: `pi_${randomUUID().slice(0, 8)}`,
          })
          .returning(),
      );
      const loaded = await db.query.fluxcoreCreditTransactions.findFirst({
        where: eq(fluxcoreCreditTransactions.id, purchase.id),
        with: { account: true },
      });
      expect(loaded).toMatchObject({
        amountCredits: '100.5000',
        balanceAfter: '100.5000',
        metadata: {},
      });
      expect(loaded?.account.id).toBe(account.id);

      await expectRefusedBy(
        db
          .update(fluxcoreAccountCredits)
          .set({ balanceCredits: '-0.0001' })
          .where(eq(fluxcoreAccountCredits.id, credits.id)),
        'fluxcore_account_credits_amounts_check',
      );
    });
  });
});

describe('the drizzle-zod insert schemas', () => {
  test('assets: a listing pricing model must be free, one_time, subscription or usage', () => {
    expectAcceptedThenRefusedOn(
      fluxcoreMarketplaceListingSchemas.insert,
      {
        sellerAccountId: someId,
        vectorStoreId: otherId,
        title: 'Catalogue',
        pricingModel: 'one_time',
        price: '9.99',
      },
      'pricingModel',
      'pay_what_you_want',
    );
  });
});
