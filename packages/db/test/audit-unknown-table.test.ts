/**
 * `db:audit --table NAME` with a name of no table, through the command's function on both
 * databases: a user's mistake in a flag, so one line naming the way to list the tables, no
 * report, and exit 2 (the audit could not run what was asked; 1 would say the database
 * differs from the schema). A known name still audits.
 */
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import { run } from '../src/cli/commands/audit.ts';
import type { Io } from '../src/cli/context.ts';
import { commands } from '../src/cli/spec.ts';
import { failureLine } from '../src/errors/failure-line.ts';
import { FluxDbError } from '../src/errors/flux-db-error.ts';
import { migrate } from '../src/migrator/apply.ts';
import {
  createTestDatabase,
  databaseKinds,
  projectMigrations,
  type TestDatabase,
} from '../src/testing/index.ts';

function capture(): Io & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, log: (line) => void out.push(line), error: (line) => void err.push(line) };
}

describe.each(databaseKinds)('db:audit --table with an unknown name (%s)', (kind) => {
  let database: TestDatabase;

  beforeAll(async () => {
    // On disk when embedded: the command opens the database itself, as it does from the CLI.
    database = await createTestDatabase(kind, { onDisk: true });
    const session = await database.session();
    await migrate(session, projectMigrations);
    await session.close();
    await database.release();
  }, 300_000);
  afterAll(() => database?.drop());

  test('one line naming the way to list tables, no report, exit 2', async () => {
    const io = capture();
    const error = await run({ table: ['nosuch'] }, database.config, io).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FluxDbError);
    expect((error as FluxDbError).code).toBe('USAGE');
    expect(failureLine(error)).toBe(
      '--table nosuch: no table of that name in the schema or the database. Run bun run db:audit without --table to list every table, and pass one of those names',
    );
    expect(io.out).toEqual([]);
    expect(io.err).toEqual([expect.stringMatching(/^auditing /)]);
    // The edge prints that line after `error: ` and exits with the command's failure code.
    expect(commands.audit?.failureCode).toBe(2);
  });

  test('several unknown names are named together; known ones among them do not hide them', async () => {
    const io = capture();
    const error = await run(
      { table: ['accounts', 'nosuch', 'acounts'] },
      database.config,
      io,
    ).catch((e: unknown) => e);
    expect(failureLine(error)).toBe(
      '--table nosuch, acounts: no tables of those names in the schema or the database. Run bun run db:audit without --table to list every table, and pass one of those names',
    );
    expect(io.out).toEqual([]);
  });

  test('a known name audits that table and exits 0', async () => {
    const io = capture();
    const code = await run({ table: ['accounts'], json: true }, database.config, io);
    expect(code).toBe(0);
    const document = JSON.parse(io.out.join('\n'));
    expect(document.tables).toEqual([expect.objectContaining({ name: 'accounts', state: 'ok' })]);
  });
});
