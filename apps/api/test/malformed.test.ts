/**
 * 100 malformed or hostile requests on both databases, in groups by route: missing and forged
 * tokens on every route, then each route's bodies, paths and queries. Every one gets a 4xx
 * with an error code and changes no row.
 */
import { describe, expect, test } from 'bun:test';
import { baseCreditsPolicies, grantInternalAccess, schemaTableNames } from '@fluxcore/db';
import { databaseKinds } from '@fluxcore/db/testing';
import { type CallOptions, type Json, tokenFor, unsignedToken, useApi } from './support.ts';

type Attempt = [method: string, path: string, options: CallOptions];

const injection = "'); drop table messages; --";
const huge = 'x'.repeat(70 * 1024);
const [{ engine, model }] = baseCreditsPolicies;

describe.each(databaseKinds)('malformed or hostile requests on the %s database', (kind) => {
  const api = useApi(kind);

  /** Alice and Bob share a conversation; staff may grant credits. Paths and valid bodies. */
  async function scene() {
    const { one: alice, two: bob, conversation } = await api.pair('alice', 'bob');
    const staff = await api.person('staff');
    await grantInternalAccess(api.client.db, { userId: staff.user.id, scope: 'credits' });
    return {
      alice,
      bob,
      a: alice.token,
      s: staff.token,
      messagesPath: `/conversations/${conversation.id}/messages`,
      gatingPath: `/conversations/${conversation.id}/ai-sessions`,
      grantsPath: `/accounts/${alice.account.id}/credits/grants`,
      deletionPath: `/accounts/${alice.account.id}/deletion`,
      validMessage: { senderAccountId: alice.account.id, content: { text: injection } },
      validGrant: { amount: 5, reason: injection, idempotencyKey: injection },
      validGating: { accountId: alice.account.id, engine, model, idempotencyKey: injection },
    };
  }
  type Scene = Awaited<ReturnType<typeof scene>>;

  const groups: Record<string, { count: number; attempts: (at: Scene) => Promise<Attempt[]> }> = {
    'missing and forged tokens on every route, each with an otherwise valid request': {
      count: 36,
      attempts: async (at) => {
        const forged = [
          undefined,
          'garbage',
          await tokenFor(at.alice.user.id, { secret: 'guess' }),
          unsignedToken(at.alice.user.id),
          await tokenFor(at.alice.user.id, { exp: 1 }),
          await tokenFor(`${at.alice.user.id}' or '1'='1`),
        ];
        return forged.flatMap((token): Attempt[] => [
          ['POST', at.messagesPath, { token, body: at.validMessage }],
          ['POST', at.grantsPath, { token, body: at.validGrant }],
          ['POST', at.gatingPath, { token, body: at.validGating }],
          ['POST', at.deletionPath, { token }],
          ['GET', `/accounts/${at.alice.account.id}/conversations`, { token }],
          ['GET', at.messagesPath, { token }],
        ]);
      },
    },
    'messages: wrong types, missing fields, oversize, NUL, hostile URLs, spoofed sender': {
      count: 25,
      attempts: async ({ alice, bob, a, messagesPath, validMessage }) => {
        const message = (content: unknown, extra: Json = {}): CallOptions => ({
          token: a,
          body: { senderAccountId: alice.account.id, content, ...extra },
        });
        const json = { 'content-type': 'application/json' };
        return [
          ['POST', messagesPath, message('hello')],
          ['POST', messagesPath, message({ text: 42 })],
          ['POST', messagesPath, message({})],
          ['POST', messagesPath, message({ text: '' })],
          ['POST', messagesPath, message({ text: 'x'.repeat(4001) })],
          ['POST', messagesPath, message({ text: 'nul \u0000 byte' })],
          ['POST', messagesPath, message({ text: 'hi', extra: true })],
          [
            'POST',
            messagesPath,
            message({ media: [{ type: 'image', url: 'javascript:alert(1)' }] }),
          ],
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
          ['POST', messagesPath, { token: a, raw: '{"senderAccountId":', headers: json }],
          [
            'POST',
            messagesPath,
            {
              token: a,
              raw: JSON.stringify(validMessage),
              headers: { 'content-type': 'text/plain' },
            },
          ],
          [
            'POST',
            messagesPath,
            {
              token: a,
              raw: `{"__proto__":{"admin":true},"senderAccountId":"${alice.account.id}","content":{"text":"x"}}`,
              headers: json,
            },
          ],
          ['POST', messagesPath, { token: a, body: { ...validMessage, content: { text: huge } } }],
          [
            'POST',
            messagesPath,
            { token: a, body: JSON.parse(`${'{"a":'.repeat(500)}1${'}'.repeat(500)}`) },
          ],
          ['POST', `/conversations/${injection}/messages`, { token: a, body: validMessage }],
          [
            'POST',
            `/conversations/${crypto.randomUUID()}/messages`,
            { token: a, body: validMessage },
          ],
        ];
      },
    },
    'message history and conversation lists: hostile cursors, limits and ids': {
      count: 9,
      attempts: async ({ alice, bob, a, messagesPath }) => [
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
      ],
    },
    'grants: wrong types, ranges and sizes, owners without the scope': {
      count: 15,
      attempts: async ({ bob, a, s, grantsPath, validGrant }) => [
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
        [
          'POST',
          grantsPath,
          { token: s, body: { ...validGrant, idempotencyKey: 'k'.repeat(201) } },
        ],
        ['POST', grantsPath, { token: s, body: { ...validGrant, idempotencyKey: '' } }],
        ['POST', grantsPath, { token: s, body: { ...validGrant, reason: 'r'.repeat(501) } }],
        ['POST', grantsPath, { token: s, body: { ...validGrant, reason: huge } }],
        ['POST', grantsPath, { token: s, body: { ...validGrant, accountId: bob.account.id } }],
        ['POST', grantsPath, { token: s, body: { amount: 5 } }],
        ['POST', `/accounts/${crypto.randomUUID()}/credits/grants`, { token: s, body: validGrant }],
      ],
    },
    "gating: wrong types, lengths, NUL, someone else's account, unknown conversation": {
      count: 10,
      attempts: async ({ bob, a, gatingPath, validGating }) => [
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
      ],
    },
    "deletion: someone else's account, hostile bodies": {
      count: 5,
      attempts: async ({ bob, a, deletionPath }) => [
        ['POST', `/accounts/${bob.account.id}/deletion`, { token: a }],
        ['POST', deletionPath, { token: a, body: { reason: 7 } }],
        ['POST', deletionPath, { token: a, body: { reason: huge } }],
        ['POST', deletionPath, { token: a, body: { accountId: bob.account.id } }],
        [
          'POST',
          deletionPath,
          { token: a, raw: '{', headers: { 'content-type': 'application/json' } },
        ],
      ],
    },
  };

  test('the groups hold 100 requests', () => {
    const total = Object.values(groups).reduce((sum, group) => sum + group.count, 0);
    expect(total).toBe(100);
  });

  test.each(Object.keys(groups))('%s: each a 4xx, no row changed', async (name) => {
    const group = groups[name];
    if (!group) throw new Error(`no group ${name}`);
    const attempts = await group.attempts(await scene());
    expect(attempts).toHaveLength(group.count);
    const before = await api.rowCounts();
    const replies: string[] = [];
    for (const [method, path, options] of attempts) {
      const reply = await api.call(method, path, options);
      replies.push(`${reply.status} ${method} ${path.slice(0, 60)}`);
      expect(reply.body.error).toBeString();
    }
    const notClientErrors = replies.filter((line) => !/^4\d\d /.test(line));
    expect(notClientErrors).toEqual([]);
    expect(await api.rowCounts()).toEqual(before);
    // The tables the SQL strings named are all still there.
    expect(schemaTableNames.every((table) => table in before)).toBe(true);
  });

  test('a body that is not UTF-8 is a 400 and stores nothing (never U+FFFD)', async () => {
    const { a, messagesPath, alice } = await scene();
    const before = await api.rowCounts();
    const json = (text: string) =>
      new TextEncoder().encode(
        JSON.stringify({ senderAccountId: alice.account.id, content: { text } }),
      );
    // "caf\xE9": Latin-1's é, one byte that is no UTF-8 character; then a lone continuation
    // byte, and an overlong encoding of "/".
    for (const bad of [[0x63, 0x61, 0x66, 0xe9], [0x80], [0xc0, 0xaf]]) {
      const valid = json('@@');
      const at = valid.indexOf(0x40);
      const body = new Uint8Array([...valid.slice(0, at), ...bad, ...valid.slice(at + 2)]);
      const response = await api.app.request(messagesPath, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${a}`,
          'content-type': 'application/json',
          'content-length': String(body.length),
        },
        body,
      });
      expect(response.status).toBe(400);
      expect(await response.json()).toEqual({
        error: 'invalid_input',
        message: 'the request body is not valid UTF-8; send it encoded as UTF-8',
      });
    }
    expect(await api.rowCounts()).toEqual(before);
    // The same text encoded as UTF-8 is stored as sent.
    const good = await api.call('POST', messagesPath, {
      token: a,
      body: { senderAccountId: alice.account.id, content: { text: 'café 😀' } },
    });
    expect(good.status).toBe(201);
    expect(good.body.message).toMatchObject({ content: { text: 'café 😀' } });
  });
});
