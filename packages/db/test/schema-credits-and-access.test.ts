/**
 * The credits and access domain (DOMAIN.md section 3) on both database kinds: wallets and their
 * ledger (a balance never below zero, an entry's sign matching its type, history kept), AI
 * entitlements, and one active deletion job per account. The drizzle-zod insert schema of
 * ledger entries needs no database.
 */
import { beforeAll, describe, expect, test } from 'bun:test';
import {
  createAccount,
  createWallet,
  databaseKinds,
  useMigratedDatabase,
} from '@fluxcore/db/testing';
import { asc, eq, sql } from 'drizzle-orm';
import type { Database } from '../src/connection/client.ts';
import {
  accountAiEntitlements,
  accountDeletionJobs,
  accounts,
  aiSessionFeatureKey,
  creditsLedger,
  creditsLedgerEntrySchemas,
  creditsWallets,
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

  describe('credits and access', () => {
    test('a wallet starts at zero and loads its account and ledger entries', async () => {
      const wallet = await createWallet(db);
      expect(wallet.balance).toBe(0);
      expect(wallet.id).toMatch(uuidPattern);

      await db.insert(creditsLedger).values([
        {
          walletId: wallet.id,
          accountId: wallet.accountId,
          delta: 100,
          entryType: 'grant',
          idempotencyKey: 'stripe:pi_123',
          metadata: { reason: 'welcome pack' },
        },
        {
          walletId: wallet.id,
          accountId: wallet.accountId,
          delta: -30,
          entryType: 'spend',
          featureKey: aiSessionFeatureKey,
          engine: 'openai',
          model: 'gpt-4o-mini',
        },
      ]);
      await db.update(creditsWallets).set({ balance: 70 }).where(eq(creditsWallets.id, wallet.id));

      const loaded = await db.query.creditsWallets.findFirst({
        where: eq(creditsWallets.id, wallet.id),
        with: { account: true, ledgerEntries: { orderBy: asc(creditsLedger.delta) } },
      });
      expect(loaded?.account.id).toBe(wallet.accountId);
      expect(loaded?.ledgerEntries.map((entry) => [entry.entryType, entry.delta])).toEqual([
        ['spend', -30],
        ['grant', 100],
      ]);
      expect(loaded?.ledgerEntries[0]?.featureKey).toBe('ai.session');
      expect(loaded?.ledgerEntries[0]?.metadata).toEqual({});
      expect(loaded?.ledgerEntries[1]?.metadata).toEqual({ reason: 'welcome pack' });
      const total = (loaded?.ledgerEntries ?? []).reduce((sum, entry) => sum + entry.delta, 0);
      expect(loaded?.balance).toBe(total);
    });

    test('a wallet balance never goes below zero', async () => {
      const account = await createAccount(db);
      await expectRefusedBy(
        db.insert(creditsWallets).values({ accountId: account.id, balance: -1 }),
        'credits_wallets_balance_check',
      );
      const wallet = await createWallet(db, { accountId: account.id, balance: 10 });
      await expectRefusedBy(
        db
          .update(creditsWallets)
          .set({ balance: sql`${creditsWallets.balance} - 11` })
          .where(eq(creditsWallets.id, wallet.id)),
        'credits_wallets_balance_check',
      );
      const after = single(
        await db.select().from(creditsWallets).where(eq(creditsWallets.id, wallet.id)),
      );
      expect(after.balance).toBe(10);
    });

    test('a ledger entry whose sign contradicts its type is refused', async () => {
      const wallet = await createWallet(db);
      await expectRefusedBy(
        db.insert(creditsLedger).values({
          walletId: wallet.id,
          accountId: wallet.accountId,
          delta: 5,
          entryType: 'spend',
        }),
        'credits_ledger_delta_sign_check',
      );
    });

    test('a wallet with history cannot be deleted alone, but deleting its account removes both', async () => {
      const wallet = await createWallet(db, { balance: 10 });
      await db.insert(creditsLedger).values({
        walletId: wallet.id,
        accountId: wallet.accountId,
        delta: 10,
        entryType: 'grant',
      });
      await expectRefusedBy(
        db.delete(creditsWallets).where(eq(creditsWallets.id, wallet.id)),
        'credits_ledger_wallet_id_fk',
      );

      await db.delete(accounts).where(eq(accounts.id, wallet.accountId));
      const wallets = await db
        .select()
        .from(creditsWallets)
        .where(eq(creditsWallets.id, wallet.id));
      const entries = await db
        .select()
        .from(creditsLedger)
        .where(eq(creditsLedger.walletId, wallet.id));
      expect(wallets).toEqual([]);
      expect(entries).toEqual([]);
    });

    test('AI entitlements are off by default and keep their providers as an enum array', async () => {
      const off = single(
        await db
          .insert(accountAiEntitlements)
          .values({ accountId: (await createAccount(db)).id })
          .returning(),
      );
      expect(off).toMatchObject({ enabled: false, allowedProviders: [], defaultProvider: null });

      const account = await createAccount(db);
      const on = single(
        await db
          .insert(accountAiEntitlements)
          .values({
            accountId: account.id,
            enabled: true,
            allowedProviders: ['openai', 'anthropic'],
            defaultProvider: 'anthropic',
          })
          .returning(),
      );
      const loaded = await db.query.accountAiEntitlements.findFirst({
        where: eq(accountAiEntitlements.id, on.id),
        with: { account: true },
      });
      expect(loaded?.allowedProviders).toEqual(['openai', 'anthropic']);
      expect(loaded?.account.username).toBe(account.username);

      await expectRefusedBy(
        db.insert(accountAiEntitlements).values({
          accountId: (await createAccount(db)).id,
          allowedProviders: ['openai'],
          defaultProvider: 'groq',
        }),
        'account_ai_entitlements_default_provider_check',
      );
    });

    test('an account has one active deletion job; finished jobs stay as history', async () => {
      const account = await createAccount(db);
      const job = single(
        await db.insert(accountDeletionJobs).values({ accountId: account.id }).returning(),
      );
      expect(job).toMatchObject({
        status: 'pending',
        attempts: 0,
        maxAttempts: 5,
        snapshot: {},
        externalState: {},
        lockedBy: null,
      });
      expectRecent(job.nextAttemptAt);

      await expectRefusedBy(
        db.insert(accountDeletionJobs).values({ accountId: account.id }),
        'account_deletion_jobs_active_account_key',
      );
      await db
        .update(accountDeletionJobs)
        .set({ status: 'failed', failureReason: 'storage unreachable' })
        .where(eq(accountDeletionJobs.id, job.id));
      const retry = single(
        await db.insert(accountDeletionJobs).values({ accountId: account.id }).returning(),
      );
      expect(retry.status).toBe('pending');
    });
  });
});

describe('the drizzle-zod insert schemas', () => {
  test("credits: a ledger entry type is any string up to 30 characters, as the original's varchar", () => {
    const entry = { walletId: someId, accountId: otherId, delta: 25, entryType: 'bonus' };
    expect(creditsLedgerEntrySchemas.insert.safeParse(entry).success).toBe(true);
    expectAcceptedThenRefusedOn(
      creditsLedgerEntrySchemas.insert,
      entry,
      'entryType',
      'x'.repeat(31),
    );
  });
});
