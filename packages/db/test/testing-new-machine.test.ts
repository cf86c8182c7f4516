/**
 * `bun run test` on a machine whose server is down or lacks pgvector (issue 10, section 5):
 * the preload in bunfig.toml runs the embedded half and says so at the start and at the end;
 * when TEST_DATABASES names the server, the same machine fails the run. Each case runs a real
 * `bun test` process on a small fixture, against a closed port or a real PostgreSQL-protocol
 * server that has no pgvector (PGlite served by pglite-socket).
 */
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { adminUrl, databaseKinds } from '@fluxcore/db/testing';
import { pgvectorMinimum } from '../src/connection/requirements.ts';

const root = resolve(import.meta.dir, '../../..');
const fixture = './packages/db/test/support/kinds.fixture.ts';

async function bunTest(
  env: Record<string, string | undefined>,
  command: string[] = ['bun', 'test', fixture],
) {
  const childEnv: Record<string, string | undefined> = { ...process.env, ...env };
  for (const [key, value] of Object.entries(env)) if (value === undefined) delete childEnv[key];
  const child = Bun.spawn(command, {
    cwd: root,
    env: childEnv,
    stdout: 'pipe',
    stderr: 'pipe',
  });
  const [stdout, stderr, code] = await Promise.all([
    new Response(child.stdout).text(),
    new Response(child.stderr).text(),
    child.exited,
  ]);
  return { code, output: `${stdout}${stderr}`, stdout, stderr };
}

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  await new Promise((done) => server.close(done));
  return port;
}

const skipLine = (reason: string) =>
  `server half skipped: ${reason}; testing the embedded database only (TEST_DATABASES=embedded,server makes this an error)`;

describe('which database kinds `bun run test` runs', () => {
  let downUrl = '';
  let noVector: { server: PGLiteSocketServer; db: PGlite; url: string } | undefined;

  beforeAll(async () => {
    downUrl = `postgres://postgres@127.0.0.1:${await closedPort()}/postgres`;
    const db = await PGlite.create();
    const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0 });
    await server.start();
    noVector = { server, db, url: `postgres://postgres@${server.getServerConn()}/postgres` };
  });
  afterAll(async () => {
    await noVector?.server.stop();
    await noVector?.db.close();
  });

  test('server down, TEST_DATABASES unset: the embedded half runs, and the skip is said twice', async () => {
    const run = await bunTest({ TEST_DATABASES: undefined, TEST_DATABASE_URL: downUrl });
    expect(run.code).toBe(0);
    const port = new URL(downUrl).port;
    const line = skipLine(
      `the PostgreSQL server at 127.0.0.1:${port} does not answer (ECONNREFUSED)`,
    );
    expect(run.stdout.split('\n').filter((l) => l === line)).toHaveLength(2);
    expect(run.stdout.indexOf(line)).toBeLessThan(run.stdout.indexOf('kinds: embedded\n'));
    expect(run.stdout.lastIndexOf(line)).toBeGreaterThan(run.stdout.indexOf('kinds: embedded\n'));
    expect(run.stderr).toMatch(/^ 1 pass$/m);
    expect(run.stderr).toMatch(/^ 0 fail$/m);
  }, 60_000);

  test('server down, TEST_DATABASES names server: the run fails in one line', async () => {
    for (const kinds of ['server', 'embedded,server']) {
      const run = await bunTest({ TEST_DATABASES: kinds, TEST_DATABASE_URL: downUrl });
      expect(run.code).not.toBe(0);
      expect(run.output).not.toContain('kinds:');
      const errors = run.stderr.split('\n').filter((l) => l.startsWith('error:'));
      expect(errors).toEqual([
        `error: TEST_DATABASES=${kinds} names the server, but the PostgreSQL server at 127.0.0.1:${new URL(downUrl).port} does not answer (ECONNREFUSED). Start it (scripts/ensure-postgres.sh) or leave server out of TEST_DATABASES`,
      ]);
    }
  }, 60_000);

  test('a server without pgvector: skipped by default, an error when named', async () => {
    const url = noVector?.url ?? '';
    const where = new URL(url).host;
    const skipped = await bunTest({ TEST_DATABASES: undefined, TEST_DATABASE_URL: url });
    expect(skipped.code).toBe(0);
    const line = skipLine(
      `the PostgreSQL server at ${where} has no pgvector (scripts/install-pgvector.sh builds it)`,
    );
    expect(skipped.stdout.split('\n').filter((l) => l === line)).toHaveLength(2);
    expect(skipped.stdout).toContain('kinds: embedded\n');

    const failed = await bunTest({ TEST_DATABASES: 'embedded,server', TEST_DATABASE_URL: url });
    expect(failed.code).not.toBe(0);
    expect(failed.stderr).toContain(
      `has no pgvector (scripts/install-pgvector.sh builds it). Start it`,
    );
  }, 60_000);

  test.if(databaseKinds.includes('server'))(
    'a working server with pgvector: both halves run and nothing is said',
    async () => {
      const run = await bunTest({ TEST_DATABASES: undefined, TEST_DATABASE_URL: adminUrl });
      expect(run.code).toBe(0);
      expect(run.stdout).toContain('kinds: embedded,server\n');
      expect(run.output).not.toContain('skipped');
    },
    60_000,
  );
});

