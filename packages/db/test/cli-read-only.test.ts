/**
 * A database that takes no writes, and a server that does not speak TLS (issue 20, item 9):
 * migrate, seed and rollback on a read-only database (SQLSTATE 25006) say so in one line with
 * the fix, and leave it as it was; sslmode=require against a server without SSL is one line.
 */
import { describe, expect, test } from 'bun:test';
import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { adminUrl, createTestDatabase, databaseKinds } from '@fluxcore/db/testing';
import { migrationsFolder } from '../src/connection/config.ts';
import { loadMigrations } from '../src/migrator/journal.ts';
import { oneLine } from './support/embedded-folders.ts';
import { runCli } from './support/migrations.ts';

const migrations = loadMigrations(migrationsFolder);
const secondLast = migrations.at(-2)?.tag as string;

const readOnlyLine =
  /^error: the database is read-only \(25006: default_transaction_read_only is on, or it is a standby\): nothing was written\. Connect to a writable primary, or turn it off \(ALTER DATABASE name SET default_transaction_read_only = off; for the embedded database, remove that line from postgresql\.auto\.conf in its folder\)$/;

describe('a read-only database', () => {
  for (const kind of databaseKinds) {
    test(`${kind}: migrate, seed and rollback say it is read-only in one line, and leave it as it was`, async () => {
      const database = await createTestDatabase(kind, { onDisk: true });
      try {
        expect((await runCli('migrate', ['--to', secondLast], database.env)).code).toBe(0);
        if (kind === 'embedded') {
          // As ALTER SYSTEM would: the folder's own settings file.
          await database.release();
          const dataDir = (database.config as { dataDir: string }).dataDir;
          appendFileSync(
            join(dataDir, 'postgresql.auto.conf'),
            'default_transaction_read_only = on\n',
          );
        } else {
          const session = await database.session();
          await session.exec(
            'do $$ begin execute format($f$alter database %I set default_transaction_read_only = on$f$, current_database()); end $$',
          );
          await session.close();
        }
        const before = await runCli('status', [], database.env);
        for (const [command, args] of [
          ['migrate', []],
          ['seed', []],
          ['rollback', ['--yes']],
        ] as const) {
          const run = await runCli(command, [...args], database.env);
          expect(run.code).toBe(1);
          expect(oneLine(run.stderr)).toMatch(readOnlyLine);
        }
        const after = await runCli('status', [], database.env);
        expect(after.stdout).toBe(before.stdout);
        expect(after.stdout).toContain(`${migrations.length - 1} applied, 1 pending`);
      } finally {
        await database.drop();
      }
    }, 120_000);
  }
});

describe.if(databaseKinds.includes('server'))('sslmode=require', () => {
  test('against a server without SSL is one line with the fix', async () => {
    const url = new URL(adminUrl);
    url.searchParams.set('sslmode', 'require');
    for (const command of ['status', 'migrate', 'audit']) {
      const run = await runCli(command, [], { DATABASE_URL: url.toString() });
      expect(run.code).toBe(command === 'audit' ? 2 : 1);
      expect(oneLine(run.stderr)).toBe(
        `error: PostgreSQL at ${url.hostname}:${url.port || '5432'} does not accept SSL, and the sslmode of DATABASE_URL asks for it. Remove sslmode from DATABASE_URL (or set sslmode=disable), or turn SSL on in the server`,
      );
    }
  }, 60_000);
});
