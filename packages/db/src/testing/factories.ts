/**
 * Test data for the operations and the schema tests: users and accounts, relationships,
 * conversations and messages, wallets, and a payer with credits. Built through the typed
 * drizzle API, so a schema change that breaks a fixture fails to compile. Every factory takes a
 * database or a transaction (`db.transaction((tx) => createOwnedAccount(tx))`) and overrides of
 * any column; a parent row a factory needs (an account's owner, a relationship's accounts, a
 * wallet's account) is made when the overrides do not name one.
 */
import { randomUUID } from 'node:crypto';
import type { Database, Transaction } from '../connection/client.ts';
import { grantCredits } from '../operations/credits/wallet.ts';
import {
  accounts,
  conversations,
  creditsWallets,
  messages,
  type NewAccount,
  type NewConversation,
  type NewCreditsWallet,
  type NewMessage,
  type NewRelationship,
  type NewUser,
  relationships,
  users,
} from '../schema/index.ts';

/** Where a factory writes: a database handle or an open transaction. */
export type Writer = Database | Transaction;

/** A short random text for the values unique indexes cover (emails, usernames, hashes…). */
export const unique = () => randomUUID().slice(0, 8);

/** The one row an `insert … returning()` gave back. */
export async function first<T>(rows: Promise<T[]>): Promise<T> {
  const [row] = await rows;
  if (!row) throw new Error('insert returned no row');
  return row;
}

export async function createUser(db: Writer, overrides: Partial<NewUser> = {}) {
  return first(
    db
      .insert(users)
      .values({
        email: `${unique()}@example.test`,
        passwordHash: 'x',
        name: 'Test user',
        ...overrides,
      })
      .returning(),
  );
}

/** An account, owned by a new user (named like the account) unless `ownerUserId` is given. */
export async function createAccount(db: Writer, overrides: Partial<NewAccount> = {}) {
  const label = overrides.displayName ?? 'account';
  const ownerUserId = overrides.ownerUserId ?? (await createUser(db, { name: label })).id;
  return first(
    db
      .insert(accounts)
      .values({ username: `${label}_${unique()}`, displayName: label, ...overrides, ownerUserId })
      .returning(),
  );
}

/** A user owning one account, both named `label` unless the overrides say otherwise. */
export async function createOwnedAccount(
  db: Writer,
  label = 'account',
  overrides: { user?: Partial<NewUser>; account?: Partial<NewAccount> } = {},
) {
  const user = await createUser(db, { name: label, ...overrides.user });
  const account = await createAccount(db, {
    displayName: label,
    ...overrides.account,
    ownerUserId: user.id,
  });
  return { user, account };
}

/** A relationship between two accounts, new ones unless `accountAId`/`accountBId` are given. */
export async function createRelationship(db: Writer, overrides: Partial<NewRelationship> = {}) {
  const accountAId = overrides.accountAId ?? (await createAccount(db)).id;
  const accountBId = overrides.accountBId ?? (await createAccount(db)).id;
  const relationship = await first(
    db
      .insert(relationships)
      .values({ ...overrides, accountAId, accountBId })
      .returning(),
  );
  // A February-shaped relationship: its account pair is set.
  return { ...relationship, accountAId, accountBId };
}

/** A relationship between two accounts with one conversation on it. */
export async function createConversation(
  db: Writer,
  accountAId: string,
  accountBId: string,
  overrides: {
    relationship?: Partial<NewRelationship>;
    conversation?: Partial<NewConversation>;
  } = {},
) {
  const relationship = await createRelationship(db, {
    ...overrides.relationship,
    accountAId,
    accountBId,
  });
  const conversation = await first(
    db
      .insert(conversations)
      .values({ ...overrides.conversation, relationshipId: relationship.id })
      .returning(),
  );
  return { relationship, conversation: { ...conversation, relationshipId: relationship.id } };
}

/** An outgoing text message in a conversation. */
export async function createMessage(
  db: Writer,
  overrides: Pick<NewMessage, 'conversationId' | 'senderAccountId'> & Partial<NewMessage>,
) {
  return first(
    db
      .insert(messages)
      .values({ type: 'outgoing', content: { text: 'Hello' }, ...overrides })
      .returning(),
  );
}

/** A credits wallet (balance 0 unless given) for a new account unless `accountId` is given. */
export async function createWallet(db: Writer, overrides: Partial<NewCreditsWallet> = {}) {
  const accountId = overrides.accountId ?? (await createAccount(db)).id;
  return first(
    db
      .insert(creditsWallets)
      .values({ ...overrides, accountId })
      .returning(),
  );
}

/**
 * A payer: an owned account with a conversation with a peer, and `credits` granted to it
 * (none when 0) under the given reason and idempotency key.
 */
export async function createPayer(
  db: Database,
  credits: number,
  grant: { reason: string; idempotencyKey: string } = { reason: 'funds', idempotencyKey: 'funds' },
) {
  const { account } = await createOwnedAccount(db, 'payer');
  const { account: peer } = await createOwnedAccount(db, 'peer');
  const { conversation } = await createConversation(db, account.id, peer.id);
  if (credits > 0) await grantCredits(db, { accountId: account.id, amount: credits, ...grant });
  return { account, peer, conversation };
}