describe('`bun run test` on a machine without chromium', () => {
  const browserTest = './packages/db/test/docs-browser.test.ts';
  const missing = '/nonexistent/chromium';
  const line = `browser test skipped: no chromium at ${missing} (sudo bash scripts/install-chromium.sh installs it, or FLUXCORE_CHROMIUM names another; TEST_BROWSER=chromium makes this an error)`;
  const env = { TEST_DATABASES: 'embedded', FLUXCORE_CHROMIUM: missing, TEST_BROWSER: undefined };

  test('bare bun test: the browser test is skipped, said at the start and at the end', async () => {
    const run = await bunTest(env, ['bun', 'test', browserTest]);
    expect(run.code).toBe(0);
    expect(run.stdout.split('\n').filter((l) => l === line)).toHaveLength(2);
    expect(run.stderr).toMatch(/^ 0 pass$/m);
    expect(run.stderr).toMatch(/^ [1-9]\d* skip$/m);
    expect(run.stderr).toMatch(/^ 0 fail$/m);
  }, 60_000);

  test('bun run test: said once at the start and once after the counts, not by each worker', async () => {
    const run = await bunTest(env, ['bun', 'run', 'test', browserTest]);
    expect(run.code).toBe(0);
    const lines = run.stdout.split('\n');
    expect(lines.filter((l) => l === line)).toHaveLength(2);
    expect(lines[0]).toBe(line);
    expect(lines.filter((l) => l.trim() !== '').at(-1)).toBe(line);
  }, 60_000);

  test('TEST_BROWSER=chromium (as CI sets): the run fails in one line', async () => {
    for (const command of [
      ['bun', 'test', browserTest],
      ['bun', 'run', 'test', browserTest],
    ]) {
      const run = await bunTest({ ...env, TEST_BROWSER: 'chromium' }, command);
      expect(run.code).toBe(1);
      expect(run.stderr.split('\n').filter((l) => l.startsWith('error:'))).toEqual([
        `error: TEST_BROWSER=chromium requires the browser test, but there is no chromium at ${missing}. Install it (sudo bash scripts/install-chromium.sh), point FLUXCORE_CHROMIUM at one, or unset TEST_BROWSER`,
      ]);
      expect(run.output).not.toContain('pass');
    }
  }, 60_000);
});

describe('scripts/install-pgvector.sh takes the mirror the machine is configured with', () => {
  const script = resolve(root, 'scripts/install-pgvector.sh');

  async function printSource(sources: { list?: string; parts?: Record<string, string> }) {
    const dir = mkdtempSync(join(tmpdir(), 'fluxcore-apt-'));
    try {
      mkdirSync(join(dir, 'parts'));
      writeFileSync(join(dir, 'sources.list'), sources.list ?? '');
      for (const [name, text] of Object.entries(sources.parts ?? {})) {
        writeFileSync(join(dir, 'parts', name), text);
      }
      // apt's own configuration variable: apt-get reads these sources instead of /etc/apt's.
      writeFileSync(
        join(dir, 'apt.conf'),
        `Dir::Etc::sourcelist "${dir}/sources.list";\nDir::Etc::sourceparts "${dir}/parts";\n`,
      );
      const child = Bun.spawn(['bash', script, '--print-source'], {
        env: { ...process.env, APT_CONFIG: join(dir, 'apt.conf') },
        stdout: 'pipe',
        stderr: 'pipe',
      });
      const [stdout, stderr, code] = await Promise.all([
        new Response(child.stdout).text(),
        new Response(child.stderr).text(),
        child.exited,
      ]);
      return { stdout, stderr, code };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }

  test('the script itself names no mirror', () => {
    expect(readFileSync(script, 'utf8')).not.toMatch(/https?:\/\//);
  });

  test('a one-line sources.list: its Debian archive, not its security archive', async () => {
    const run = await printSource({
      list: [
        'deb http://security.mirror.invalid/debian-security bookworm-security main',
        'deb http://archive.mirror.invalid/debian bookworm main',
      ].join('\n'),
    });
    expect(run.code).toBe(0);
    expect(run.stdout.match(/^URIs: .*$/gm)).toEqual([
      'URIs: http://archive.mirror.invalid/debian',
    ]);
    expect(run.stdout).toMatch(/^Types: deb-src$/m);
    expect(run.stdout).toMatch(/^Suites: unstable trixie$/m);
  });

  test('a deb822 .sources file', async () => {
    const run = await printSource({
      parts: {
        'debian.sources':
          'Types: deb\nURIs: http://deb822.mirror.invalid/debian\nSuites: bookworm bookworm-updates\nComponents: main\n',
      },
    });
    expect(run.code).toBe(0);
    expect(run.stdout.match(/^URIs: .*$/gm)).toEqual(['URIs: http://deb822.mirror.invalid/debian']);
  });

  test("its minimum is the package's pgvectorMinimum, the one db:audit checks", async () => {
    const child = Bun.spawn(['bash', script, '--print-minimum'], { stdout: 'pipe' });
    expect((await new Response(child.stdout).text()).trim()).toBe(pgvectorMinimum);
    expect(await child.exited).toBe(0);
  });

  test('no Debian mirror configured: one line saying so, exit 1', async () => {
    const run = await printSource({});
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(
      'pgvector: ERROR: no Debian mirror is configured in /etc/apt/sources.list*: add the one this machine should use\n',
    );
  });
});
