/**
 * The database's own work under row-level security (issue 24), on both databases, as the
 * runtime roles:
 * - the counter triggers (0029) keep a listing's subscribers and ratings, and a vector store's
 *   file counts, when the writer is fluxcore_app acting for a tenant that cannot see, or may
 *   not change, the row the trigger updates (another seller's listing);
 * - fluxcore_clear_account_references (0053), the deletion worker's one step past the
 *   policies, refuses the API's role, and the system role for an account with no deletion
 *   under way or that is not its tenant.
 */
import { beforeAll, describe, expect, test } from 'bun:test';
import { createOwnedAccount, databaseKinds, useMigratedDatabase } from '@fluxcore/db/testing';
import { eq, sql } from 'drizzle-orm';
import type { Database } from '../src/connection/client.ts';
import { rawRows } from '../src/connection/raw-rows.ts';
import { withTenant } from '../src/connection/with-tenant.ts';
import {
  accountDeletionJobs,
  appointments,
  fluxcoreMarketplaceListings,
  fluxcoreMarketplaceReviews,
  fluxcoreMarketplaceSubscriptions,
  fluxcoreVectorStoreFiles,
  fluxcoreVectorStoreStats,
  fluxcoreVectorStores,
} from '../src/schema/index.ts';
import { runtimeRoles } from '../src/schema/tenancy/index.ts';
import { refusal } from './support/refusal.ts';

const { app, system } = runtimeRoles;

