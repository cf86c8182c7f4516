/**
 * Who owns what: the checks an app runs before acting for a user on an account.
 */
import { eq } from 'drizzle-orm';
import type { Database, Transaction } from '../../client.ts';
import { accounts, users } from '../../schema/index.ts';

/** The user who owns the account (accounts.owner_user_id), or undefined for an unknown id. */
export async function accountOwnerId(
  db: Database | Transaction,
  accountId: string,
): Promise<string | undefined> {
  const [account] = await db
    .select({ ownerUserId: accounts.ownerUserId })
    .from(accounts)
    .where(eq(accounts.id, accountId));
  return account?.ownerUserId;
}

export async function userExists(db: Database | Transaction, userId: string): Promise<boolean> {
  const [user] = await db.select({ id: users.id }).from(users).where(eq(users.id, userId));
  return user !== undefined;
}
