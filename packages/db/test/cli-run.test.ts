/**
 * The commands are functions: a test calls `run(flags, config, io)` directly, with no process,
 * and reads the lines the command would print. On both databases.
 */
import { afterEach, describe, expect, test } from 'bun:test';
import {
  createTestDatabase,
  databaseKinds,
  projectMigrations,
  type TestDatabase,
} from '@fluxcore/db/testing';
import { run as audit } from '../src/cli/commands/audit.ts';
import { run as migrate } from '../src/cli/commands/migrate.ts';
import { run as rollback } from '../src/cli/commands/rollback.ts';
import { run as status } from '../src/cli/commands/status.ts';
import type { Io } from '../src/cli/context.ts';

const made: TestDatabase[] = [];
afterEach(async () => {
  for (const database of made.splice(0)) await database.drop();
});

/** An Io that keeps the lines, stdout and stderr apart. */
function capture(): Io & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, log: (line) => void out.push(line), error: (line) => void err.push(line) };
}

async function journalRows(database: TestDatabase): Promise<number> {
  const session = await database.session();
  try {
    const [row] = await session.query<{ n: number }>(
      'select count(*)::int as n from drizzle.__drizzle_migrations',
    );
    return row?.n ?? -1;
  } finally {
    await session.close();
    await database.release();
  }
}

describe.each(databaseKinds)('the command functions on the %s database', (kind) => {
  test('migrate, status, rollback and audit run as functions and return their exit codes', async () => {
    const database = await createTestDatabase(kind, { onDisk: true });
    made.push(database);
    const { config } = database;
    const total = projectMigrations.length;

    const dry = capture();
    expect(await migrate({ dryRun: true, lockTimeout: 60_000 }, config, dry)).toBe(0);
    expect(dry.out.at(-1)).toBe(
      `${total} migration(s) would be applied (dry run: nothing changed)`,
    );

    const partly = capture();
    expect(await migrate({ to: '0002', lockTimeout: 60_000 }, config, partly)).toBe(0);
    expect(partly.out.at(-1)).toStartWith('3 migration(s) applied in ');
    expect(await journalRows(database)).toBe(3);

    const listed = capture();
    expect(await status({}, config, listed)).toBe(0);
    expect(listed.out.at(-1)).toBe(
      `3 applied, ${total - 3} pending, 0 edited, 0 skipped, 0 unknown`,
    );

    const back = capture();
    expect(await rollback({ to: '0001', lockTimeout: 60_000 }, config, back)).toBe(0);
    expect(back.out.at(-1)).toStartWith('1 migration(s) reverted in ');
    expect(await journalRows(database)).toBe(2);

    expect(await migrate({ lockTimeout: 60_000 }, config, capture())).toBe(0);
    expect(await journalRows(database)).toBe(total);
    const audited = capture();
    expect(await audit({}, config, audited)).toBe(0);
    expect(audited.err[0]).toStartWith('auditing ');
    expect(audited.out.join('\n')).toMatch(/(\d+) tables: \1 ok, 0 different, 0 missing/);
  }, 120_000);
});
