/**
 * The API, run in-process with `app.request` on both databases: identity from verified bearer
 * tokens only, ownership and internal access, every route's happy path, concurrent credits
 * gating (200 calls on a wallet that covers 50; 50 calls with one idempotency key), account
 * deletion requests, and 100 malformed or hostile requests that all get a 4xx and change
 * nothing.
 */
import { beforeAll, describe, expect, test } from 'bun:test';
import {
  baseCreditsPolicies,
  createDb,
  type DatabaseClient,
  grantCredits,
  grantInternalAccess,
  revokeInternalAccess,
  schemaTableNames,
} from '@fluxcore/db';
import {
  accountDeletionLogs,
  accounts,
  conversations,
  creditsLedger,
  creditsPolicies,
  protectedAccounts,
  relationships,
  users,
} from '@fluxcore/db/schema';
import {
  createConversation,
  createOwnedAccount,
  createTestDatabase,
  databaseKinds,
  useMigratedDatabase,
} from '@fluxcore/db/testing';
import { eq, sql } from 'drizzle-orm';
import { sign } from 'hono/jwt';
import { createApp } from '../src/app.ts';

const secret = 'test-secret-that-is-long-enough-for-hs256!';

type Json = Record<string, unknown>;
interface Reply {
  status: number;
  body: Json;
}

function tokenFor(userId: unknown, options: { secret?: string; exp?: number } = {}) {
  return sign(
    { sub: userId as string, exp: options.exp ?? Math.floor(Date.now() / 1000) + 3600 },
    options.secret ?? secret,
    'HS256',
  );
}

