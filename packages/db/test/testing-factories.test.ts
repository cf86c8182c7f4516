/**
 * @fluxcore/db/testing's factories: defaults that satisfy every constraint, overrides of any
 * column, the parent rows a factory makes when the overrides name none, and the same factories
 * inside a transaction (rolled back: no row left behind).
 */
import { describe, expect, test } from 'bun:test';
import { accounts, users } from '@fluxcore/db';
import {
  createAccount,
  createConversation,
  createOwnedAccount,
  createRelationship,
  createUser,
  createWallet,
  databaseKinds,
  useMigratedDatabase,
} from '@fluxcore/db/testing';
import { count, eq } from 'drizzle-orm';

describe.each(databaseKinds)('the testing factories on the %s database', (kind) => {
  const handle = useMigratedDatabase(kind);

  async function rowCounts() {
    const [userRows] = await handle.db.select({ n: count() }).from(users);
    const [accountRows] = await handle.db.select({ n: count() }).from(accounts);
    return { users: userRows?.n, accounts: accountRows?.n };
  }

  test('defaults give distinct rows; overrides set the columns they name', async () => {
    const a = await createOwnedAccount(handle.db, 'alpha');
    const b = await createOwnedAccount(handle.db, 'alpha');
    expect(a.user.email).not.toBe(b.user.email);
    expect(a.account.username).not.toBe(b.account.username);
    expect(a.user.name).toBe('alpha');
    expect(a.account.displayName).toBe('alpha');
    expect(a.account.ownerUserId).toBe(a.user.id);

    const user = await createUser(handle.db, { name: 'Named', email: 'named@example.test' });
    const account = await createAccount(handle.db, {
      ownerUserId: user.id,
      username: 'chosen_name',
      accountType: 'business',
    });
    const [stored] = await handle.db.select().from(accounts).where(eq(accounts.id, account.id));
    expect(stored).toMatchObject({
      ownerUserId: user.id,
      username: 'chosen_name',
      accountType: 'business',
    });
    const owned = await createOwnedAccount(handle.db, 'gamma', {
      user: { name: 'Gamma owner' },
      account: { username: 'gamma_handle' },
    });
    expect(owned.user.name).toBe('Gamma owner');
    expect(owned.account.username).toBe('gamma_handle');
    expect(owned.account.displayName).toBe('gamma');
  });

  test('a factory makes the parent rows its overrides do not name, and uses the ones they do', async () => {
    const account = await createAccount(handle.db, { displayName: 'orphan' });
    const [owner] = await handle.db.select().from(users).where(eq(users.id, account.ownerUserId));
    expect(owner?.name).toBe('orphan');

    const relationship = await createRelationship(handle.db, { accountAId: account.id });
    expect(relationship.accountAId).toBe(account.id);
    const [other] = await handle.db
      .select()
      .from(accounts)
      .where(eq(accounts.id, relationship.accountBId));
    expect(other?.id).not.toBe(account.id);

    const wallet = await createWallet(handle.db, { balance: 7 });
    const [walletAccount] = await handle.db
      .select()
      .from(accounts)
      .where(eq(accounts.id, wallet.accountId));
    expect(walletAccount?.id).toBe(wallet.accountId);
    expect(wallet.balance).toBe(7);
    expect((await createWallet(handle.db, { accountId: account.id })).accountId).toBe(account.id);
  });

  test('inside a transaction the rows are visible to it and gone after its rollback', async () => {
    const before = await rowCounts();
    const rollback = new Error('roll back');
    let seen: { users: number; accounts: number } | undefined;
    await expect(
      handle.db.transaction(async (tx) => {
        const a = await createOwnedAccount(tx, 'in_tx_a');
        const b = await createOwnedAccount(tx, 'in_tx_b');
        await createConversation(tx, a.account.id, b.account.id);
        const [u] = await tx.select({ n: count() }).from(users);
        const [c] = await tx.select({ n: count() }).from(accounts);
        seen = { users: u?.n ?? 0, accounts: c?.n ?? 0 };
        throw rollback;
      }),
    ).rejects.toBe(rollback);
    expect(seen).toEqual({
      users: (before.users ?? 0) + 2,
      accounts: (before.accounts ?? 0) + 2,
    });
    expect(await rowCounts()).toEqual(before);
  });
});
