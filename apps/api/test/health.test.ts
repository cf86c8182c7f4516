/** GET /health in-process on both databases: the database kind and its migrations. */
import { describe, expect, test } from 'bun:test';
import { createDb } from '@fluxcore/db';
import { createTestDatabase, databaseKinds } from '@fluxcore/db/testing';
import { createApp } from '../src/app.ts';
import { type Json, secret, useApi } from './support.ts';

describe.each(databaseKinds)('GET /health on the %s database', (kind) => {
  const api = useApi(kind);

  test('a migrated database is ok, with every migration applied', async () => {
    const ok = await api.call('GET', '/health');
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
  });

  test('an empty database is degraded: a 503 with nothing applied', async () => {
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
});
