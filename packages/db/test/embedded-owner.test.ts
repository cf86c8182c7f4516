/**
 * The embedded database has exactly one owner (issue 10, section 1): real processes on real
 * folders. Two runners on one new folder, a holder named by pid and command, a SIGKILLed
 * holder's lock taken over, a second API refused, and db:serve shared by several clients at
 * once. Paths that are not a database: embedded-paths.test.ts.
 */
import { afterAll, describe, expect, test } from 'bun:test';
import { truncateSync } from 'node:fs';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import { databaseKinds } from '@fluxcore/db/testing';
import pg from 'pg';
import { openSqlSession } from '../src/connection/client.ts';
import { migrationsFolder } from '../src/connection/config.ts';
import { acquireEmbeddedLock, lockPathFor, readHolder } from '../src/embedded/lock.ts';
import { loadMigrations } from '../src/migrator/journal.ts';
import { schemaTableNames } from '../src/model/tables.ts';
import { newFolder, oneLine, removeFolders, waitForLine } from './support/embedded-folders.ts';
import { type CliResult, runCli, runProcess, spawnCli } from './support/migrations.ts';

const migrationCount = loadMigrations(migrationsFolder).length;
const tableCount = schemaTableNames.length;

afterAll(removeFolders);

async function publicTables(dataDir: string): Promise<string[]> {
  const session = await openSqlSession({ kind: 'embedded', dataDir, applicationName: 'check' });
  try {
    const rows = await session.query<{ name: string }>(
      `select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = 'public' and c.relkind in ('r', 'p') order by 1`,
    );
    return rows.map((row) => row.name);
  } finally {
    await session.close();
  }
}

const expectedTables = [...schemaTableNames].sort();
const lockedLine = (dataDir: string, pid: number, command: RegExp) =>
  new RegExp(
    `^error: the embedded database at ${dataDir} is in use by pid ${pid} \\(${command.source}\\)(?: \\(waited \\d+ s\\))?\\. Stop that process, or start bun run db:serve first so that several processes share the database through it$`,
  );

