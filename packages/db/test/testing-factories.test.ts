/**
 * @fluxcore/db/testing's factories: defaults that satisfy every constraint, overrides of any
 * column, and the same factories inside a transaction (rolled back: no row left behind).
 */
import { describe, expect, test } from 'bun:test';
import { accounts, users } from '@fluxcore/db';
import {
  createAccount,
  createConversation,
  createOwnedAccount,
  createUser,
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
