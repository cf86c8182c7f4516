/**
 * An online run in progress (killed, or running elsewhere) has its steps recorded for the
 * database as it found it. The offline commands that change the database (db:migrate,
 * db:rollback, db:converge --yes) refuse while it is open, in one line naming the run and the
 * way out, and change nothing; the read-only forms still run; once the run is undone
 * (--abort), they work again.
 */
import { afterEach, describe, expect, test } from 'bun:test';
import {
  createTestDatabase,
  databaseKinds,
  projectMigrations,
  type TestDatabase,
} from '@fluxcore/db/testing';
import { migrate } from '../src/migrator/apply.ts';
import { ensureOnlineTables, refuseDuringOnlineRun, startRun } from '../src/online/records.ts';
import { fingerprint, schemaDump } from './support/fingerprint.ts';
import { runCli } from './support/migrations.ts';

const made: TestDatabase[] = [];
/** Migrated to the one before the last: the last is pending. */
const count = projectMigrations.length;
const lastButOne = projectMigrations[count - 2] ?? { tag: '' };

/** The catalog, every table's row count and every column's checksum. */
async function snapshot(database: TestDatabase) {
  const session = await database.session();
  const { rows, columns } = await fingerprint(session);
  return { catalog: await schemaDump(session), rows, columns };
}
afterEach(async () => {
  for (const database of made.splice(0)) await database.drop();
});

describe.each(databaseKinds)('offline commands during an online run (%s)', (kind) => {
  test('migrate, rollback and converge --yes refuse in one line and change nothing; after --abort they run', async () => {
    const database = await createTestDatabase(kind, { onDisk: true, migratedTo: lastButOne.tag });
    made.push(database);
    const session = await database.session();
    await session.exec(
      `insert into users (id, email, password_hash, name) values ('00000000-0000-4000-8000-000000000001', 'guard@example.test', 'x', 'Guard')`,
    );
    await ensureOnlineTables(session);
    const run = await startRun(session, 'converge', 'another operator');
    const journal = async () =>
      (
        await (
          await database.session()
        ).query<{ n: number }>('select count(*)::int as n from drizzle.__drizzle_migrations')
      )[0]?.n;
    expect(await journal()).toBe(count - 1);

    const unchanged = await snapshot(database);
    {
      // db:converge exits 2 when it cannot run (1 is a refused check of its plan).
      for (const [command, args, says, code] of [
        ['migrate', [], 'db:migrate', 1],
        ['rollback', ['--yes'], 'db:rollback', 1],
        ['converge', ['--yes'], 'db:converge --yes', 2],
      ] as const) {
        await database.release();
        const refused = await runCli(command, [...args], database.env);
        expect({ command, code: refused.code }).toEqual({ command, code });
        expect(refused.stderr.trim().split('\n')).toHaveLength(1);
        expect(refused.stderr).toStartWith(
          `error: an online db:converge (run #${run.id}, started `,
        );
        expect(refused.stderr).toContain(
          `is in progress; ${says} would change the database under it, so nothing was changed`,
        );
        expect(refused.stderr).toContain(
          'Finish it (bun run db:converge --online) or undo it (bun run db:converge --abort) first',
        );
      }
      // Reading is not changing: the dry run still says what it would apply.
      await database.release();
      const dryRun = await runCli('migrate', ['--dry-run'], database.env);
      expect(dryRun.code).toBe(0);
      expect(dryRun.stdout).toContain('1 migration(s) would be applied (dry run: nothing changed)');
    }
    expect(await snapshot(database)).toEqual(unchanged);
    expect(await journal()).toBe(count - 1);

    // The check that counts runs once the migration lock is held: a run opened while this
    // command waited for the lock is seen too (the functions, with the CLI's guard).
    const guarded = await (async () => {
      const inside = await database.session();
      return migrate(inside, projectMigrations, {
        guard: () => refuseDuringOnlineRun(inside, 'db:migrate'),
      }).then(
        () => 'applied',
        (error: Error) => error.message,
      );
    })();
    expect(guarded).toContain(`an online db:converge (run #${run.id}, started `);
    expect(await journal()).toBe(count - 1);

    await database.release();
    const aborted = await runCli('converge', ['--abort'], database.env);
    expect(aborted.code).toBe(0);
    const migrated = await runCli('migrate', [], database.env);
    expect(migrated.stderr).toBe('');
    expect(migrated.code).toBe(0);
    expect(migrated.stdout).toContain('1 migration(s) applied');
    expect(await journal()).toBe(count);
    const [user] = await (await database.session()).query<{ email: string }>(
      `select email from users where id = '00000000-0000-4000-8000-000000000001'`,
    );
    expect(user?.email).toBe('guard@example.test');
  }, 180_000);
});
