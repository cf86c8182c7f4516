/**
 * The worker stops on SIGTERM within FLUXCORE_SHUTDOWN_MS whatever its database does (issue
 * 20, item 4): frozen mid-step (its queries wait for ever) or killed (every connection closed).
 * A proxy in front of the server stands in for db:serve. Each lost connection is one line.
 */
import { describe, expect, test } from 'bun:test';
import { resolve } from 'node:path';
import { requestAccountDeletion } from '@fluxcore/db';
import {
  createMigratedDatabase,
  createOwnedAccount,
  databaseKinds,
  fillAccount,
  startTcpProxy,
} from '@fluxcore/db/testing';

const workerEntry = resolve(import.meta.dir, '../src/index.ts');
const shutdownMs = 1_500;

describe.if(databaseKinds.includes('server'))('the worker stopping with its database gone', () => {
  for (const fate of ['frozen', 'killed'] as const) {
    test(`stops within the bound on SIGTERM when the database is ${fate}`, async () => {
      const migrated = await createMigratedDatabase('server');
      const url = new URL(migrated.database.env.DATABASE_URL ?? '');
      const proxy = await startTcpProxy({ host: url.hostname, port: Number(url.port || 5432) });
      const viaProxy = new URL(url);
      viaProxy.port = String(proxy.port);
      const db = migrated.client.db;
      const peer = await createOwnedAccount(db, 'peer');
      for (let i = 0; i < 5; i += 1) {
        const owner = await createOwnedAccount(db, `leaving${i}`);
        await fillAccount(
          db,
          { userId: owner.user.id, accountId: owner.account.id },
          { userId: peer.user.id, accountId: peer.account.id },
        );
        await requestAccountDeletion(db, { accountId: owner.account.id });
      }
      const child = Bun.spawn(['bun', 'run', workerEntry], {
        env: {
          ...process.env,
          ...migrated.database.env,
          DATABASE_URL: viaProxy.toString(),
          FLUXCORE_WORKER_ID: `stopping-${fate}`,
          FLUXCORE_WORKER_POLL_MS: '20',
          FLUXCORE_SHUTDOWN_MS: String(shutdownMs),
        },
        stdout: 'pipe',
        stderr: 'pipe',
      });
      const output = Promise.all([
        new Response(child.stdout).text(),
        new Response(child.stderr).text(),
      ]);
      try {
        // Under way: at least one job claimed.
        const deadline = Date.now() + 20_000;
        for (;;) {
          const [row] = await migrated.client.query<{ n: number }>(
            `select count(*)::int as n from account_deletion_logs where reason like 'claimed by stopping-%'`,
          );
          if (Number(row?.n) > 0) break;
          if (Date.now() > deadline) throw new Error('the worker claimed nothing');
          await Bun.sleep(10);
        }
        if (fate === 'frozen') proxy.freeze();
        else await proxy.kill();
        await Bun.sleep(300);
        const started = performance.now();
        child.kill('SIGTERM');
        const code = await child.exited;
        expect(performance.now() - started).toBeLessThan(shutdownMs + 3_000);
        const [stdout, stderr] = await output;
        const lines = `${stdout}${stderr}`.split('\n').filter(Boolean);
        expect(
          lines.filter((line) => /^\s+at |^\s*\^|node_modules|^\s*\{|^\s*\}/.test(line)),
        ).toEqual([]);
        if (fate === 'frozen') {
          expect(code).toBe(1);
          expect(stderr).toContain(
            `worker stopping-frozen: the step still waits on the database after ${shutdownMs} ms`,
          );
        } else {
          expect(code).toBe(0);
          expect(stdout).toContain('worker stopping-killed stopped:');
        }
      } finally {
        if (child.exitCode === null) child.kill('SIGKILL');
        await proxy.kill();
        await migrated.close();
      }
    }, 60_000);
  }
});
