/**
 * The database stops a leak the API's code lets through (issue 24, item 5): a test build of
 * the API with routes whose query has its tenant filter deliberately removed (`select … from
 * conversations`, no `where account …`), behind the real authentication and account check and
 * run the way every route runs (tenancy.ts: as fluxcore_app, the account as tenant). The same
 * statement as the owner returns every tenant's rows; through the API it returns the caller's
 * only. Then the cross-tenant attempts of the other suites, against the leaky routes.
 */
import { beforeAll, describe, expect, test } from 'bun:test';
import { grantCredits, sql, type Transaction } from '@fluxcore/db';
import { databaseKinds } from '@fluxcore/db/testing';
import { z } from 'zod';
import { authorization } from '../src/access.ts';
import { input } from '../src/respond.ts';
import { uuid } from '../src/schemas.ts';
import { tenancy } from '../src/tenancy.ts';
import { useApi } from './support.ts';

/** The statements of the real routes, each with its `where` on the account removed. */
const leaky: Record<string, string> = {
  conversations: 'select id::text as "id" from conversations',
  messages: 'select id::text as "id" from messages',
  wallets: 'select id::text as "id" from credits_wallets',
  ledger: 'select id::text as "id" from credits_ledger',
  jobs: 'select id::text as "id" from account_deletion_jobs',
};

const ids = async (tx: Transaction | { execute: Transaction['execute'] }, statement: string) => {
  const result = (await tx.execute(sql.raw(statement))) as unknown as { rows: { id: string }[] };
  return result.rows.map((row) => row.id).sort();
};

describe.each(databaseKinds)('a query without its tenant filter on the %s database', (kind) => {
  const api = useApi(kind);
  let a: Awaited<ReturnType<typeof api.pair>>;
  let b: Awaited<ReturnType<typeof api.pair>>;

  beforeAll(async () => {
    const db = tenancy(api.client.db);
    const { requireAccount } = authorization(db);
    // The test build: the real guard, then the statement with no `where` on the account.
    api.app.get(
      '/accounts/:id/leaky/:what',
      input('param', z.strictObject({ id: uuid(), what: z.string() })),
      requireAccount('conversations'),
      async (c) => {
        const statement = leaky[c.req.param('what')] ?? leaky.conversations!;
        return c.json({ ids: await db.as(c.get('tenant'), (tx) => ids(tx, statement)) });
      },
    );
    a = await api.pair('A', 'peer of A');
    b = await api.pair('B', 'peer of B');
    for (const side of [a, b]) {
      for (const account of [side.one.account, side.two.account]) {
        await grantCredits(api.client.db, {
          accountId: account.id,
          amount: 10,
          reason: 'test',
          idempotencyKey: `leak-${account.id}`,
          grantedBy: side.one.user.id,
        });
      }
      const sent = await api.call('POST', `/conversations/${side.conversation.id}/messages`, {
        token: side.one.token,
        body: { senderAccountId: side.one.account.id, content: { text: 'private' } },
      });
      expect(sent.status).toBe(201);
      const deletion = await api.call('POST', `/accounts/${side.two.account.id}/deletion`, {
        token: side.two.token,
        body: { reason: 'test' },
      });
      expect(deletion.status).toBe(202);
    }
  });

  test('as the owner the statements see every tenant; through the API only the caller’s rows', async () => {
    for (const [what, statement] of Object.entries(leaky)) {
      const everything = await ids(api.client.db, statement);
      const reply = await api.call('GET', `/accounts/${a.one.account.id}/leaky/${what}`, {
        token: a.one.token,
      });
      expect(reply.status).toBe(200);
      const seen = reply.body.ids as string[];
      const visibleToA = await tenancy(api.client.db).as(a.one.account.id, (tx) =>
        ids(tx, statement),
      );
      expect({ what, seen }).toEqual({ what, seen: visibleToA });
      const others = await tenancy(api.client.db).as(b.one.account.id, (tx) => ids(tx, statement));
      const peerJobs = await tenancy(api.client.db).as(b.two.account.id, (tx) =>
        ids(tx, statement),
      );
      // B's rows (and B's peer's) exist, and none of them reached A.
      expect(everything.length).toBeGreaterThan(seen.length);
      expect(seen.filter((id) => others.includes(id) || peerJobs.includes(id))).toEqual([]);
    }
  });

  test('the cross-tenant attempts against the leaky build: every one refused or empty of B', async () => {
    const attempts = [
      // A's token, B's account: the account check refuses before any query.
      ...Object.keys(leaky).map((what) => ({
        path: `/accounts/${b.one.account.id}/leaky/${what}`,
        token: a.one.token,
      })),
      // B's peer's account, which shares nothing with A.
      ...Object.keys(leaky).map((what) => ({
        path: `/accounts/${b.two.account.id}/leaky/${what}`,
        token: a.one.token,
      })),
    ];
    const answers = [];
    for (const attempt of attempts) {
      const reply = await api.call('GET', attempt.path, { token: attempt.token });
      answers.push(reply.status);
    }
    expect(answers.every((status) => status === 403)).toBe(true);
    // A's peer reads A's shared conversation (both sides see it) but not A's own wallet.
    const peer = await api.call('GET', `/accounts/${a.two.account.id}/leaky/wallets`, {
      token: a.two.token,
    });
    const aWallets = await tenancy(api.client.db).as(a.one.account.id, (tx) =>
      ids(tx, leaky.wallets!),
    );
    expect((peer.body.ids as string[]).filter((id) => aWallets.includes(id))).toEqual([]);
  });
});
