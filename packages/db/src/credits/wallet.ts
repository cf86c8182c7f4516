/**
 * An account's credits wallet: granting credits and reading the balance. Every change of a
 * balance writes its ledger row in the same transaction, so a wallet's balance always equals
 * the sum of its ledger deltas.
 */
import { and, eq, sql } from 'drizzle-orm';
import type { Database, Transaction } from '../client.ts';
import { preparedStatement } from '../prepared.ts';
import {
  accounts,
  type CreditsLedgerEntry,
  type CreditsWallet,
  creditsLedger,
  creditsWallets,
} from '../schema/index.ts';

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
  /** The key was used before: nothing changed; `entry` is the original grant. */
  | { kind: 'already_granted'; balance: number; entry: CreditsLedgerEntry }
  | { kind: 'account_not_found' };

/** The account's wallet, created empty the first time it is needed. */
async function ensureWallet(tx: Transaction, accountId: string): Promise<CreditsWallet> {
  await tx
    .insert(creditsWallets)
    .values({ accountId })
    .onConflictDoNothing({ target: creditsWallets.accountId });
  const [wallet] = await tx
    .select()
    .from(creditsWallets)
    .where(eq(creditsWallets.accountId, accountId));
  if (!wallet) throw new Error(`the wallet of account ${accountId} vanished while granting`);
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

/**
 * Adds credits to an account, once per idempotency key. The ledger's unique (wallet_id,
 * idempotency_key) decides between concurrent calls with one key: the second insert waits for
 * the first to commit, then does nothing, and the balance is only raised by the one that wrote
 * the row.
 */
export async function grantCredits(
  db: Database | Transaction,
  params: GrantCreditsParams,
): Promise<GrantCreditsResult> {
  if (!Number.isSafeInteger(params.amount) || params.amount <= 0) {
    throw new RangeError(`a grant adds a positive whole number of credits, not ${params.amount}`);
  }
  return db.transaction(async (tx) => {
    const [account] = await tx
      .select({ id: accounts.id })
      .from(accounts)
      .where(eq(accounts.id, params.accountId));
    if (!account) return { kind: 'account_not_found' } as const;
    const wallet = await ensureWallet(tx, params.accountId);
    const [entry] = await tx
      .insert(creditsLedger)
      .values({
        walletId: wallet.id,
        accountId: params.accountId,
        delta: params.amount,
        entryType: 'grant',
        idempotencyKey: params.idempotencyKey,
        metadata: { reason: params.reason, grantedBy: params.grantedBy ?? null },
      })
      .onConflictDoNothing({ target: [creditsLedger.walletId, creditsLedger.idempotencyKey] })
      .returning();
    if (!entry) {
      const original = await findLedgerEntryByKey(tx, wallet.id, params.idempotencyKey);
      if (!original) throw new Error('a conflicting grant vanished while granting');
      const balance = await readCreditsBalance(tx, params.accountId);
      return { kind: 'already_granted', balance, entry: original } as const;
    }
    const [updated] = await tx
      .update(creditsWallets)
      .set({ balance: sql`${creditsWallets.balance} + ${params.amount}` })
      .where(eq(creditsWallets.id, wallet.id))
      .returning({ balance: creditsWallets.balance });
    return { kind: 'granted', balance: updated?.balance ?? 0, entry } as const;
  });
}

/** An account's balance: 0 for an account that never had a wallet. */
export async function readCreditsBalance(
  db: Database | Transaction,
  accountId: string,
): Promise<number> {
  const [row] = await preparedStatement(db, 'fluxcore_credits_balance', (name) =>
    db
      .select({ balance: creditsWallets.balance })
      .from(creditsWallets)
      .where(eq(creditsWallets.accountId, sql.placeholder('accountId')))
      .prepare(name),
  ).execute({ accountId });
  return row?.balance ?? 0;
}