describe.if(databaseKinds.includes('embedded'))('one owner for an embedded folder', () => {
  test('two db:migrate on a new folder: one migrates, the other refuses in one line naming it', async () => {
    const dataDir = newFolder();
    const env = { FLUXCORE_DATA_DIR: dataDir, FLUXCORE_LOCK_WAIT: '0' };
    const first = spawnCli('migrate', [], env);
    const second = spawnCli('migrate', [], env);
    const collect = async (child: typeof first): Promise<CliResult & { pid: number }> => ({
      pid: child.pid,
      stdout: await new Response(child.stdout).text(),
      stderr: await new Response(child.stderr).text(),
      code: await child.exited,
    });
    const runs = await Promise.all([collect(first), collect(second)]);
    const winners = runs.filter((run) => run.code === 0);
    const losers = runs.filter((run) => run.code !== 0);
    expect(winners).toHaveLength(1);
    expect(losers).toHaveLength(1);
    const [winner, loser] = [winners[0], losers[0]] as [(typeof runs)[0], (typeof runs)[0]];
    expect(winner.stdout).toContain(`${migrationCount} migration(s) applied`);
    expect(winner.stderr).toContain(
      `creating the embedded database in ${dataDir}/ (first run, a few seconds)`,
    );
    expect(loser.code).toBe(1);
    expect(oneLine(loser.stderr)).toMatch(
      lockedLine(dataDir, winner.pid, /bun .*src\/cli\/main\.ts migrate/),
    );
    expect(loser.stdout).toBe('');

    expect(await publicTables(dataDir)).toEqual(expectedTables);
    const audit = await runCli('audit', [], { FLUXCORE_DATA_DIR: dataDir });
    expect(audit.stdout).toContain(
      `${tableCount} tables: ${tableCount} ok, 0 different, 0 missing, 0 unexpected`,
    );
    expect(audit.code).toBe(0);
  }, 120_000);

  test('two db:migrate with the default wait: the second waits for the first, then has nothing to do', async () => {
    const dataDir = newFolder();
    const env = { FLUXCORE_DATA_DIR: dataDir, FLUXCORE_LOCK_WAIT: '110' };
    const [a, b] = await Promise.all([runCli('migrate', [], env), runCli('migrate', [], env)]);
    expect([a.code, b.code]).toEqual([0, 0]);
    const outputs = [a.stdout, b.stdout].sort();
    expect(
      outputs.filter((out) => out.includes(`${migrationCount} migration(s) applied`)),
    ).toHaveLength(1);
    expect(outputs.filter((out) => out.includes('nothing to apply'))).toHaveLength(1);
    const waiter = a.stdout.includes('nothing to apply') ? a : b;
    expect(waiter.stderr).toMatch(
      new RegExp(`^waiting for the embedded database at ${dataDir} \\(in use by pid \\d+ \\(bun `),
    );
    expect(await publicTables(dataDir)).toEqual(expectedTables);
  }, 120_000);

  test('a holder is named by pid and command; once SIGKILLed, its lock is taken over and its rows are there', async () => {
    const dataDir = newFolder();
    const env = { FLUXCORE_DATA_DIR: dataDir, FLUXCORE_LOCK_WAIT: '0', DATABASE_URL: '' };
    const holder = Bun.spawn(['bun', resolve(import.meta.dir, 'support/hold-embedded.ts'), '250'], {
      env: { ...process.env, ...env },
      stdout: 'pipe',
      stderr: 'pipe',
    });
    await waitForLine(holder.stdout, /holding \d+/);
    const refused = await runCli('status', [], env);
    expect(refused.code).toBe(1);
    expect(oneLine(refused.stderr)).toMatch(
      lockedLine(dataDir, holder.pid, /bun .*test\/support\/hold-embedded\.ts 250/),
    );

    holder.kill('SIGKILL');
    await holder.exited;
    const session = await openSqlSession({ kind: 'embedded', dataDir, applicationName: 'after' });
    try {
      const rows = await session.query<{ count: number }>(
        'select count(*)::int as count, sum(n)::int as total from probe.held',
      );
      expect(rows[0]).toEqual({ count: 250, total: (250 * 251) / 2 } as never);
    } finally {
      await session.close();
    }
    const status = await runCli('status', [], env);
    expect(status.code).toBe(0);
    expect(status.stdout).toContain(`0 applied, ${migrationCount} pending`);
  }, 120_000);

  test('a second API on the folder refuses in one line naming the first', async () => {
    const dataDir = newFolder();
    const apiEnv = {
      ...process.env,
      FLUXCORE_DATA_DIR: dataDir,
      FLUXCORE_LOCK_WAIT: '0',
      DATABASE_URL: '',
      PORT: '0',
      FLUXCORE_JWT_SECRET: 'a-test-secret-that-is-long-enough-0123456789',
    };
    const apiEntry = resolve(import.meta.dir, '../../../apps/api/src/index.ts');
    const first = Bun.spawn(['bun', apiEntry], { env: apiEnv, stdout: 'pipe', stderr: 'pipe' });
    try {
      await waitForLine(first.stdout, /api listening on /);
      const second = await runProcess(['bun', apiEntry], apiEnv);
      expect(second.code).toBe(1);
      expect(oneLine(second.stderr)).toMatch(
        lockedLine(dataDir, first.pid, /bun .*apps\/api\/src\/index\.ts/),
      );
      expect(second.stdout).toBe('');
    } finally {
      first.kill('SIGTERM');
    }
    expect(await first.exited).toBe(0);
  }, 120_000);

  test('an opener waiting for a starting db:serve keeps waiting when the lock file reads empty for a while', async () => {
    // The lock file says who holds the folder; an opener that once read "db:serve, starting"
    // must not give up when a later read finds nothing (a rewrite caught half way, on a loaded
    // machine): it once did, with "in use by another process (it has not said which yet)".
    const dataDir = newFolder();
    const outcome = await acquireEmbeddedLock(dataDir, { waitMs: 0, forServe: true });
    if (!('held' in outcome)) throw new Error('the lock of a new folder is free');
    const lockPath = lockPathFor(dataDir);
    const opener = Bun.spawn(
      [
        'bun',
        '-e',
        `const { acquireEmbeddedLock } = await import(${JSON.stringify(resolve(import.meta.dir, '../src/embedded/lock.ts'))});
         try {
           const outcome = await acquireEmbeddedLock(${JSON.stringify(dataDir)}, { waitMs: 0, onWait: (line) => console.error(line) });
           console.log('served' in outcome ? 'served on ' + outcome.served.serve.port : 'held');
         } catch (error) { console.log('refused: ' + error.message); }`,
      ],
      { stdout: 'pipe', stderr: 'pipe' },
    );
    try {
      await waitForLine(opener.stderr, /^waiting for the embedded database at /);
      truncateSync(lockPath, 0);
      await Bun.sleep(600);
      outcome.held.describe({
        pid: process.pid,
        command: 'bun db:serve',
        serve: { host: '127.0.0.1', port: 5999 },
      });
      expect((await new Response(opener.stdout).text()).trim()).toBe('served on 5999');
    } finally {
      opener.kill();
      outcome.held.release();
    }
  });

  test('db:serve shares the folder: migrate, status, audit, psql and pg clients at once', async () => {
    const dataDir = newFolder();
    const env = { FLUXCORE_DATA_DIR: dataDir, FLUXCORE_LOCK_WAIT: '0' };
    const serve = spawnCli('serve', ['--port', '0'], env);
    try {
      // A command started while db:serve still creates the folder waits for it, even with no
      // wait of its own, then goes through it.
      while (!readHolder(lockPathFor(dataDir))?.serveStarting) await Bun.sleep(20);
      const early = runCli('status', [], env);
      const [, portText] = await waitForLine(serve.stdout, /on 127\.0\.0\.1:(\d+) \(pid \d+\)/);
      const earlyRun = await early;
      expect(earlyRun.stderr).toMatch(
        /^(waiting for the embedded database at \S+ \(in use by pid \d+ \(bun \S*cli\/main\.ts serve --port 0\)\)\n)?$/,
      );
      expect(earlyRun.code).toBe(0);
      expect(earlyRun.stdout).toContain(`0 applied, ${migrationCount} pending`);
      const url = `postgres://postgres@127.0.0.1:${portText}/postgres`;
      const setup = new pg.Client({ connectionString: url });
      await setup.connect();
      await setup.query('create schema probe; create table probe.writes (who text, n int)');
      await setup.end();

      const pgWriter = async (who: string, count: number) => {
        const client = new pg.Client({ connectionString: url });
        await client.connect();
        const echoed: number[] = [];
        for (let n = 1; n <= count; n++) {
          await client.query('begin');
          await client.query('insert into probe.writes values ($1, $2)', [who, n]);
          // Parameterised: another client's statement must never answer this one. Named, as
          // the package's hot reads are: each client has its own 'echo', as on a server.
          const { rows } = await client.query({
            name: 'echo',
            text: `select $1::int + 0 as n, '${who}' as who`,
            values: [n],
          });
          expect(rows[0].who).toBe(who);
          echoed.push(rows[0].n);
          await client.query('commit');
        }
        await client.end();
        return echoed;
      };
      const psqlWriter = () =>
        runProcess(
          [
            'psql',
            url,
            '-v',
            'ON_ERROR_STOP=1',
            '-qc',
            "insert into probe.writes select 'psql', g from generate_series(1, 300) g",
          ],
          { PGSSLMODE: 'disable' },
        );
      const [migrateA, migrateB, status, echoA, echoB, psql] = await Promise.all([
        runCli('migrate', [], env),
        runCli('migrate', [], env),
        runCli('status', [], env),
        pgWriter('a', 60),
        pgWriter('b', 60),
        psqlWriter(),
      ]);
      expect(migrateA.code).toBe(0);
      expect(migrateB.code).toBe(0);
      const migrateOut = [migrateA.stdout, migrateB.stdout];
      expect(
        migrateOut.filter((out) => out.includes(`${migrationCount} migration(s) applied`)),
      ).toHaveLength(1);
      expect(migrateOut.filter((out) => out.includes('nothing to apply'))).toHaveLength(1);
      expect(status.code).toBe(0);
      expect(psql.code).toBe(0);
      const sequence = Array.from({ length: 60 }, (_, i) => i + 1);
      expect(echoA).toEqual(sequence);
      expect(echoB).toEqual(sequence);

      // The probe schema is this test's own: the audit reports a schema the package does not
      // declare, so its report names it.
      const audit = await runCli('audit', [], env);
      expect(audit.stdout).toContain(`${tableCount} tables: ${tableCount} ok`);
      expect(audit.stdout).toContain('schema probe');
      const viaUrl = await runCli('status', [], { DATABASE_URL: url });
      expect(viaUrl.stdout).toContain(`${migrationCount} applied, 0 pending`);

      // The API on the same folder, at the same time, reaches it through db:serve too.
      const api = Bun.spawn(['bun', resolve(import.meta.dir, '../../../apps/api/src/index.ts')], {
        env: {
          ...process.env,
          ...env,
          DATABASE_URL: '',
          PORT: '0',
          FLUXCORE_JWT_SECRET: 'a-test-secret-that-is-long-enough-0123456789',
        },
        stdout: 'pipe',
        stderr: 'pipe',
      });
      const [, apiUrl] = await waitForLine(api.stdout, /api listening on (http:\/\/\S+) /);
      const health = await (await fetch(`${apiUrl}/health`)).json();
      api.kill('SIGTERM');
      expect(await api.exited).toBe(0);
      expect(health).toMatchObject({
        status: 'ok',
        database: 'embedded',
        migrations: { applied: migrationCount, pending: 0 },
      });

      const check = new pg.Client({ connectionString: url });
      await check.connect();
      const counts = await check.query(
        'select who, count(*)::int as count from probe.writes group by who order by who',
      );
      const journal = await check.query(
        'select count(*)::int as count from drizzle.__drizzle_migrations',
      );
      // The writers are gone, and so are their prepared statements.
      const leftover = await check.query(
        `select name from pg_prepared_statements where name like '%echo'`,
      );
      expect(leftover.rows).toEqual([]);
      await check.end();
      expect(counts.rows).toEqual([
        { who: 'a', count: 60 },
        { who: 'b', count: 60 },
        { who: 'psql', count: 300 },
      ]);
      expect(journal.rows[0].count).toBe(migrationCount);
    } finally {
      serve.kill('SIGTERM');
    }
    expect(await serve.exited).toBe(0);
    // Stopped: the lock is released, and everything written through it is in the folder.
    expect(await publicTables(dataDir)).toEqual(expectedTables);
    const session = await openSqlSession({ kind: 'embedded', dataDir, applicationName: 'after' });
    try {
      const rows = await session.query<{ count: number }>(
        'select count(*)::int as count from probe.writes',
      );
      expect(rows[0]?.count).toBe(420);
    } finally {
      await session.close();
    }
  }, 120_000);
});