describe.each(databaseKinds)('row-level security and the database’s own work (%s)', (kind) => {
  const migrated = useMigratedDatabase(kind);
  let db: Database;
  beforeAll(() => {
    db = migrated.client.db;
  });

  /** A listing of the seller's, on a vector store of its own, as the owner writes it. */
  const listingOf = async (sellerAccountId: string, status: 'draft' | 'published') => {
    const [store] = await db
      .insert(fluxcoreVectorStores)
      .values({ accountId: sellerAccountId, name: `kb-${status}` })
      .returning({ id: fluxcoreVectorStores.id });
    const [listing] = await db
      .insert(fluxcoreMarketplaceListings)
      .values({ sellerAccountId, vectorStoreId: store?.id, title: 'kb', status })
      .returning({ id: fluxcoreMarketplaceListings.id });
    return listing?.id ?? '';
  };

  test("a buyer's subscription and review update the seller's listing it may not change", async () => {
    const seller = await createOwnedAccount(db, 'seller');
    const buyer = await createOwnedAccount(db, 'buyer');
    const listingId = await listingOf(seller.account.id, 'published');
    const counters = async () => {
      const [row] = await db
        .select({
          subscribers: fluxcoreMarketplaceListings.totalSubscribers,
          ratingCount: fluxcoreMarketplaceListings.ratingCount,
          ratingAverage: fluxcoreMarketplaceListings.ratingAverage,
        })
        .from(fluxcoreMarketplaceListings)
        .where(eq(fluxcoreMarketplaceListings.id, listingId));
      return row;
    };
    expect(await counters()).toEqual({ subscribers: 0, ratingCount: 0, ratingAverage: null });

    // The buyer, as the API's role: it reads the published listing, and may not change it.
    const changed = await withTenant(
      db,
      buyer.account.id,
      (tx) =>
        rawRows(
          tx,
          sql`update fluxcore_marketplace_listings set title = 'mine' where id = ${listingId} returning id`,
        ),
      { role: app },
    );
    expect(changed).toEqual([]);
    await withTenant(
      db,
      buyer.account.id,
      async (tx) => {
        await tx
          .insert(fluxcoreMarketplaceSubscriptions)
          .values({ listingId, subscriberAccountId: buyer.account.id });
        await tx
          .insert(fluxcoreMarketplaceReviews)
          .values({ listingId, reviewerAccountId: buyer.account.id, rating: 4 });
      },
      { role: app },
    );
    expect(await counters()).toEqual({ subscribers: 1, ratingCount: 1, ratingAverage: '4.00' });

    await withTenant(
      db,
      buyer.account.id,
      async (tx) => {
        await tx
          .update(fluxcoreMarketplaceReviews)
          .set({ rating: 2 })
          .where(eq(fluxcoreMarketplaceReviews.listingId, listingId));
      },
      { role: app },
    );
    expect(await counters()).toEqual({ subscribers: 1, ratingCount: 1, ratingAverage: '2.00' });

    await withTenant(
      db,
      buyer.account.id,
      async (tx) => {
        await tx
          .delete(fluxcoreMarketplaceReviews)
          .where(eq(fluxcoreMarketplaceReviews.listingId, listingId));
        await tx
          .delete(fluxcoreMarketplaceSubscriptions)
          .where(eq(fluxcoreMarketplaceSubscriptions.listingId, listingId));
      },
      { role: app },
    );
    expect(await counters()).toEqual({ subscribers: 0, ratingCount: 0, ratingAverage: null });
  });

  test("a buyer cannot subscribe to, or review, a seller's unpublished listing; what it wrote before stays its own", async () => {
    const seller = await createOwnedAccount(db, 'hidden-seller');
    const buyer = await createOwnedAccount(db, 'hidden-buyer');
    const draft = await listingOf(seller.account.id, 'draft');
    const published = await listingOf(seller.account.id, 'published');
    const asBuyer = <T>(
      work: (tx: Parameters<Parameters<typeof withTenant>[2]>[0]) => Promise<T>,
    ) => withTenant(db, buyer.account.id, work, { role: app });
    const subscribe = (listingId: string) =>
      asBuyer((tx) =>
        tx
          .insert(fluxcoreMarketplaceSubscriptions)
          .values({ listingId, subscriberAccountId: buyer.account.id }),
      );
    const review = (listingId: string) =>
      asBuyer((tx) =>
        tx
          .insert(fluxcoreMarketplaceReviews)
          .values({ listingId, reviewerAccountId: buyer.account.id, rating: 5 }),
      );
    const policyRefusal = /new row violates row-level security policy/;
    expect(await refusal(subscribe(draft))).toMatch(policyRefusal);
    expect(await refusal(review(draft))).toMatch(policyRefusal);
    expect(await refusal(subscribe(published))).toBe('accepted');
    expect(await refusal(review(published))).toBe('accepted');
    // The seller (its own draft) may still review and subscribe to what it sees.
    expect(
      await refusal(
        withTenant(
          db,
          seller.account.id,
          (tx) =>
            tx
              .insert(fluxcoreMarketplaceSubscriptions)
              .values({ listingId: draft, subscriberAccountId: seller.account.id }),
          { role: app },
        ),
      ),
    ).toBe('accepted');

    // Nor can it move what it wrote to the unpublished listing (0057's trigger).
    const moveRefusal = /listing [0-9a-f-]{36} is not one this role sees/;
    const moveTo = (listingId: string) =>
      asBuyer((tx) =>
        tx
          .update(fluxcoreMarketplaceSubscriptions)
          .set({ listingId })
          .where(eq(fluxcoreMarketplaceSubscriptions.listingId, published))
          .returning({ id: fluxcoreMarketplaceSubscriptions.id }),
      );
    expect(await refusal(moveTo(draft))).toMatch(moveRefusal);
    expect(
      await refusal(
        asBuyer((tx) =>
          tx
            .update(fluxcoreMarketplaceReviews)
            .set({ listingId: draft })
            .where(eq(fluxcoreMarketplaceReviews.listingId, published)),
        ),
      ),
    ).toMatch(moveRefusal);

    // The owner (the original app's connection), whom no policy limits, moves it as before.
    const moved = await db
      .update(fluxcoreMarketplaceReviews)
      .set({ listingId: draft })
      .where(eq(fluxcoreMarketplaceReviews.listingId, published))
      .returning({ listingId: fluxcoreMarketplaceReviews.listingId });
    expect(moved).toEqual([{ listingId: draft }]);
    await db
      .update(fluxcoreMarketplaceReviews)
      .set({ listingId: published })
      .where(eq(fluxcoreMarketplaceReviews.listingId, draft));

    // Unpublished since: the buyer still edits its review, pauses and cancels its subscription.

    await db
      .update(fluxcoreMarketplaceListings)
      .set({ status: 'draft' })
      .where(eq(fluxcoreMarketplaceListings.id, published));
    const edited = await asBuyer((tx) =>
      tx
        .update(fluxcoreMarketplaceReviews)
        .set({ rating: 1 })
        .where(eq(fluxcoreMarketplaceReviews.listingId, published))
        .returning({ rating: fluxcoreMarketplaceReviews.rating }),
    );
    expect(edited).toEqual([{ rating: 1 }]);
    const paused = await asBuyer((tx) =>
      tx
        .update(fluxcoreMarketplaceSubscriptions)
        .set({ status: 'paused' })
        .where(eq(fluxcoreMarketplaceSubscriptions.listingId, published))
        .returning({ status: fluxcoreMarketplaceSubscriptions.status }),
    );
    expect(paused).toEqual([{ status: 'paused' }]);
    const cancelled = await asBuyer((tx) =>
      tx
        .delete(fluxcoreMarketplaceSubscriptions)
        .where(eq(fluxcoreMarketplaceSubscriptions.listingId, published))
        .returning({ id: fluxcoreMarketplaceSubscriptions.id }),
    );
    expect(cancelled).toHaveLength(1);
    const rows = await db
      .select({ id: fluxcoreMarketplaceSubscriptions.id })
      .from(fluxcoreMarketplaceSubscriptions)
      .where(eq(fluxcoreMarketplaceSubscriptions.subscriberAccountId, buyer.account.id));
    expect(rows).toEqual([]);
  });

  test("a store's files keep its stats as the API's role", async () => {
    const owner = await createOwnedAccount(db, 'store-owner');
    const stats = await withTenant(
      db,
      owner.account.id,
      async (tx) => {
        const [store] = await tx
          .insert(fluxcoreVectorStores)
          .values({ accountId: owner.account.id, name: 'docs' })
          .returning({ id: fluxcoreVectorStores.id });
        const storeId = store?.id ?? '';
        await tx.insert(fluxcoreVectorStoreFiles).values([
          { vectorStoreId: storeId, name: 'a.txt', sizeBytes: 10 },
          { vectorStoreId: storeId, name: 'b.txt', sizeBytes: 32 },
        ]);
        await tx.delete(fluxcoreVectorStoreFiles).where(eq(fluxcoreVectorStoreFiles.name, 'a.txt'));
        return storeId;
      },
      { role: app },
    );
    const [row] = await db
      .select({
        files: fluxcoreVectorStoreStats.fileCount,
        bytes: fluxcoreVectorStoreStats.totalSizeBytes,
      })
      .from(fluxcoreVectorStoreStats)
      .where(eq(fluxcoreVectorStoreStats.vectorStoreId, stats));
    expect(row).toEqual({ files: 1, bytes: 32 });
  });

  test('fluxcore_clear_account_references: only the system role, only its tenant under deletion', async () => {
    const peer = await createOwnedAccount(db, 'peer');
    const client = await createOwnedAccount(db, 'client');
    const [appointment] = await db
      .insert(appointments)
      .values({
        accountId: peer.account.id,
        clientAccountId: client.account.id,
        scheduledAt: new Date(),
        durationMinutes: 30,
      })
      .returning({ id: appointments.id });
    const clear = (role: typeof app | typeof system, tenant: string, account: string) =>
      withTenant(
        db,
        tenant,
        (tx) =>
          rawRows<{ cleared: number }>(
            tx,
            sql`select fluxcore_clear_account_references(${account}) as "cleared"`,
          ),
        { role },
      );
    expect(await refusal(clear(app, client.account.id, client.account.id))).toBe(
      'permission denied for function fluxcore_clear_account_references',
    );
    const notUnderDeletion = `fluxcore_clear_account_references: account ${client.account.id} is not the tenant of this transaction with its deletion under way`;
    expect(await refusal(clear(system, client.account.id, client.account.id))).toBe(
      notUnderDeletion,
    );
    // A job past its snapshot: cleared for that tenant only, never for another one.
    await db
      .insert(accountDeletionJobs)
      .values({ accountId: client.account.id, status: 'snapshot_ready' });
    expect(await refusal(clear(system, peer.account.id, client.account.id))).toBe(notUnderDeletion);
    const reference = async () => {
      const [row] = await db
        .select({ client: appointments.clientAccountId })
        .from(appointments)
        .where(eq(appointments.id, appointment?.id ?? ''));
      return row?.client;
    };
    expect(await reference()).toBe(client.account.id);
    expect(await clear(system, client.account.id, client.account.id)).toEqual([{ cleared: 1 }]);
    expect(await reference()).toBeNull();
  });
});
