/**
 * Who is calling, on both databases: identity comes from a verified bearer token only, never
 * from a header the client sets.
 */
import { describe, expect, test } from 'bun:test';
import { databaseKinds } from '@fluxcore/db/testing';
import { tokenFor, unsignedToken, useApi } from './support.ts';

describe.each(databaseKinds)('identity on the %s database', (kind) => {
  const api = useApi(kind);
  const { call } = api;

  async function alice() {
    const person = await api.person('alice');
    return { ...person, path: `/accounts/${person.account.id}/credits` };
  }

  test('no, a malformed, forged, expired or unknown token is a 401', async () => {
    const { user, path } = await alice();
    const rejected = [
      await call('GET', path),
      await call('GET', path, { headers: { 'x-user-id': user.id } }),
      await call('GET', path, { headers: { authorization: user.id } }),
      await call('GET', path, { token: 'not.a.jwt' }),
      await call('GET', path, { token: await tokenFor(user.id, { secret: 'another-secret' }) }),
      await call('GET', path, { token: unsignedToken(user.id) }),
      await call('GET', path, { token: await tokenFor(user.id, { exp: 1_000 }) }),
      await call('GET', path, { token: await tokenFor('not-a-uuid') }),
      await call('GET', path, { token: await tokenFor(crypto.randomUUID()) }),
    ];
    expect(rejected.map((reply) => reply.status)).toEqual(new Array(rejected.length).fill(401));
    expect(rejected[0]?.body.error).toBe('unauthorized');
  });

  test('a header naming another user changes nothing: the token decides', async () => {
    const { user, token, path } = await alice();
    const mallory = await api.person('mallory');
    const spoofed = await call('GET', path, {
      token: mallory.token,
      headers: { 'x-user-id': user.id },
    });
    expect(spoofed.status).toBe(403);
    expect((await call('GET', path, { token })).status).toBe(200);
  });

  test('the scheme is case-insensitive (RFC 9110); anything but "Bearer <jwt>" is a 401', async () => {
    const { token, path } = await alice();
    for (const scheme of ['bearer', 'BEARER', 'BeArEr']) {
      const reply = await call('GET', path, { headers: { authorization: `${scheme} ${token}` } });
      expect(reply.status).toBe(200);
    }
    for (const header of [`Basic ${token}`, `Bearer${token}`, `Bearer ${token} x`]) {
      expect((await call('GET', path, { headers: { authorization: header } })).status).toBe(401);
    }
  });

  test('a uuid is the same id in upper case, in the path and in the token', async () => {
    const { user, account, path } = await alice();
    const upper = await call(
      'GET',
      path.toUpperCase().replace('/ACCOUNTS/', '/accounts/').replace('/CREDITS', '/credits'),
      { token: await tokenFor(user.id.toUpperCase()) },
    );
    expect(upper.body).toEqual({ accountId: account.id, balance: 0 });
  });
});
