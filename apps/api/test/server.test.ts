/**
 * The API as a process (src/index.ts) and its /health:
 * - a missing secret is one line and exit 1 (no database needed);
 * - on the server database (the embedded one is opened by one process at a time, and PGlite
 *   has no roles) it serves over HTTP and stops on SIGTERM; it binds 127.0.0.1 unless HOST
 *   says otherwise, and prints the address it really has (checked against the kernel's socket
 *   table, /proc/net/tcp);
 * - /health of a role that may not read the journal is a 503 naming the table and the grant.
 */
import { afterAll, describe, expect, spyOn, test } from 'bun:test';
import { readFileSync } from 'node:fs';
import { createDb } from '@fluxcore/db';
import {
  adminUrl,
  createMigratedDatabase,
  createTestDatabase,
  databaseKinds,
} from '@fluxcore/db/testing';
import pg from 'pg';
import { createApp } from '../src/app.ts';
import { apiEntry, secret, startApi } from './support.ts';

/** The local addresses listening on `port`, from the kernel (IPv4 and IPv6 tables). */
function listeningAddresses(port: number): string[] {
  const hexPort = port.toString(16).toUpperCase().padStart(4, '0');
  return ['/proc/net/tcp', '/proc/net/tcp6'].flatMap((file) =>
    readFileSync(file, 'utf8')
      .split('\n')
      .slice(1)
      .map((line) => line.trim().split(/\s+/))
      .filter((fields) => fields[1]?.endsWith(`:${hexPort}`) && fields[3] === '0A')
      .map((fields) => fields[1]?.split(':')[0] ?? ''),
  );
}

describe('the API process', () => {
  test('a missing secret is one line naming the variable and the fix, and exit 1', async () => {
    const child = Bun.spawn(['bun', 'run', apiEntry], {
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
});

describe.if(databaseKinds.includes('server'))('the API process on the server database', () => {
  test('serves over HTTP and stops on SIGTERM', async () => {
    const database = await createTestDatabase('server');
    try {
      const { child, output, base } = await startApi(database.env);
      if (!base) throw new Error(`the server exited: ${output}`);
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

  test('binds 127.0.0.1 by default and prints the address it listens on', async () => {
    const database = await createTestDatabase('server');
    try {
      const { child, base } = await startApi(database.env);
      try {
        expect(base).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
        const port = Number(new URL(base ?? '').port);
        // 0100007F is 127.0.0.1 in the kernel's byte order; 00000000 would be every interface.
        expect(listeningAddresses(port)).toEqual(['0100007F']);
        expect((await fetch(`${base}/health`)).status).toBe(503);
      } finally {
        child.kill('SIGTERM');
        await child.exited;
      }
      const { child: everywhere, base: wide } = await startApi({
        ...database.env,
        HOST: '0.0.0.0',
      });
      try {
        expect(wide).toMatch(/^http:\/\/0\.0\.0\.0:\d+$/);
        expect(listeningAddresses(Number(new URL(wide ?? '').port))).toEqual(['00000000']);
      } finally {
        everywhere.kill('SIGTERM');
        await everywhere.exited;
      }
    } finally {
      await database.drop();
    }
  }, 60_000);

  test('a HOST it cannot listen on is one line and exit 1', async () => {
    const database = await createTestDatabase('server');
    try {
      const { child } = await startApi({ ...database.env, HOST: '192.0.2.1' });
      const [stderr, code] = await Promise.all([new Response(child.stderr).text(), child.exited]);
      expect(code).toBe(1);
      expect(stderr.trim().split('\n')).toEqual([
        expect.stringMatching(
          /^error: the API cannot listen on 192\.0\.2\.1:0: \w+\. Free the port or set PORT \(and HOST\)/,
        ),
      ]);
    } finally {
      await database.drop();
    }
  }, 60_000);
});

describe.if(databaseKinds.includes('server'))('/health without the privilege', () => {
  const role = `fluxcore_test_api_${process.pid}`;
  const run = async (url: string, sql: string) => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  afterAll(() => run(adminUrl, `drop role if exists ${role}`).catch(() => {}));

  test('is a 503 that names the table and the grant, logged as one line', async () => {
    const migrated = await createMigratedDatabase('server');
    const url = migrated.database.env.DATABASE_URL ?? '';
    await run(adminUrl, `create role ${role} login`);
    await run(url, `grant usage on schema drizzle, public to ${role}`);
    const asRole = new URL(url);
    asRole.username = role;
    const client = await createDb({
      kind: 'server',
      url: asRole.toString(),
      applicationName: 'fluxcore-tests',
      poolMax: 1,
    });
    const logged: string[] = [];
    const spy = spyOn(console, 'error').mockImplementation((...parts: unknown[]) => {
      logged.push(parts.map(String).join(' '));
    });
    try {
      const response = await createApp({ db: client, jwtSecret: secret }).request('/health');
      expect(response.status).toBe(503);
      const line =
        'permission denied for table drizzle.__drizzle_migrations. The role in DATABASE_URL lacks the privilege: have the owner run GRANT SELECT, INSERT, UPDATE, DELETE ON drizzle.__drizzle_migrations TO <role> (the role of DATABASE_URL), or connect as the owner';
      expect(await response.json()).toEqual({
        status: 'unavailable',
        database: 'server',
        message: line,
      });
      expect(logged).toEqual([`api: GET /health: ${line}`]);
    } finally {
      spy.mockRestore();
      await client.close();
      await run(url, `drop owned by ${role}`);
      await migrated.close();
    }
  }, 60_000);
});
