/**
 * Who owns what: the checks an app runs before acting for a user on an account.
 */
import { and, eq, sql } from 'drizzle-orm';
import type { Database, Transaction } from '../../connection/client.ts';
import { accounts, users } from '../../schema/index.ts';

/**
 * The account is not a deletion's tombstone: a deletion whose cleanup has run (its job is at
 * local_cleanup or completed) leaves at most the redacted row that shared conversations need
 * (operations/deletion/redaction.ts), and nobody may act as it again.
 */
export const liveAccount = sql`not exists (select 1 from account_deletion_jobs j
  where j.account_id = ${accounts.id} and j.status in ('local_cleanup', 'completed'))`;

/**
 * The user who owns the account (accounts.owner_user_id), or undefined for an unknown id or a
 * deleted account's tombstone.
 */
export async function accountOwnerId(
  db: Database | Transaction,
  accountId: string,
): Promise<string | undefined> {
  const [account] = await db
    .select({ ownerUserId: accounts.ownerUserId })
    .from(accounts)
    .where(and(eq(accounts.id, accountId), liveAccount));
  return account?.ownerUserId;
}

export async function userExists(db: Database | Transaction, userId: string): Promise<boolean> {
  const [user] = await db.select({ id: users.id }).from(users).where(eq(users.id, userId));
  return user !== undefined;
}
