import { afterEach, describe, expect, test } from 'bun:test';
import {
  createTestDatabase,
  databaseKinds,
  projectMigrations,
  type TestDatabase,
} from '@fluxcore/db/testing';
import { introspectCatalog } from '../src/catalog/introspect.ts';
import type { SqlSession } from '../src/connection/client.ts';
import { migrate } from '../src/migrator/apply.ts';
import { baseline } from '../src/migrator/baseline.ts';
import type { Migration } from '../src/migrator/journal.ts';
import { migrationStatus } from '../src/migrator/status.ts';
import { runCli } from './support/migrations.ts';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function fresh(kind: TestDatabase['kind'], options: { onDisk?: boolean } = {}) {
  const database = await createTestDatabase(kind, options);
  cleanups.push(() => database.drop());
  return database;
}

const tags = (list: Migration[]) => list.map((m) => m.tag);
/** The manual scripts of the seed: every migration after 0001 up to the appointments (HITO 16). */
const handRun = projectMigrations.slice(2, 11);

/** Runs migrations' SQL as psql would: no journal rows, no transaction per file. */
async function applyByHand(
  session: SqlSession,
  migrations: Migration[],
  edit = (sql: string) => sql,
) {
  for (const migration of migrations) {
    for (const statement of migration.statements) await session.exec(edit(statement));
  }
}

/** The seed's database: Drizzle's 0000 and 0001, then the manual scripts, then the legacy table. */
async function handMigratedDatabase(session: SqlSession, edit?: (sql: string) => string) {
  await migrate(session, projectMigrations, { to: '0001_material_killer_shrike' });
  await applyByHand(session, handRun, edit);
  await session.exec(
    'create table extensions (id uuid primary key, name text not null, manifest jsonb)',
  );
}

describe.each(databaseKinds)('db:baseline on the %s database', (kind) => {
  test("adopts the seed's hand-migrated database, and db:migrate finishes it", async () => {
    const database = await fresh(kind);
    const session = await database.session();
    cleanups.push(() => session.close());
    await handMigratedDatabase(session);

    const dry = await baseline(session, database.config, projectMigrations, { dryRun: true });
    expect(dry.steps.filter((s) => s.outcome === 'recorded').map((s) => s.tag)).toEqual(
      tags(handRun),
    );
    expect(
      (await migrationStatus(session, projectMigrations)).migrations.filter(
        (m) => m.state === 'applied',
      ),
    ).toHaveLength(2);

    const result = await baseline(session, database.config, projectMigrations);
    expect(result.drift).toBe(false);
    expect(result.alreadyRecorded).toBe(2);
    expect(result.steps.filter((s) => s.outcome === 'recorded').map((s) => s.tag)).toEqual(
      tags(handRun),
    );
    expect(result.steps.at(-1)).toMatchObject({
      tag: projectMigrations[11]?.tag,
      outcome: 'pending',
    });
    const methods = await session.query<{ tag: string; method: string }>(
      'select tag, method from drizzle.fluxcore_migrations order by created_at',
    );
    expect(methods.filter((row) => row.method === 'baseline').map((row) => row.tag)).toEqual(
      tags(handRun),
    );

    const finished = await migrate(session, projectMigrations);
    expect(finished.applied.map((step) => step.tag)).toEqual(tags(projectMigrations.slice(11)));

    // The result holds every table, column, index and constraint a fresh database has.
    const reference = await createTestDatabase(kind, { migratedTo: 'all' });
    cleanups.push(() => reference.drop());
    const referenceSession = await reference.session();
    cleanups.push(() => referenceSession.close());
    const adopted = await introspectCatalog(session);
    const expected = await introspectCatalog(referenceSession);
    for (const [key, element] of expected)
      expect(adopted.get(key)?.definition).toBe(element.definition);
    const extra = [...adopted.keys()].filter((key) => !expected.has(key));
    expect(extra.every((key) => key.includes('extensions'))).toBe(true);
    expect(adopted.has('table:extensions.extensions')).toBe(true);
  });

  test('stops before a hand-run script that drifted, naming the column', async () => {
    const database = await fresh(kind);
    const session = await database.session();
    cleanups.push(() => session.close());
    // Script 008 as someone ran it: actor_type as free text, not the enum.
    await handMigratedDatabase(session, (sql) =>
      sql.replace(
        `"actor_type" "actor_type" DEFAULT 'account' NOT NULL`,
        '"actor_type" varchar(50)',
      ),
    );
    const result = await baseline(session, database.config, projectMigrations);
    expect(result.drift).toBe(true);
    expect(result.steps.map((s) => [s.tag, s.outcome])).toEqual([
      ['0002_message_status', 'recorded'],
      ['0003_actor_model', 'drift'],
    ]);
    const difference = result.steps[1]?.differences.find(
      (d) => d.element === 'column actors.actor_type',
    );
    expect(difference?.expected).toContain('actor_type not null');
    expect(difference?.found).toBe('character varying(50)');
    const rows = await session.query('select 1 from drizzle.__drizzle_migrations');
    expect(rows).toHaveLength(3);
  });
});

describe.each(databaseKinds)('the db:baseline command on the %s database', (kind) => {
  test('prints what it recorded, and exits 1 naming the drifted column', async () => {
    const database = await fresh(kind, { onDisk: true });
    {
      const session = await database.session();
      await handMigratedDatabase(session, (sql) =>
        sql.replace('"alias" varchar(100)', '"alias" text'),
      );
      await session.close();
      await database.release();
    }
    const run = await runCli('baseline', [], database.env);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('recorded 0002_message_status');
    expect(run.stdout).toContain('recorded 0003_actor_model');
    expect(run.stdout).toContain(
      'stopped at 0004_account_alias: the database differs from what it makes',
    );
    expect(run.stdout).toContain(
      'column accounts.alias: expected character varying(100); found text',
    );
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
  });
});
