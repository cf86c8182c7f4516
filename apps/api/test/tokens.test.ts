/**
 * Tokens and writes per user on both databases (issue 20, item 11): a token without `exp`, or
 * one that lives longer than the maximum lifetime, is a 401; past the write limit a user gets
 * 429 with Retry-After, while reads and other users go on.
 */
import { describe, expect, test } from 'bun:test';
import { databaseKinds } from '@fluxcore/db/testing';
import { sign } from 'hono/jwt';
import { createApp } from '../src/app.ts';
import { secret, useApi } from './support.ts';

const now = () => Math.floor(Date.now() / 1000);

describe.each(databaseKinds)('tokens and the write limit on the %s database', (kind) => {
  const api = useApi(kind);

  test('a token must expire, and within the maximum lifetime', async () => {
    const { user, account } = await api.person('holder');
    const app = createApp({ db: api.client, jwtSecret: secret, jwtMaxLifetimeS: 3600 });
    const read = async (claims: Record<string, unknown>) => {
      const token = await sign({ sub: user.id, ...claims }, secret, 'HS256');
      const response = await app.request(`/accounts/${account.id}/credits`, {
        headers: { authorization: `Bearer ${token}` },
      });
      return [response.status, ((await response.json()) as { message?: string }).message];
    };
    expect(await read({})).toEqual([401, 'the token has no expiry (exp); sign it with one']);
    const tooLong = [
      401,
      'the token lives longer than 3600 s (FLUXCORE_JWT_MAX_LIFETIME_S); sign a shorter one',
    ];
    expect(await read({ exp: now() + 7200 })).toEqual(tooLong);
    expect(await read({ iat: now() - 3000, exp: now() + 3000 })).toEqual(tooLong);
    expect(await read({ exp: 'never' })).toEqual([401, 'the token is invalid or expired']);
    expect((await read({ exp: now() + 600 }))[0]).toBe(200);
    expect((await read({ iat: now() - 60, exp: now() + 3000 }))[0]).toBe(200);
  });

  test('past the write limit a user gets 429 with Retry-After; reads and others go on', async () => {
    const { one, two, conversation } = await api.pair('busy', 'calm');
    const app = createApp({
      db: api.client,
      jwtSecret: secret,
      rateLimit: { writes: 3, windowMs: 60_000 },
    });
    const path = `/conversations/${conversation.id}/messages`;
    const post = (who: typeof one) =>
      app.request(path, {
        method: 'POST',
        headers: { authorization: `Bearer ${who.token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ senderAccountId: who.account.id, content: { text: 'x' } }),
      });
    const statuses = [];
    for (let i = 0; i < 5; i += 1) statuses.push((await post(one)).status);
    expect(statuses).toEqual([201, 201, 201, 429, 429]);
    const limited = await post(one);
    expect(limited.headers.get('retry-after')).toBe('60');
    expect(await limited.json()).toEqual({
      error: 'rate_limited',
      message:
        'more than 3 writes in 60 s from this user; wait for Retry-After seconds and send again',
    });
    const count = await api.client.query<{ n: number }>(
      'select count(*)::int as n from messages where conversation_id = $1',
      [conversation.id],
    );
    expect(Number(count[0]?.n)).toBe(3);
    const read = await app.request(path, { headers: { authorization: `Bearer ${one.token}` } });
    expect(read.status).toBe(200);
    expect((await post(two)).status).toBe(201);
  });
});
