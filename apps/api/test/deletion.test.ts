/**
 * Account deletion requests on both databases: accepted once, refused for a stranger, an
 * unknown account, and a protected account (refused and logged).
 */
import { describe, expect, test } from 'bun:test';
import { accountDeletionLogs, protectedAccounts } from '@fluxcore/db/schema';
import { databaseKinds } from '@fluxcore/db/testing';
import { eq } from 'drizzle-orm';
import { type Json, useApi } from './support.ts';

describe.each(databaseKinds)('deletion requests on the %s database', (kind) => {
  const api = useApi(kind);
  const { call } = api;

  test('a stranger may not ask for it', async () => {
    const owner = await api.person('leaving');
    const stranger = await api.person('stranger');
    const path = `/accounts/${owner.account.id}/deletion`;
    expect((await call('POST', path, { token: stranger.token })).status).toBe(403);
  });

  test('the owner asks once: 202 queued, then 200 with the same job', async () => {
    const owner = await api.person('leaving');
    const path = `/accounts/${owner.account.id}/deletion`;
    const first = await call('POST', path, { token: owner.token, body: { reason: 'moving on' } });
    expect(first.status).toBe(202);
    expect(first.body).toMatchObject({ alreadyRequested: false, job: { status: 'pending' } });
    const again = await call('POST', path, { token: owner.token });
    expect([again.status, again.body.alreadyRequested]).toEqual([200, true]);
    expect((again.body.job as Json).id).toBe((first.body.job as Json).id);
  });

  test('a protected account is refused, and the refusal logged', async () => {
    const reserved = await api.person('reserved');
    await api.client.db
      .insert(protectedAccounts)
      .values({ accountId: reserved.account.id, reason: 'system account' });
    const refused = await call('POST', `/accounts/${reserved.account.id}/deletion`, {
      token: reserved.token,
    });
    expect([refused.status, refused.body.error]).toEqual([409, 'account_protected']);
    const logs = await api.client.db
      .select()
      .from(accountDeletionLogs)
      .where(eq(accountDeletionLogs.accountId, reserved.account.id));
    expect(logs).toHaveLength(1);
    expect(logs[0]?.reason).toContain('protected');
  });

  test('an unknown account is a 404', async () => {
    const owner = await api.person('leaving');
    const unknown = await call('POST', `/accounts/${crypto.randomUUID()}/deletion`, {
      token: owner.token,
    });
    expect(unknown.status).toBe(404);
  });
});