describe.if(databaseKinds.includes('embedded'))('db:serve refuses what it cannot do', () => {
  test('a port in use or not a port is one line, and the folder is left unlocked', async () => {
    const dataDir = newFolder();
    const busy = createServer();
    await new Promise<void>((done) => busy.listen(0, '127.0.0.1', done));
    const address = busy.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    try {
      const inUse = await runCli('serve', ['--port', String(port)], { FLUXCORE_DATA_DIR: dataDir });
      expect(inUse.code).toBe(1);
      expect(inUse.stderr.trim().split('\n').at(-1)).toBe(
        `error: db:serve cannot listen on 127.0.0.1:${port} (EADDRINUSE). Pick another port with --port N (0 picks a free one)`,
      );
    } finally {
      await new Promise((done) => busy.close(done));
    }
    const notAPort = await runCli('serve', ['--port', 'nope'], { FLUXCORE_DATA_DIR: dataDir });
    expect(notAPort.code).toBe(2); // a mistake in the arguments, like every program's
    expect(oneLine(notAPort.stderr)).toBe(
      'error: --port takes a port number from 0 to 65535, not "nope". Example: --port 5433 (0 picks a free port)',
    );
    // Released: another process opens the folder at once.
    const status = await runCli('status', [], {
      FLUXCORE_DATA_DIR: dataDir,
      FLUXCORE_LOCK_WAIT: '0',
    });
    expect(status.code).toBe(0);
    expect(status.stdout).toContain(`0 applied, ${migrationCount} pending`);
  }, 120_000);
});
