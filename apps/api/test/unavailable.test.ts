/**
 * The API while its database cannot take writes (issue 20, item 7): read-only (25006) on both
 * databases, and gone (a killed proxy in front of the server, as a dead db:serve). Each is a
 * 503 whose message names the cause in one line, and /health says so (it tries a write).
 */
import { describe, expect, spyOn, test } from 'bun:test';
import { createDb, type DatabaseClient } from '@fluxcore/db';
import {
  createConversation,
  createMigratedDatabase,
  createOwnedAccount,
  databaseKinds,
  startTcpProxy,
} from '@fluxcore/db/testing';
import { createApp } from '../src/app.ts';
import { secret, tokenFor } from './support.ts';

async function scene(client: DatabaseClient) {
  const one = await createOwnedAccount(client.db, 'writer');
  const two = await createOwnedAccount(client.db, 'reader');
  const { conversation } = await createConversation(client.db, one.account.id, two.account.id);
  const token = await tokenFor(one.user.id);
  return { one, token, conversation };
}

function post(app: ReturnType<typeof createApp>, current: Awaited<ReturnType<typeof scene>>) {
  return app.request(`/conversations/${current.conversation.id}/messages`, {
    method: 'POST',
    headers: { authorization: `Bearer ${current.token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ senderAccountId: current.one.account.id, content: { text: 'hi' } }),
  });
}

/** console.error's lines while `run` runs. */
async function logged<T>(run: () => Promise<T>): Promise<{ result: T; lines: string[] }> {
  const lines: string[] = [];
  const spy = spyOn(console, 'error').mockImplementation((...parts: unknown[]) => {
    lines.push(parts.map(String).join(' '));
  });
  try {
    return { result: await run(), lines };
  } finally {
    spy.mockRestore();
  }
}

describe.each(databaseKinds)('the API on a %s database that cannot write', (kind) => {
  test('read-only: POST is a 503 naming it, /health says read-only, and both recover', async () => {
    const migrated = await createMigratedDatabase(kind);
    // One connection (PGlite has one; on the server a pool of one), so the setting holds.
    const client =
      kind === 'embedded'
        ? migrated.client
        : await createDb(migrated.database.config, { poolMax: 1 });
    try {
      const current = await scene(client);
      const app = createApp({ db: client, jwtSecret: secret });
      await client.query('set default_transaction_read_only = on');
      const { result, lines } = await logged(async () => {
        const posted = await post(app, current);
        const health = await app.request('/health');
        return { posted, health };
      });
      expect(result.posted.status).toBe(503);
      const body = (await result.posted.json()) as { error: string; message: string };
      expect(body.error).toBe('unavailable');
      expect(body.message).toStartWith('the database is read-only (25006)');
      expect(result.health.status).toBe(503);
      expect(await result.health.json()).toMatchObject({
        status: 'unavailable',
        writable: false,
        message: expect.stringMatching(/^the database is read-only \(25006\)/),
      });
      expect(lines.every((line) => !line.includes('\n'))).toBe(true);
      expect(lines[0]).toStartWith(
        'api: POST /conversations/:id/messages: the database is read-only',
      );

      await client.query('set default_transaction_read_only = off');
      expect((await post(app, current)).status).toBe(201);
      const healthy = await app.request('/health');
      expect(healthy.status).toBe(200);
      expect(await healthy.json()).toMatchObject({ status: 'ok', writable: true });
    } finally {
      if (client !== migrated.client) await client.close();
      await migrated.close();
    }
  }, 60_000);
});

describe.if(databaseKinds.includes('server'))('the API with its database gone', () => {
  test('every request is a 503 saying the database does not answer, /health too', async () => {
    const migrated = await createMigratedDatabase('server');
    const url = new URL(migrated.database.env.DATABASE_URL ?? '');
    const proxy = await startTcpProxy({ host: url.hostname, port: Number(url.port || 5432) });
    const viaProxy = new URL(url);
    viaProxy.port = String(proxy.port);
    const client = await createDb({
      kind: 'server',
      url: viaProxy.toString(),
      applicationName: 'fluxcore-tests',
      poolMax: 2,
    });
    try {
      const current = await scene(migrated.client);
      const app = createApp({ db: client, jwtSecret: secret });
      expect((await post(app, current)).status).toBe(201);
      await proxy.kill();
      const { result } = await logged(async () => ({
        posted: await post(app, current),
        read: await app.request(`/conversations/${current.conversation.id}/messages`, {
          headers: { authorization: `Bearer ${current.token}` },
        }),
        health: await app.request('/health'),
      }));
      for (const response of [result.posted, result.read, result.health]) {
        expect(response.status).toBe(503);
        expect(((await response.json()) as { message: string }).message).toBe(
          'the database does not answer: check that it (or db:serve) is running',
        );
      }
    } finally {
      await client.close();
      await proxy.kill();
      await migrated.close();
    }
  }, 60_000);
});
