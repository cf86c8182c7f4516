/**
 * The commands keep their one-line promise: duplicate journal rows are reported by db:status
 * and db:audit, an unknown `--table` is an error, db:studio checks its port and its database
 * before it starts, db:check and db:generate notice drizzle-kit's "no terminal" crash,
 * db:push --force creates the vector extension on a server, and a role that may not read a
 * table gets one line naming it and the grant (server only: PGlite has no roles).
 */
import { afterAll, afterEach, describe, expect, test } from 'bun:test';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  adminUrl,
  createTestDatabase,
  databaseKinds,
  projectMigrations,
  type TestDatabase,
} from '@fluxcore/db/testing';
import pg from 'pg';
import { checkMigrations } from '../src/authoring/check.ts';
import { studioLines } from '../src/cli/commands/studio.ts';
import { describeTarget } from '../src/config.ts';
import { migrate } from '../src/migrator/apply.ts';
import { copyProjectMigrations, runCli, runProcess, spawnCli } from './support/migrations.ts';

const made: { databases: TestDatabase[]; folders: string[] } = { databases: [], folders: [] };
afterEach(async () => {
  for (const database of made.databases.splice(0)) await database.drop();
  for (const folder of made.folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

function oneLine(stderr: string): string {
  const lines = stderr.trim().split('\n');
  expect(lines).toHaveLength(1);
  expect(stderr).not.toContain('    at ');
  return lines[0] ?? '';
}

/** A migrated database a child process can open. */
async function migratedOnDisk(kind: TestDatabase['kind']): Promise<TestDatabase> {
  const database = await createTestDatabase(kind, { onDisk: true });
  made.databases.push(database);
  const session = await database.session();
  await migrate(session, projectMigrations);
  await session.close();
  await database.release();
  return database;
}

describe.each(databaseKinds)('journal and audit commands on the %s database', (kind) => {
  test('a duplicate journal row, even with a lower id, is reported by db:status and db:audit', async () => {
    const database = await migratedOnDisk(kind);
    const session = await database.session();
    await session.exec(
      `insert into drizzle.__drizzle_migrations (id, hash, created_at)
       select -1, hash, created_at from drizzle.__drizzle_migrations where id = (select max(id) from drizzle.__drizzle_migrations)`,
    );
    const [{ max } = { max: 0 }] = await session.query<{ max: number }>(
      'select max(id)::int as max from drizzle.__drizzle_migrations',
    );
    await session.close();
    await database.release();
    const last = projectMigrations.at(-1)?.tag ?? '';
    const status = await runCli('status', [], database.env);
    expect(status.code).toBe(1);
    expect(status.stdout).toContain(
      `  ✗ ${last}  DUPLICATE: recorded 2 times in drizzle.__drizzle_migrations (ids -1, ${max}); keep one: delete from drizzle.__drizzle_migrations where id in (${max})`,
    );
    expect(status.stdout.trim().split('\n').at(-1)).toBe(
      `${projectMigrations.length} applied, 0 pending, 0 edited, 0 skipped, 0 unknown, 1 duplicate`,
    );
    const audit = await runProcess(
      ['bun', 'run', join(import.meta.dir, '../src/cli/main.ts'), 'audit', '--json'],
      database.env,
    );
    expect(audit.code).toBe(1);
    expect(JSON.parse(audit.stdout).migrations).toEqual([
      {
        kind: 'migration',
        name: last,
        problem: 'unexpected',
        expected: 'recorded once',
        found: `recorded 2 times (ids -1, ${max})`,
      },
    ]);
  }, 60_000);

  test('db:audit --table with a name that is no table is an error, not "0 tables"', async () => {
    const database = await migratedOnDisk(kind);
    const audit = (args: string[]) =>
      runProcess(
        ['bun', 'run', join(import.meta.dir, '../src/cli/main.ts'), 'audit', ...args],
        database.env,
      );
    const unknown = await audit(['--table', 'nosuch', '--table', 'users']);
    expect(unknown.code).toBe(2);
    expect(oneLine(unknown.stderr.replace(/^auditing .*\n/, ''))).toBe(
      'error: --table nosuch: no table of that name in the schema or the database. Run bun run db:audit without --table to list every table, and pass one of those names',
    );
    const known = await audit(['--table', 'users']);
    expect(known.code).toBe(0);
    expect(known.stdout.trim().split('\n').at(-1)).toStartWith('1 tables: 1 ok');
  }, 60_000);
});

describe('db:studio checks before it starts', () => {
  const refusedUrl = 'postgres://postgres:s3cret@127.0.0.1:1/fluxcore';
  // A mistake in the flags exits 2, as in every program; a database that refuses, 1.
  const cases: [
    name: string,
    args: string[],
    env: Record<string, string>,
    line: RegExp,
    code: 1 | 2,
  ][] = [
    [
      'a port that is not a number',
      ['--port', 'notaport'],
      {},
      /^error: --port takes a port number from 1 to 65535, not "notaport"\. Example: --port 4984$/,
      2,
    ],
    ['a port out of range', ['--port', '70000'], {}, /^error: --port takes a port number/, 2],
    [
      'a refused server',
      ['--port', '4997'],
      { DATABASE_URL: refusedUrl },
      /^error: cannot reach PostgreSQL at 127\.0\.0\.1:1 \(ECONNREFUSED\)\. Start the server/,
      1,
    ],
  ];
  if (databaseKinds.includes('server')) {
    const unknownRole = new URL(adminUrl);
    unknownRole.username = 'fluxcore_nobody';
    cases.push([
      'an unknown role',
      ['--port', '4998'],
      { DATABASE_URL: unknownRole.toString() },
      /^error: PostgreSQL refused the credentials of user "fluxcore_nobody"/,
      1,
    ]);
  }
  for (const [name, args, env, line, code] of cases) {
    test(`${name} is one line and exit ${code}`, async () => {
      const run = await runCli('studio', args, env);
      expect(run.code).toBe(code);
      expect(oneLine(run.stderr)).toMatch(line);
      expect(run.stderr).not.toContain('s3cret');
      expect(run.stdout).not.toContain('Drizzle Studio');
    }, 30_000);
  }

  test('a port in use is one line and exit 1', async () => {
    const holder = Bun.listen({ hostname: '127.0.0.1', port: 0, socket: { data() {} } });
    try {
      const run = await runCli('studio', ['--port', String(holder.port)], {
        DATABASE_URL: refusedUrl,
      });
      expect(run.code).toBe(1);
      expect(oneLine(run.stderr)).toBe(
        `error: port ${holder.port} on 127.0.0.1 is already in use. Stop what uses it, or pick another with --port`,
      );
    } finally {
      holder.stop(true);
    }
  }, 30_000);

  /** Starts Studio on a free port, and returns all it printed on stdout once stopped. */
  async function studioOutput(
    env: Record<string, string>,
  ): Promise<{ port: number; stdout: string }> {
    const probe = Bun.listen({ hostname: '127.0.0.1', port: 0, socket: { data() {} } });
    const port = probe.port;
    probe.stop(true);
    const studio = spawnCli('studio', ['--port', String(port)], env);
    try {
      const reader = studio.stdout.getReader();
      let stdout = '';
      while (!stdout.includes('(the data)\n')) {
        const chunk = await reader.read();
        if (chunk.done) break;
        stdout += new TextDecoder().decode(chunk.value);
      }
      // Studio answers by then: the lines come after it listens, not before.
      const answer = await fetch(`http://127.0.0.1:${port}/`, { method: 'HEAD' });
      expect(answer.status).toBeLessThan(500);
      studio.kill('SIGTERM');
      await studio.exited;
      for (;;) {
        const chunk = await reader.read();
        if (chunk.done) break;
        stdout += new TextDecoder().decode(chunk.value);
      }
      return { port, stdout };
    } finally {
      studio.kill('SIGKILL');
    }
  }

  test('once Studio listens it prints its own two lines and nothing of drizzle-kit', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fluxcore-studio-'));
    made.folders.push(dir);
    const dataDir = join(dir, 'pgdata');
    const { port, stdout } = await studioOutput({ FLUXCORE_DATA_DIR: dataDir });
    expect(stdout).toBe(
      `Drizzle Studio's data server for embedded database at ${dataDir} listens on 127.0.0.1:${port} (Ctrl-C to stop)\nStudio's interface is served from the internet: open https://local.drizzle.studio?host=127.0.0.1&port=${port}; offline, use bun run db:docs (the schema) or psql through bun run db:serve (the data)\n`,
    );
  }, 60_000);

  if (databaseKinds.includes('server')) {
    // Through a URL drizzle-kit picks the pg driver and says so ("Using 'pg' driver …"): left out.
    test('on a server too, its two lines are all it prints', async () => {
      const database = await createTestDatabase('server', { onDisk: true });
      made.databases.push(database);
      await database.release();
      const { port, stdout } = await studioOutput(database.env);
      expect(stdout).toBe(
        `${studioLines(describeTarget(database.config), '127.0.0.1', port).join('\n')}\n`,
      );
    }, 60_000);
  }
});

describe('db:check and db:generate without a terminal', () => {
  /** A copy of the migrations whose last snapshot calls protected_accounts.reason "note". */
  function renamedCopy(): string {
    const dir = copyProjectMigrations();
    made.folders.push(dir);
    const last = projectMigrations.at(-1)?.tag.split('_')[0] ?? '';
    const path = join(dir, 'meta', `${last}_snapshot.json`);
    const snapshot = JSON.parse(readFileSync(path, 'utf8'));
    const table = snapshot.tables['public.protected_accounts'];
    table.columns.note = { ...table.columns.reason, name: 'note' };
    delete table.columns.reason;
    writeFileSync(path, JSON.stringify(snapshot, null, 2));
    return dir;
  }

  test('db:check fails on a change drizzle-kit would have to ask about (a rename)', async () => {
    const result = await checkMigrations(renamedCopy());
    expect(result.problems).toEqual([
      'the schema has changes no migration holds, and drizzle-kit must ask whether a table or column was renamed (it cannot ask without a terminal). Run bun run db:generate --name <what changed> in a terminal and answer it',
    ]);
  }, 60_000);

  test('db:generate without a terminal says why in one line, exits 1 and writes nothing', async () => {
    const dir = renamedCopy();
    const journal = readFileSync(join(dir, 'meta', '_journal.json'), 'utf8');
    const run = await runCli('generate', ['--name', 'rename_note'], {
      FLUXCORE_MIGRATIONS_DIR: dir,
    });
    expect(run.code).toBe(1);
    expect(oneLine(run.stderr)).toBe(
      'error: drizzle-kit generate must ask whether a table or column was renamed or created, and there is no terminal to ask on (nothing was written). Run bun run db:generate in a terminal and answer it, or write the change yourself: bun run db:generate --custom --name <what_changed>, then put the ALTER TABLE ... RENAME in that file',
    );
    expect(readFileSync(join(dir, 'meta', '_journal.json'), 'utf8')).toBe(journal);
  }, 60_000);
});

describe.if(databaseKinds.includes('server'))('the server only', () => {
  const role = `fluxcore_test_role_${process.pid}`;
  const admin = async <T>(run: (client: pg.Client) => Promise<T>, url = adminUrl) => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      return await run(client);
    } finally {
      await client.end();
    }
  };
  afterAll(async () => {
    await admin((c) => c.query(`drop role if exists ${role}`)).catch(() => {});
  });

  test('db:push --force creates the vector extension, as the embedded path does', async () => {
    const database = await createTestDatabase('server');
    made.databases.push(database);
    const run = await runCli('push', ['--force'], database.env);
    // stderr holds its progress alone, a line per phase (no error, no drizzle-kit output).
    expect(run.stderr).toMatch(
      /^pushing the schema to server [^\n]*: it is empty \(0 tables\)\n {2}drizzle-kit compared it with the schema: \d+ statement\(s\) to run\n {2}running \d+ statement\(s\)\n$/,
    );
    expect(run.code).toBe(0);
    // Piped, drizzle-kit's spinner stays out: no cursor codes, no "Pulling schema".
    expect(run.stdout).not.toContain('\u001b[');
    expect(run.stdout).not.toContain('Pulling schema');
    const [row] = await admin(
      async (c) =>
        (await c.query(`select extversion from pg_extension where extname = 'vector'`)).rows,
      database.env.DATABASE_URL,
    );
    expect(row?.extversion).toBeString();
  }, 120_000);

  test('a role that may not read a table: one line naming it and the grant', async () => {
    const database = await migratedOnDisk('server');
    const url = database.env.DATABASE_URL ?? '';
    await admin(async (c) => {
      await c.query(`create role ${role} login`);
    });
    await admin(async (c) => {
      await c.query(`grant usage on schema drizzle, public to ${role}`);
      await c.query(`grant select on all tables in schema public to ${role}`);
    }, url);
    const asRole = new URL(url);
    asRole.username = role;
    const env = { DATABASE_URL: asRole.toString() };
    try {
      const status = await runCli('status', [], env);
      expect(status.code).toBe(1);
      expect(oneLine(status.stderr)).toBe(
        `error: permission denied for table drizzle.__drizzle_migrations. The role in DATABASE_URL lacks the privilege: have the owner run GRANT SELECT, INSERT, UPDATE, DELETE ON drizzle.__drizzle_migrations TO <role> (the role of DATABASE_URL), or connect as the owner`,
      );
      const audit = await runProcess(
        ['bun', 'run', join(import.meta.dir, '../src/cli/main.ts'), 'audit'],
        env,
      );
      expect(audit.code).toBe(2);
      expect(oneLine(audit.stderr.replace(/^auditing .*\n/, ''))).toStartWith(
        'error: permission denied for table drizzle.__drizzle_migrations.',
      );
      const migrateRun = await runCli('migrate', [], env);
      expect(migrateRun.code).toBe(1);
      // migrate reads the journal first (to name the database's situation), so the first
      // privilege it lacks is the journal's.
      expect(oneLine(migrateRun.stderr)).toStartWith(
        'error: permission denied for table drizzle.__drizzle_migrations. The role in DATABASE_URL lacks the privilege: have the owner run GRANT',
      );
    } finally {
      await admin(async (c) => {
        await c.query(`drop owned by ${role}`);
      }, url);
    }
  }, 120_000);
});
