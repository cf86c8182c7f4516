/** Errors a user can cause: one line saying what went wrong and how to fix it, exit 1. */
import { describe, expect, test } from 'bun:test';
import { schemaTableNames } from '@fluxcore/db';
import { adminUrl, createTestDatabase, databaseKinds } from '@fluxcore/db/testing';
import { runCli } from './support/migrations.ts';

const server = new URL(adminUrl);
const withPassword = (mutate: (url: URL) => void) => {
  const url = new URL(adminUrl);
  url.password = 's3cret-Pa55';
  mutate(url);
  return url.toString();
};

function expectOneLine(stderr: string): string {
  const lines = stderr.trim().split('\n');
  expect(lines).toHaveLength(1);
  expect(stderr).not.toContain('    at ');
  expect(stderr).not.toContain('s3cret-Pa55');
  return lines[0] ?? '';
}

/** `needsServer`: only a running server can answer these (the run may have skipped it). */
const cases: { name: string; url: string; message: RegExp; needsServer?: true }[] = [
  {
    name: 'a malformed URL',
    url: 'postgres//admin:s3cret-Pa55@nowhere',
    message:
      /^error: DATABASE_URL is not a PostgreSQL URL\. Give one like postgres:\/\/user@127\.0\.0\.1:5432\/fluxcore, or unset it/,
  },
  {
    name: 'a URL without a host',
    url: 'postgresql://admin:s3cret-Pa55@/fluxcore',
    message: /^error: DATABASE_URL is not a PostgreSQL URL\./,
  },
  {
    name: 'an unreachable server',
    url: withPassword((url) => {
      url.port = '1';
    }),
    message:
      /^error: cannot reach PostgreSQL at 127\.0\.0\.1:1 \(ECONNREFUSED\)\. Start the server/,
  },
  {
    name: 'unknown credentials',
    url: withPassword((url) => {
      url.username = 'fluxcore_nobody';
    }),
    message: /^error: PostgreSQL refused the credentials of user "fluxcore_nobody"/,
    needsServer: true,
  },
  {
    name: 'a missing database',
    url: withPassword((url) => {
      url.pathname = '/fluxcore_no_such_database';
    }),
    message:
      /^error: database "fluxcore_no_such_database" does not exist on .*\. Create it \(createdb fluxcore_no_such_database\)/,
    needsServer: true,
  },
];

describe('bad input to the commands', () => {
  for (const { name, url, message, needsServer } of cases) {
    if (needsServer && !databaseKinds.includes('server')) continue;
    for (const command of ['migrate', 'status', 'baseline', 'seed']) {
      test(`${command} with ${name} prints one line without the password and exits 1`, async () => {
        const run = await runCli(command, [], { DATABASE_URL: url });
        expect(run.code).toBe(1);
        expect(expectOneLine(run.stderr)).toMatch(message);
      });
    }
  }

  test.if(databaseKinds.includes('server'))(
    "db:audit on Bun's own client says the same line as the others, even for a URL only node-postgres reads",
    async () => {
      // A password with a bad %-escape: Bun's client refuses the URL, node-postgres reads it.
      const url = new URL(adminUrl);
      url.pathname = '/fluxcore_no_such_database';
      const text = url.toString().replace('@', ':s3cret-Pa55%ZZ@');
      for (const command of ['audit', 'status']) {
        const run = await runCli(command, [], { DATABASE_URL: text });
        expect(run.code).toBe(command === 'audit' ? 2 : 1);
        expect(expectOneLine(run.stderr)).toMatch(
          /^error: database "fluxcore_no_such_database" does not exist on /,
        );
      }
    },
  );

  test('an unknown flag names the known ones', async () => {
    const run = await runCli('migrate', ['--bogus'], { DATABASE_URL: server.toString() });
    expect(run.code).toBe(2);
    expect(expectOneLine(run.stderr)).toMatch(
      /^error: Unknown option '--bogus'.*Known flags: --to, --dry-run, --lock-timeout, --online, --abort, --online-lock-timeout, --batch-size, --batch-pause$/,
    );
  });

  test('db:push refuses a server database without --force', async () => {
    const run = await runCli('push', [], { DATABASE_URL: withPassword(() => {}) });
    expect(run.code).toBe(1);
    expect(expectOneLine(run.stderr)).toContain('db:push refuses server');
  });

  test('db:push fills a fresh embedded database, then refuses it once it has tables', async () => {
    const database = await createTestDatabase('embedded', { onDisk: true });
    try {
      const first = await runCli('push', [], database.env);
      expect(first.code).toBe(0);
      expect(first.stdout).toMatch(/pushed \d+ statement\(s\) to embedded database/);
      // Piped, drizzle-kit's spinner stays out: no cursor codes, no "Pulling schema".
      expect(first.stdout).not.toContain('\u001b[');
      expect(first.stdout).not.toContain('Pulling schema');
      const second = await runCli('push', [], database.env);
      expect(second.code).toBe(1);
      expect(expectOneLine(second.stderr)).toContain('db:push only fills an empty database');
      expect(second.stderr).toContain(`has ${schemaTableNames.length} table(s)`);
    } finally {
      await database.drop();
    }
  }, 60_000);
});
