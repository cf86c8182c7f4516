/**
 * db:serve's clients share PGlite's one session (issue 20, item 3). A setting that would end
 * that session, or reach the other clients, is refused in one line and every later client is
 * answered; a client that holds the session in a transaction makes the others wait a bounded
 * time, then get one line naming it, and is cut off once idle too long; LISTEN is refused
 * (a notification would reach the wrong client); SIGTERM always stops db:serve.
 */
import { afterAll, describe, expect, test } from 'bun:test';
import { databaseKinds } from '@fluxcore/db/testing';
import pg from 'pg';
import { newFolder, oneLine, removeFolders, waitForLine } from './support/embedded-folders.ts';
import { runCli, spawnCli } from './support/migrations.ts';

afterAll(removeFolders);

async function serve(args: string[] = []) {
  const dataDir = newFolder();
  const child = spawnCli('serve', ['--port', '0', ...args], { FLUXCORE_DATA_DIR: dataDir });
  const [, port] = await waitForLine(child.stdout, /on 127\.0\.0\.1:(\d+) \(pid \d+\)/);
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  const connect = async (application = 'test') => {
    const client = new pg.Client({ connectionString: url, application_name: application });
    client.on('error', () => {});
    await client.connect();
    return client;
  };
  return { child, connect, dataDir };
}

/** `promise`, or a rejection saying what hung once `ms` have passed. */
function within<T>(ms: number, what: string, promise: Promise<T>): Promise<T> {
  return Promise.race([
    promise,
    Bun.sleep(ms).then(() => Promise.reject(new Error(`${what}: no answer within ${ms} ms`))),
  ]);
}

async function stops(child: ReturnType<typeof spawnCli>) {
  child.kill('SIGTERM');
  expect(await within(10_000, 'db:serve after SIGTERM', child.exited)).toBe(0);
}

describe.if(databaseKinds.includes('embedded'))('db:serve: one session, many clients', () => {
  test('a setting that would end or cross sessions is refused in one line, and every later client is answered', async () => {
    const { child, connect } = await serve();
    try {
      const first = await connect();
      await expect(
        first.query("set idle_in_transaction_session_timeout='1s'; begin; select 1;"),
      ).rejects.toThrow(
        /^db:serve refuses SET idle_in_transaction_session_timeout: it would end the session every client of db:serve shares/,
      );
      await Bun.sleep(3_000);
      const later = await within(5_000, 'a later client', connect());
      expect((await within(5_000, 'a later query', later.query('select 1 as n'))).rows).toEqual([
        { n: 1 },
      ]);
      const refused: [string, RegExp][] = [
        ["set idle_session_timeout = '1s'", /^db:serve refuses SET idle_session_timeout/],
        ['set transaction_timeout to 500', /^db:serve refuses SET transaction_timeout/],
        ['set search_path = pg_catalog', /^db:serve refuses a session-level SET of search_path/],
        ["select set_config('search_path', '', false)", /^db:serve refuses set_config\(…, false\)/],
        ['discard all', /^db:serve refuses DISCARD/],
        [
          "alter system set idle_in_transaction_session_timeout = '1s'",
          /^db:serve refuses setting idle_in_transaction_session_timeout for later sessions/,
        ],
        ['listen news', /^db:serve refuses LISTEN/],
        ['select pg_terminate_backend(pg_backend_pid())', /^db:serve refuses pg_terminate_backend/],
      ];
      for (const [sql, message] of refused) {
        await expect(first.query(sql)).rejects.toThrow(message);
      }
      // Inside a transaction, LOCAL settings are the connection's own; a session-ending one is not.
      await first.query('begin');
      await first.query('set local statement_timeout = 1000');
      await expect(
        first.query("set local idle_in_transaction_session_timeout = '1s'"),
      ).rejects.toThrow(/^db:serve refuses SET idle_in_transaction_session_timeout/);
      await first.query('rollback');
      // A refused statement of the extended protocol leaves the connection in step.
      await expect(
        first.query('select set_config($1, $2, false)', ['search_path', 'pg_catalog']),
      ).rejects.toThrow(/^db:serve refuses set_config/);
      expect((await first.query('select $1::int as n', [7])).rows).toEqual([{ n: 7 }]);
      expect((await later.query('show search_path')).rows).toEqual([{ search_path: 'public' }]);
      await first.end();
      await later.end();
    } finally {
      await stops(child);
    }
  }, 60_000);

  test('a client holding a transaction: the others get one line naming it within --wait, and it is cut off once idle for --idle-in-transaction', async () => {
    const { child, connect, dataDir } = await serve(['--wait', '1', '--idle-in-transaction', '8']);
    try {
      const setup = await connect();
      await setup.query('create table held (n int)');
      await setup.end();
      const api = await connect('api');
      const holder = await connect('holder-psql');
      await holder.query('begin');
      await holder.query('insert into held values (1)');

      const started = Date.now();
      await expect(
        within(5_000, 'a waiting client', api.query('select count(*) from held')),
      ).rejects.toThrow(
        /^db:serve is busy: connection \d+ \(holder-psql, from 127\.0\.0\.1:\d+\) holds its one session, idle in a transaction for [\d.]+ s; nothing was run after waiting 1 s\. Retry, or end that transaction \(db:serve cuts one idle for 8 s\)$/,
      );
      expect(Date.now() - started).toBeLessThan(3_000);
      // The waiting client is still in step, and waits again; so does a new connection.
      await expect(api.query('select $1::int as n', [1])).rejects.toThrow(/^db:serve is busy/);
      await expect(connect('late')).rejects.toThrow(
        /^db:serve is busy: connection \d+ \(holder-psql/,
      );

      // A command: one line, db:serve's own.
      const status = await runCli('status', [], { FLUXCORE_DATA_DIR: dataDir });
      expect(status.code).toBe(1);
      expect(oneLine(status.stderr)).toMatch(
        /^error: db:serve is busy: connection \d+ \(holder-psql, from 127\.0\.0\.1:\d+\) holds its one session, idle in a transaction for [\d.]+ s; nothing was run after waiting 1 s\. Retry, or end that transaction \(db:serve cuts one idle for 8 s\)$/,
      );

      // Idle for 8 s: the holder is cut off, and its insert rolled back.
      await Bun.sleep(Math.max(0, started + 8_500 - Date.now()));
      await expect(holder.query('commit')).rejects.toThrow();
      const rows = await within(
        5_000,
        'after the cut',
        api.query('select count(*)::int as n from held'),
      );
      expect(rows.rows).toEqual([{ n: 0 }]);
      await api.end();
    } finally {
      await stops(child);
    }
  }, 60_000);
});