/** An unsigned token (`alg: none`), as an attacker would forge one. */
function unsignedToken(userId: string) {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part({ alg: 'none', typ: 'JWT' })}.${part({ sub: userId })}.`;
}

describe.each(databaseKinds)('the API on the %s database', (kind) => {
  const migrated = useMigratedDatabase(kind);
  let client: DatabaseClient;
  let app: ReturnType<typeof createApp>;
  const [{ engine, model }] = baseCreditsPolicies;

  beforeAll(() => {
    client = migrated.client;
    app = createApp({ db: client, jwtSecret: secret });
  });

  async function call(
    method: string,
    path: string,
    options: {
      token?: string;
      body?: unknown;
      raw?: string;
      headers?: Record<string, string>;
    } = {},
  ): Promise<Reply> {
    const headers: Record<string, string> = { ...options.headers };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    let body: string | undefined = options.raw;
    if (options.body !== undefined) {
      body = JSON.stringify(options.body);
      headers['content-type'] ??= 'application/json';
    }
    // What an HTTP client sends with a body; the body limit answers 413 from it.
    if (body !== undefined) headers['content-length'] = String(Buffer.byteLength(body));
    const response = await app.request(path, { method, headers, body });
    const text = await response.text();
    let parsed: Json;
    try {
      parsed = JSON.parse(text) as Json;
    } catch {
      parsed = { text };
    }
    return { status: response.status, body: parsed };
  }

  async function person(label: string) {
    const owned = await createOwnedAccount(client.db, label);
    return { ...owned, token: await tokenFor(owned.user.id) };
  }

  /** `count` conversations between `accountId` and as many new accounts, in a few statements. */
  async function manyConversations(accountId: string, count: number): Promise<string[]> {
    const tag = crypto.randomUUID().slice(0, 8);
    const owners = await client.db
      .insert(users)
      .values(
        Array.from({ length: count }, (_, i) => ({
          email: `bulk-${tag}-${i}@example.test`,
          passwordHash: 'x',
          name: `bulk ${i}`,
        })),
      )
      .returning({ id: users.id });
    const peers = await client.db
      .insert(accounts)
      .values(
        owners.map((owner, i) => ({
          ownerUserId: owner.id,
          username: `bulk_${tag}_${i}`,
          displayName: `bulk ${i}`,
        })),
      )
      .returning({ id: accounts.id });
    const links = await client.db
      .insert(relationships)
      .values(peers.map((peer) => ({ accountAId: accountId, accountBId: peer.id })))
      .returning({ id: relationships.id });
    const created = await client.db
      .insert(conversations)
      .values(links.map((link) => ({ relationshipId: link.id })))
      .returning({ id: conversations.id });
    return created.map((row) => row.id);
  }

  async function rowCounts(): Promise<Record<string, number>> {
    const rows = await client.query<{ table: string; count: number }>(
      schemaTableNames
        .map((name) => `select '${name}' as "table", count(*)::int as "count" from "${name}"`)
        .join(' union all '),
    );
    return Object.fromEntries(rows.map((row) => [row.table, Number(row.count)]));
  }

  async function ledgerSum(accountId: string): Promise<number> {
    const [row] = await client.query<{ total: string | null }>(
      'select sum(delta) as total from credits_ledger where account_id = $1',
      [accountId],
    );
    return Number(row?.total ?? 0);
  }

  test('GET /health reports the database and its migrations', async () => {
    const ok = await call('GET', '/health');
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({
      status: 'ok',
      database: kind,
      migrations: {
        applied: ok.body.migrations ? (ok.body.migrations as Json).total : -1,
        pending: 0,
        problems: false,
      },
    });
    const empty = await createTestDatabase(kind);
    const emptyClient = await createDb(empty.config);
    try {
      const degraded = await createApp({ db: emptyClient, jwtSecret: secret }).request('/health');
      expect(degraded.status).toBe(503);
      expect(await degraded.json()).toMatchObject({
        status: 'degraded',
        migrations: { applied: 0, problems: false },
      });
    } finally {
      await emptyClient.close();
      await empty.drop();
    }
  });

  test('identity comes from a verified bearer token, never from a header the client sets', async () => {
    const alice = await person('alice');
    const path = `/accounts/${alice.account.id}/credits`;
    const rejected = [
      await call('GET', path),
      await call('GET', path, { headers: { 'x-user-id': alice.user.id } }),
      await call('GET', path, { headers: { authorization: alice.user.id } }),
      await call('GET', path, { token: 'not.a.jwt' }),
      await call('GET', path, {
        token: await tokenFor(alice.user.id, { secret: 'another-secret' }),
      }),
      await call('GET', path, { token: unsignedToken(alice.user.id) }),
      await call('GET', path, { token: await tokenFor(alice.user.id, { exp: 1_000 }) }),
      await call('GET', path, { token: await tokenFor('not-a-uuid') }),
      await call('GET', path, { token: await tokenFor(crypto.randomUUID()) }),
    ];
    expect(rejected.map((reply) => reply.status)).toEqual(new Array(rejected.length).fill(401));
    expect(rejected[0]?.body.error).toBe('unauthorized');
    const mallory = await person('mallory');
    const spoofed = await call('GET', path, {
      token: mallory.token,
      headers: { 'x-user-id': alice.user.id },
    });
    expect(spoofed.status).toBe(403);
    expect((await call('GET', path, { token: alice.token })).status).toBe(200);
    // The scheme is case-insensitive (RFC 9110): bearer, BEARER.
    for (const scheme of ['bearer', 'BEARER', 'BeArEr']) {
      const reply = await call('GET', path, {
        headers: { authorization: `${scheme} ${alice.token}` },
      });
      expect(reply.status).toBe(200);
    }
    for (const header of [
      `Basic ${alice.token}`,
      `Bearer${alice.token}`,
      `Bearer ${alice.token} x`,
    ]) {
      expect((await call('GET', path, { headers: { authorization: header } })).status).toBe(401);
    }
    // A uuid is the same id in upper case, in the path and in the token.
    const upper = await call(
      'GET',
      path.toUpperCase().replace('/ACCOUNTS/', '/accounts/').replace('/CREDITS', '/credits'),
      {
        token: await tokenFor(alice.user.id.toUpperCase()),
      },
    );
    expect(upper.body).toEqual({ accountId: alice.account.id, balance: 0 });
  });

  test('conversations and messages: list, post, and page back with a cursor', async () => {
    const alice = await person('alice');
    const bob = await person('bob');
    const eve = await person('eve');
    const { conversation } = await createConversation(client.db, alice.account.id, bob.account.id);
    const path = `/conversations/${conversation.id}/messages`;
    for (let i = 0; i < 5; i += 1) {
      const posted = await call('POST', path, {
        token: alice.token,
        body: { senderAccountId: alice.account.id, content: { text: `hello ${i}` } },
      });
      expect(posted.status).toBe(201);
      expect(posted.body.message).toMatchObject({
        content: { text: `hello ${i}` },
        type: 'outgoing',
      });
    }
    const listed = await call('GET', `/accounts/${bob.account.id}/conversations`, {
      token: bob.token,
    });
    expect(listed.status).toBe(200);
    expect(listed.body.conversations).toEqual([
      expect.objectContaining({
        id: conversation.id,
        counterpartAccountId: alice.account.id,
        unreadCount: 5,
        lastMessageText: 'hello 4',
      }),
    ]);
    const texts: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = cursor ? `?limit=2&cursor=${cursor}` : '?limit=2';
      const page = await call('GET', `${path}${query}`, { token: bob.token });
      expect(page.status).toBe(200);
      texts.push(
        ...(page.body.messages as { content: { text: string } }[]).map((m) => m.content.text),
      );
      cursor = page.body.nextCursor as string | null;
    } while (cursor);
    expect(texts).toEqual(['hello 4', 'hello 3', 'hello 2', 'hello 1', 'hello 0']);
    const shouted = await call('POST', path, {
      token: bob.token,
      body: { senderAccountId: bob.account.id.toUpperCase(), content: { text: 'HI' } },
    });
    expect(shouted.status).toBe(201);

    expect((await call('GET', path, { token: eve.token })).status).toBe(403);
    const asBob = await call('POST', path, {
      token: eve.token,
      body: { senderAccountId: bob.account.id, content: { text: 'spoof' } },
    });
    expect(asBob.status).toBe(403);
    const outsider = await call('POST', path, {
      token: eve.token,
      body: { senderAccountId: eve.account.id, content: { text: 'hi' } },
    });
    expect(outsider.body.error).toBe('not_participant');
    expect(outsider.status).toBe(403);
    const unknown = await call('GET', `/conversations/${crypto.randomUUID()}/messages`, {
      token: bob.token,
    });
    expect(unknown.status).toBe(404);
    const invalid = await call('GET', '/conversations/42/messages', { token: bob.token });
    expect(invalid.status).toBe(400);
    expect(invalid.body).toMatchObject({ error: 'invalid_input', issues: [{ path: ['id'] }] });
    // Staff read any conversation with the conversations scope.
    await grantInternalAccess(client.db, { userId: eve.user.id, scope: 'conversations' });
    expect((await call('GET', path, { token: eve.token })).status).toBe(200);
  });

  test('credits: owners read, only the credits scope grants, once per key', async () => {
    const owner = await person('owner');
    const staff = await person('staff');
    const balance = `/accounts/${owner.account.id}/credits`;
    const grants = `${balance}/grants`;
    const grant = { amount: 5, reason: 'welcome', idempotencyKey: 'welcome-1' };
    expect((await call('GET', balance, { token: owner.token })).body).toEqual({
      accountId: owner.account.id,
      balance: 0,
    });
    expect((await call('POST', grants, { token: owner.token, body: grant })).status).toBe(403);
    await grantInternalAccess(client.db, { userId: staff.user.id, scope: '*' });
    await revokeInternalAccess(client.db, { userId: staff.user.id, scope: 'credits' });
    expect((await call('POST', grants, { token: staff.token, body: grant })).status).toBe(403);
    await grantInternalAccess(client.db, { userId: staff.user.id, scope: 'credits' });
    const first = await call('POST', grants, { token: staff.token, body: grant });
    const again = await call('POST', grants, { token: staff.token, body: grant });
    expect([first.status, first.body.duplicate, first.body.balance]).toEqual([201, false, 5]);
    expect([again.status, again.body.duplicate, again.body.balance]).toEqual([200, true, 5]);
    expect((again.body.entry as Json).id).toBe((first.body.entry as Json).id);
    expect((await call('GET', balance, { token: owner.token })).body.balance).toBe(5);
    const missing = await call('POST', `/accounts/${crypto.randomUUID()}/credits/grants`, {
      token: staff.token,
      body: grant,
    });
    expect(missing.status).toBe(404);
  });

  // On the server the calls really overlap (a pool of connections); PGlite, one connection,
  // runs them one after another, so there a smaller set shows the same outcome.
  const calls = kind === 'server' ? 200 : 40;
  const covered = calls / 4;

  test(`${calls} concurrent gating calls on a wallet that covers ${covered} open exactly ${covered} sessions`, async () => {
    const payer = await person('payer');
    await grantCredits(client.db, {
      accountId: payer.account.id,
      amount: covered,
      reason: 'test',
      idempotencyKey: 'funds',
    });
    const conversationIds = await manyConversations(payer.account.id, calls);
    const replies = await Promise.all(
      conversationIds.map((id) =>
        call('POST', `/conversations/${id}/ai-sessions`, {
          token: payer.token,
          body: { accountId: payer.account.id, engine, model },
        }),
      ),
    );
    const statuses = replies.map((reply) => reply.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(covered);
    expect(statuses.filter((s) => s === 402)).toHaveLength(calls - covered);
    const balance = await call('GET', `/accounts/${payer.account.id}/credits`, {
      token: payer.token,
    });
    expect(balance.body.balance).toBe(0);
    expect(await ledgerSum(payer.account.id)).toBe(0);
    const [sessions] = await client.query<{ n: number }>(
      'select count(*)::int as n from credits_conversation_sessions where account_id = $1',
      [payer.account.id],
    );
    expect(Number(sessions?.n)).toBe(covered);
    // A second round reuses the live sessions: nothing more is charged.
    const reuse = await call('POST', `/conversations/${conversationIds[0]}/ai-sessions`, {
      token: payer.token,
      body: { accountId: payer.account.id, engine, model },
    });
    expect([201, 200, 402]).toContain(reuse.status);
    expect(await ledgerSum(payer.account.id)).toBe(0);
  }, 60_000);

  test('50 concurrent calls with one idempotency key charge once; the key is bound to its request', async () => {
    const payer = await person('payer');
    await grantCredits(client.db, {
      accountId: payer.account.id,
      amount: 10,
      reason: 'test',
      idempotencyKey: 'funds',
    });
    const [conversationId, otherId] = await manyConversations(payer.account.id, 2);
    const request = { accountId: payer.account.id, engine, model, idempotencyKey: 'reply-7' };
    const replies = await Promise.all(
      Array.from({ length: 50 }, () =>
        call('POST', `/conversations/${conversationId}/ai-sessions`, {
          token: payer.token,
          body: request,
        }),
      ),
    );
    expect(replies.filter((r) => r.status === 201)).toHaveLength(1);
    expect(replies.filter((r) => r.status === 200)).toHaveLength(49);
    const sessionIds = new Set(replies.map((r) => (r.body.session as Json).id));
    expect(sessionIds.size).toBe(1);
    expect(replies.every((r) => r.body.balance === 9)).toBe(true);
    // The same key on another conversation is another request: 409, not a free session.
    const reused = await call('POST', `/conversations/${otherId}/ai-sessions`, {
      token: payer.token,
      body: request,
    });
    expect([reused.status, reused.body.error]).toEqual([409, 'idempotency_key_conflict']);
    const spends = await client.db
      .select({ id: creditsLedger.id })
      .from(creditsLedger)
      .where(eq(creditsLedger.idempotencyKey, 'reply-7'));
    expect(spends).toHaveLength(1);
    expect(await ledgerSum(payer.account.id)).toBe(9);
  }, 60_000);

  test('gating answers no policy, and refuses accounts outside the conversation', async () => {
    const payer = await person('payer');
    const other = await person('other');
    const { conversation } = await createConversation(
      client.db,
      payer.account.id,
      other.account.id,
    );
    const path = `/conversations/${conversation.id}/ai-sessions`;
    const unpriced = await call('POST', path, {
      token: payer.token,
      body: { accountId: payer.account.id, engine, model: 'unpriced-model' },
    });
    expect([unpriced.status, unpriced.body.error]).toEqual([422, 'no_policy']);
    const stranger = await person('stranger');
    const outside = await call('POST', path, {
      token: stranger.token,
      body: { accountId: stranger.account.id, engine, model },
    });
    expect(outside.status).toBe(403);
    const [row] = await client.db.select({ n: sql<number>`count(*)::int` }).from(creditsPolicies);
    expect(row?.n).toBeGreaterThan(0);
  });

  test('deletion requests: accepted once, protected accounts refused and logged', async () => {
    const owner = await person('leaving');
    const path = `/accounts/${owner.account.id}/deletion`;
    const stranger = await person('stranger');
    expect((await call('POST', path, { token: stranger.token })).status).toBe(403);
    const first = await call('POST', path, { token: owner.token, body: { reason: 'moving on' } });
    expect(first.status).toBe(202);
    expect(first.body).toMatchObject({ alreadyRequested: false, job: { status: 'pending' } });
    const again = await call('POST', path, { token: owner.token });
    expect([again.status, again.body.alreadyRequested]).toEqual([200, true]);
    expect((again.body.job as Json).id).toBe((first.body.job as Json).id);

    const reserved = await person('reserved');
    await client.db
      .insert(protectedAccounts)
      .values({ accountId: reserved.account.id, reason: 'system account' });
    const refused = await call('POST', `/accounts/${reserved.account.id}/deletion`, {
      token: reserved.token,
    });
    expect([refused.status, refused.body.error]).toEqual([409, 'account_protected']);
    const logs = await client.db
      .select()
      .from(accountDeletionLogs)
      .where(eq(accountDeletionLogs.accountId, reserved.account.id));
    expect(logs).toHaveLength(1);
    expect(logs[0]?.reason).toContain('protected');
    const unknown = await call('POST', `/accounts/${crypto.randomUUID()}/deletion`, {
      token: owner.token,
    });
    expect(unknown.status).toBe(404);
  });

  test('100 malformed or hostile requests get a 4xx and change no row', async () => {
    const alice = await person('alice');
    const bob = await person('bob');
    const staff = await person('staff');
    await grantInternalAccess(client.db, { userId: staff.user.id, scope: 'credits' });
    const { conversation } = await createConversation(client.db, alice.account.id, bob.account.id);
    const messagesPath = `/conversations/${conversation.id}/messages`;
    const gatingPath = `/conversations/${conversation.id}/ai-sessions`;
    const grantsPath = `/accounts/${alice.account.id}/credits/grants`;
    const deletionPath = `/accounts/${alice.account.id}/deletion`;
    const injection = "'); drop table messages; --";
    const validMessage = { senderAccountId: alice.account.id, content: { text: injection } };
    const validGrant = { amount: 5, reason: injection, idempotencyKey: injection };
    const validGating = { accountId: alice.account.id, engine, model, idempotencyKey: injection };
    const huge = 'x'.repeat(70 * 1024);
    const forged = [
      undefined,
      'garbage',
      await tokenFor(alice.user.id, { secret: 'guess' }),
      unsignedToken(alice.user.id),
      await tokenFor(alice.user.id, { exp: 1 }),
      await tokenFor(`${alice.user.id}' or '1'='1`),
    ];
    type Attempt = [method: string, path: string, options: Parameters<typeof call>[2]];
    const attempts: Attempt[] = [];
    // Missing and forged tokens on every route, each with an otherwise valid request.
    for (const token of forged) {
      attempts.push(['POST', messagesPath, { token, body: validMessage }]);
      attempts.push(['POST', grantsPath, { token, body: validGrant }]);
      attempts.push(['POST', gatingPath, { token, body: validGating }]);
      attempts.push(['POST', deletionPath, { token }]);
      attempts.push(['GET', `/accounts/${alice.account.id}/conversations`, { token }]);
      attempts.push(['GET', messagesPath, { token }]);
    }
    const a = alice.token;
    const s = staff.token;
    const message = (content: unknown, extra: Json = {}) => ({
      token: a,
      body: { senderAccountId: alice.account.id, content, ...extra },
    });
    attempts.push(
      // Messages: wrong types, missing fields, oversize, NUL, hostile URLs, spoofed sender.
      ['POST', messagesPath, message('hello')],
      ['POST', messagesPath, message({ text: 42 })],
      ['POST', messagesPath, message({})],
      ['POST', messagesPath, message({ text: '' })],
      ['POST', messagesPath, message({ text: 'x'.repeat(4001) })],
      ['POST', messagesPath, message({ text: 'nul \u0000 byte' })],
      ['POST', messagesPath, message({ text: 'hi', extra: true })],
      ['POST', messagesPath, message({ media: [{ type: 'image', url: 'javascript:alert(1)' }] })],
      ['POST', messagesPath, message({ media: [{ type: 'exe', url: 'https://x.test/a' }] })],
      ['POST', messagesPath, message({ text: 'hi' }, { type: 'spam' })],
      ['POST', messagesPath, message({ text: 'hi' }, { generatedBy: injection })],
      ['POST', messagesPath, message({ text: 'hi' }, { id: crypto.randomUUID() })],
      [
        'POST',
        messagesPath,
        { token: a, body: { senderAccountId: injection, content: { text: 'x' } } },
      ],
      [
        'POST',
        messagesPath,
        { token: a, body: { senderAccountId: bob.account.id, content: { text: 'x' } } },
      ],
      ['POST', messagesPath, { token: a, body: { content: { text: 'x' } } }],
      ['POST', messagesPath, { token: a, body: null }],
      ['POST', messagesPath, { token: a, body: [validMessage] }],
      ['POST', messagesPath, { token: a, body: injection }],
      [
        'POST',
        messagesPath,
        { token: a, raw: '{"senderAccountId":', headers: { 'content-type': 'application/json' } },
      ],
      [
        'POST',
        messagesPath,
        { token: a, raw: JSON.stringify(validMessage), headers: { 'content-type': 'text/plain' } },
      ],
      [
        'POST',
        messagesPath,
        {
          token: a,
          raw: `{"__proto__":{"admin":true},"senderAccountId":"${alice.account.id}","content":{"text":"x"}}`,
          headers: { 'content-type': 'application/json' },
        },
      ],
      ['POST', messagesPath, { token: a, body: { ...validMessage, content: { text: huge } } }],
      [
        'POST',
        messagesPath,
        { token: a, body: JSON.parse(`${'{"a":'.repeat(500)}1${'}'.repeat(500)}`) },
      ],
      ['POST', `/conversations/${injection}/messages`, { token: a, body: validMessage }],
      ['POST', `/conversations/${crypto.randomUUID()}/messages`, { token: a, body: validMessage }],
      // Message history: hostile cursors and limits.
      ['GET', `${messagesPath}?cursor=${encodeURIComponent(injection)}`, { token: a }],
      [
        'GET',
        `${messagesPath}?cursor=${Buffer.from('["1","x"]').toString('base64url')}`,
        { token: a },
      ],
      ['GET', `${messagesPath}?limit=-1`, { token: a }],
      ['GET', `${messagesPath}?limit=abc`, { token: a }],
      ['GET', `${messagesPath}?limit=100000`, { token: a }],
      ['GET', `${messagesPath}?limit=1&limit=2`, { token: a }],
      ['GET', `/accounts/${alice.account.id}/conversations?limit=0`, { token: a }],
      ['GET', `/accounts/${encodeURIComponent("1' or '1'='1")}/conversations`, { token: a }],
      ['GET', `/accounts/${bob.account.id}/conversations`, { token: a }],
      // Grants: wrong types, ranges and sizes, owners without the scope.
      ['POST', grantsPath, { token: a, body: validGrant }],
      ['POST', grantsPath, { token: s, body: { ...validGrant, amount: '5' } }],
      ['POST', grantsPath, { token: s, body: { ...validGrant, amount: 1.5 } }],
      ['POST', grantsPath, { token: s, body: { ...validGrant, amount: -5 } }],
      ['POST', grantsPath, { token: s, body: { ...validGrant, amount: 0 } }],
      ['POST', grantsPath, { token: s, body: { ...validGrant, amount: 1e12 } }],
      [
        'POST',
        grantsPath,
        {
          token: s,
          raw: '{"amount":1e999,"reason":"r","idempotencyKey":"k"}',
          headers: { 'content-type': 'application/json' },
        },
      ],
      ['POST', grantsPath, { token: s, body: { ...validGrant, amount: null } }],
      ['POST', grantsPath, { token: s, body: { ...validGrant, idempotencyKey: 'k'.repeat(201) } }],
      ['POST', grantsPath, { token: s, body: { ...validGrant, idempotencyKey: '' } }],
      ['POST', grantsPath, { token: s, body: { ...validGrant, reason: 'r'.repeat(501) } }],
      ['POST', grantsPath, { token: s, body: { ...validGrant, reason: huge } }],
      ['POST', grantsPath, { token: s, body: { ...validGrant, accountId: bob.account.id } }],
      ['POST', grantsPath, { token: s, body: { amount: 5 } }],
      ['POST', `/accounts/${crypto.randomUUID()}/credits/grants`, { token: s, body: validGrant }],
      // Gating: wrong types, lengths, NUL, someone else's account, unknown policy.
      ['POST', gatingPath, { token: a, body: { ...validGating, accountId: bob.account.id } }],
      ['POST', gatingPath, { token: a, body: { ...validGating, accountId: 'alice' } }],
      ['POST', gatingPath, { token: a, body: { ...validGating, engine: 7 } }],
      ['POST', gatingPath, { token: a, body: { ...validGating, engine: 'e'.repeat(101) } }],
      ['POST', gatingPath, { token: a, body: { ...validGating, model: '' } }],
      ['POST', gatingPath, { token: a, body: { ...validGating, featureKey: 'ai\u0000session' } }],
      ['POST', gatingPath, { token: a, body: { ...validGating, model: injection } }],
      ['POST', gatingPath, { token: a, body: { ...validGating, idempotencyKey: ['a'] } }],
      ['POST', gatingPath, { token: a, body: { ...validGating, cost: 0 } }],
      [
        'POST',
        `/conversations/${crypto.randomUUID()}/ai-sessions`,
        { token: a, body: validGating },
      ],
      // Deletion: someone else's account, hostile bodies.
      ['POST', `/accounts/${bob.account.id}/deletion`, { token: a }],
      ['POST', deletionPath, { token: a, body: { reason: 7 } }],
      ['POST', deletionPath, { token: a, body: { reason: huge } }],
      ['POST', deletionPath, { token: a, body: { accountId: bob.account.id } }],
      [
        'POST',
        deletionPath,
        { token: a, raw: '{', headers: { 'content-type': 'application/json' } },
      ],
    );
    expect(attempts).toHaveLength(100);

    const before = await rowCounts();
    const replies: string[] = [];
    for (const [method, path, options] of attempts) {
      const reply = await call(method, path, options);
      replies.push(`${reply.status} ${method} ${path.slice(0, 60)}`);
      expect(reply.body.error).toBeString();
    }
    const notClientErrors = replies.filter((line) => !/^4\d\d /.test(line));
    expect(notClientErrors).toEqual([]);
    expect(await rowCounts()).toEqual(before);
    // The tables the SQL strings named are all still there.
    expect(schemaTableNames.every((name) => name in before)).toBe(true);
  });

  test('SQL in a string is stored verbatim and harmless', async () => {
    const alice = await person('alice');
    const bob = await person('bob');
    const { conversation } = await createConversation(client.db, alice.account.id, bob.account.id);
    const text = "Robert'); DROP TABLE messages; -- \\' \"; select pg_sleep(10); $$ :x @y";
    const before = await rowCounts();
    const posted = await call('POST', `/conversations/${conversation.id}/messages`, {
      token: alice.token,
      body: { senderAccountId: alice.account.id, content: { text } },
    });
    expect(posted.status).toBe(201);
    const read = await call('GET', `/conversations/${conversation.id}/messages`, {
      token: bob.token,
    });
    expect((read.body.messages as { content: Json }[])[0]?.content).toEqual({ text });
    const after = await rowCounts();
    const changed = schemaTableNames.filter((name) => after[name] !== before[name]);
    expect(changed).toEqual(['messages']);
    expect(after.messages).toBe((before.messages ?? 0) + 1);
  });
});

describe('the API server (src/index.ts)', () => {
  const entry = new URL('../src/index.ts', import.meta.url).pathname;

  test('a missing secret is one line naming the variable and the fix, and exit 1', async () => {
    const child = Bun.spawn(['bun', 'run', entry], {
      env: {
        ...process.env,
        FLUXCORE_JWT_SECRET: '',
        DATABASE_URL: 'postgres://u:hunter2@127.0.0.1:1/x',
      },
      stdout: 'pipe',
      stderr: 'pipe',
    });
    const [stderr, code] = await Promise.all([new Response(child.stderr).text(), child.exited]);
    expect(code).toBe(1);
    expect(stderr.trim().split('\n')).toEqual([
      expect.stringMatching(/^error: FLUXCORE_JWT_SECRET must be at least 32 characters/),
    ]);
    expect(stderr).not.toContain('hunter2');
  });

  test.if(databaseKinds.includes('server'))('serves over HTTP and stops on SIGTERM', async () => {
    const database = await createTestDatabase('server');
    try {
      const child = Bun.spawn(['bun', 'run', entry], {
        env: { ...process.env, ...database.env, FLUXCORE_JWT_SECRET: secret, PORT: '0' },
        stdout: 'pipe',
        stderr: 'pipe',
      });
      const reader = child.stdout.getReader();
      let output = '';
      while (!/listening on (\S+)/.test(output)) {
        const { value, done } = await reader.read();
        if (done) throw new Error(`the server exited: ${output}`);
        output += new TextDecoder().decode(value);
      }
      const base = /listening on (\S+)/.exec(output)?.[1];
      // A fresh, unmigrated database: the server runs and says what is missing.
      const health = await fetch(`${base}/health`);
      expect(health.status).toBe(503);
      expect(await health.json()).toMatchObject({ status: 'degraded', database: 'server' });
      const anonymous = await fetch(`${base}/accounts/${crypto.randomUUID()}/credits`);
      expect(anonymous.status).toBe(401);
      child.kill('SIGTERM');
      expect(await child.exited).toBe(0);
    } finally {
      await database.drop();
    }
  });
});
