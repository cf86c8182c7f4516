/**
 * An account's credits wallet: granting credits and reading the balance. Every change of a
 * balance writes its ledger row in the same transaction, so a wallet's balance always equals
 * the sum of its ledger deltas.
 */
import { and, eq, sql } from 'drizzle-orm';
import type { Database, Transaction } from '../../connection/client.ts';
import { preparedMapped } from '../../connection/prepared.ts';
import { FluxDbError } from '../../errors/flux-db-error.ts';
import {
  accounts,
  type CreditsLedgerEntry,
  type CreditsWallet,
  creditsLedger,
  creditsWallets,
} from '../../schema/index.ts';
import { entryFingerprint, grantFingerprint } from './fingerprint.ts';

export interface GrantCreditsParams {
  accountId: string;
  /** Positive: a grant adds credits. */
  amount: number;
  /** Why the credits were given (kept in the ledger row's metadata). */
  reason: string;
  /** Names this grant: a retry with the same key grants nothing more. */
  idempotencyKey: string;
  /** The user who granted them, when a person did. */
  grantedBy?: string;
}

export type GrantCreditsResult =
  | { kind: 'granted'; balance: number; entry: CreditsLedgerEntry }
  /** The key was used before by the same request: nothing changed; `entry` is the original. */
  | { kind: 'already_granted'; balance: number; entry: CreditsLedgerEntry }
  /** The key was used before by another request (another amount, reason, or a spend). */
  | { kind: 'idempotency_key_conflict' }
  /** The balance would pass what its integer column holds: nothing changed. */
  | { kind: 'balance_overflow'; balance: number; maxBalance: number }
  | { kind: 'account_not_found' };

/** The largest balance (and grant) an `integer` column holds. */
export const maxCreditsBalance = 2_147_483_647;

/** The account's wallet, created empty the first time it is needed. */
async function ensureWallet(tx: Transaction, accountId: string): Promise<void> {
  await tx
    .insert(creditsWallets)
    .values({ accountId })
    .onConflictDoNothing({ target: creditsWallets.accountId });
}

/**
 * Locks the account's wallet row (`for update`) and returns it. Every money path (grants,
 * gating) takes this lock before any other write, so two of them on one wallet never wait on
 * each other in opposite orders (no deadlock).
 */
export async function lockWallet(
  tx: Transaction,
  accountId: string,
): Promise<CreditsWallet | undefined> {
  const [wallet] = await tx
    .select()
    .from(creditsWallets)
    .where(eq(creditsWallets.accountId, accountId))
    .for('update');
  return wallet;
}

/** The ledger row a wallet recorded under an idempotency key, if any. */
export async function findLedgerEntryByKey(
  db: Database | Transaction,
  walletId: string,
  idempotencyKey: string,
): Promise<CreditsLedgerEntry | undefined> {
  const [entry] = await db
    .select()
    .from(creditsLedger)
    .where(
      and(eq(creditsLedger.walletId, walletId), eq(creditsLedger.idempotencyKey, idempotencyKey)),
    );
  return entry;
}

/** Thrown inside the transaction to roll the ledger row back: the balance would overflow. */
class BalanceOverflow extends Error {
  constructor(readonly balance: number) {
    super('the balance would overflow');
  }
}

/**
 * Adds credits to an account, once per idempotency key. The wallet row is locked first, so
 * concurrent calls with one key run one after the other: the second finds the first's ledger
 * row and replays it when it asks for the same grant (same amount and reason), or answers
 * `idempotency_key_conflict` when it asks for anything else.
 */
export async function grantCredits(
  db: Database | Transaction,
  params: GrantCreditsParams,
): Promise<GrantCreditsResult> {
  if (!Number.isInteger(params.amount) || params.amount <= 0 || params.amount > maxCreditsBalance) {
    throw new FluxDbError(
      'INVALID_INPUT',
      `a grant adds a whole number of credits from 1 to ${maxCreditsBalance}, not ${params.amount}`,
      'Fix the amount',
    );
  }
  const fingerprint = grantFingerprint(params);
  try {
    return await db.transaction(async (tx) => {
      const [account] = await tx
        .select({ id: accounts.id })
        .from(accounts)
        .where(eq(accounts.id, params.accountId));
      if (!account) return { kind: 'account_not_found' } as const;
      await ensureWallet(tx, params.accountId);
      const wallet = await lockWallet(tx, params.accountId);
      if (!wallet)
        throw new Error(`the wallet of account ${params.accountId} vanished while granting`);
      const original = await findLedgerEntryByKey(tx, wallet.id, params.idempotencyKey);
      if (original) {
        if (original.entryType !== 'grant' || entryFingerprint(original) !== fingerprint) {
          return { kind: 'idempotency_key_conflict' } as const;
        }
        return { kind: 'already_granted', balance: wallet.balance, entry: original } as const;
      }
      // A key that got a reused AI session is recorded on that session's spend row (gating.ts).
      const [reused] = await tx
        .select({ id: creditsLedger.id })
        .from(creditsLedger)
        .where(
          and(
            eq(creditsLedger.walletId, wallet.id),
            sql`${creditsLedger.metadata}->'reuseKeys'->>${params.idempotencyKey}::text is not null`,
          ),
        )
        .limit(1);
      if (reused) return { kind: 'idempotency_key_conflict' } as const;
      if (wallet.balance > maxCreditsBalance - params.amount) {
        throw new BalanceOverflow(wallet.balance);
      }
      const [entry] = await tx
        .insert(creditsLedger)
        .values({
          walletId: wallet.id,
          accountId: params.accountId,
          delta: params.amount,
          entryType: 'grant',
          idempotencyKey: params.idempotencyKey,
          requestFingerprint: fingerprint,
          metadata: { reason: params.reason, grantedBy: params.grantedBy ?? null },
        })
        .returning();
      if (!entry) throw new Error('inserting a grant returned no row');
      const [updated] = await tx
        .update(creditsWallets)
        .set({ balance: sql`${creditsWallets.balance} + ${params.amount}` })
        .where(eq(creditsWallets.id, wallet.id))
        .returning({ balance: creditsWallets.balance });
      return { kind: 'granted', balance: updated?.balance ?? 0, entry } as const;
    });
  } catch (error) {
    if (!(error instanceof BalanceOverflow)) throw error;
    return { kind: 'balance_overflow', balance: error.balance, maxBalance: maxCreditsBalance };
  }
}

/** An account's balance: 0 for an account that never had a wallet. */
export async function readCreditsBalance(
  db: Database | Transaction,
  accountId: string,
): Promise<number> {
  return preparedMapped(
    db,
    'fluxcore_credits_balance',
    () =>
      db
        .select({ balance: creditsWallets.balance })
        .from(creditsWallets)
        .where(eq(creditsWallets.accountId, sql.placeholder('accountId'))),
    (rows) => (rows[0]?.[0] as number | undefined) ?? 0,
  ).execute({ accountId });
}
