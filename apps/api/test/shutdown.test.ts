/**
 * The API stops on SIGTERM within FLUXCORE_SHUTDOWN_MS whatever its database does (issue 20,
 * item 4): with the database frozen under load (every query waits for ever) and with it killed
 * (every connection closed). A proxy in front of the server stands in for db:serve; what is
 * logged is one line per event, never a stack trace.
 */
import { describe, expect, test } from 'bun:test';
import {
  createMigratedDatabase,
  createOwnedAccount,
  databaseKinds,
  startTcpProxy,
} from '@fluxcore/db/testing';
import { startApi, tokenFor } from './support.ts';

const shutdownMs = 1_500;

describe.if(databaseKinds.includes('server'))('the API stopping with its database gone', () => {
  for (const fate of ['frozen', 'killed'] as const) {
    test(`stops within the bound on SIGTERM when the database is ${fate} under load`, async () => {
      const migrated = await createMigratedDatabase('server');
      const url = new URL(migrated.database.env.DATABASE_URL ?? '');
      const proxy = await startTcpProxy({ host: url.hostname, port: Number(url.port || 5432) });
      const viaProxy = new URL(url);
      viaProxy.port = String(proxy.port);
      const { user, account } = await createOwnedAccount(migrated.client.db, 'stopping');
      const token = await tokenFor(user.id);
      const { child, base, output } = await startApi({
        ...migrated.database.env,
        DATABASE_URL: viaProxy.toString(),
        FLUXCORE_SHUTDOWN_MS: String(shutdownMs),
      });
      const stderr = new Response(child.stderr).text();
      try {
        if (!base) throw new Error(`the API did not start: ${output}`);
        const read = () =>
          fetch(`${base}/accounts/${account.id}/credits`, {
            headers: { authorization: `Bearer ${token}` },
          }).then(
            (response) => response.status,
            () => 0,
          );
        expect(await read()).toBe(200);
        if (fate === 'frozen') proxy.freeze();
        else await proxy.kill();
        // Load while the database is gone: these wait (frozen) or fail (killed).
        const load = Array.from({ length: 30 }, read);
        await Bun.sleep(300);
        const started = performance.now();
        child.kill('SIGTERM');
        const code = await child.exited;
        const took = performance.now() - started;
        expect(took).toBeLessThan(shutdownMs + 3_000);
        await Promise.all(load);
        const lines = (await stderr).split('\n').filter(Boolean);
        // One line per event: no stack trace, no pg message spread over lines.
        expect(lines.filter((line) => /^\s+at |^\s*\^|node_modules/.test(line))).toEqual([]);
        if (fate === 'frozen') {
          expect(code).toBe(1);
          expect(lines).toContain(
            `api: requests still waiting on the database after ${shutdownMs} ms (FLUXCORE_SHUTDOWN_MS); cutting them off`,
          );
        } else {
          expect(code).toBe(0);
        }
      } finally {
        if (child.exitCode === null) child.kill('SIGKILL');
        await proxy.kill();
        await migrated.close();
      }
    }, 60_000);
  }
});
