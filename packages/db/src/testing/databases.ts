/**
 * One helper gives each test a fresh database of either kind and drops it afterwards.
 * Server databases are created from TEST_DATABASE_URL (default: the local server's `postgres`
 * database, used only to create and drop `fluxcore_test_*` databases).
 * TEST_DATABASES picks the kinds to run (default: "embedded,server").
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  createDb,
  type DatabaseClient,
  openSqlSession,
  pgliteClient,
  type SqlSession,
} from '../connection/client.ts';
import type { DatabaseConfig } from '../connection/config.ts';
import { migrationsFolder } from '../connection/config.ts';
import { migrate } from '../migrator/apply.ts';
import { loadMigrations, type Migration } from '../migrator/journal.ts';
import { createDatabaseOnServer } from '../migrator/scratch.ts';
import { adminUrl } from './template-owners.ts';
import { pgliteFromTemplate, serverTemplate, type TemplateRecipe } from './templates.ts';

export { createDatabaseOnServer, type ServerDatabase } from '../migrator/scratch.ts';

export type DatabaseKind = DatabaseConfig['kind'];

export const databaseKinds: DatabaseKind[] = (process.env.TEST_DATABASES ?? 'embedded,server')
  .split(',')
  .map((kind) => kind.trim())
  .filter((kind): kind is DatabaseKind => kind === 'embedded' || kind === 'server');

export { adminUrl } from './template-owners.ts';

export interface TestDatabase {
  kind: DatabaseKind;
  config: DatabaseConfig;
  /** Environment for a command run as a child process against this database. */
  env: Record<string, string>;
  /**
   * A raw session on it. Embedded: always the same PGlite instance (one connection, and an
   * in-memory database exists only inside it); closing it is left to drop(). Server: a new
   * dedicated connection each call, closed by its caller.
   */
  session(): Promise<SqlSession>;
  /** Closes the embedded session and keeps the files, so a child process can open them. */
  release(): Promise<void>;
  drop(): Promise<void>;
}

/** A new temporary folder for an embedded database: `dataDir` in it (PGlite creates it). */
export function temporaryDataDir(prefix: string): { dataDir: string; remove(): void } {
  const folder = mkdtempSync(join(tmpdir(), `${prefix}-`));
  return {
    dataDir: join(folder, 'pgdata'),
    remove: () => rmSync(folder, { recursive: true, force: true }),
  };
}

/**
 * A fresh, empty database. Embedded ones live in memory unless `onDisk` (needed when a child
 * process opens it); server ones are created on the server and dropped with FORCE.
 */
export async function createTestDatabase(
  kind: DatabaseKind,
  options: { onDisk?: boolean } = {},
): Promise<TestDatabase> {
  if (kind === 'embedded') {
    const folder = options.onDisk ? temporaryDataDir('fluxcore-test') : undefined;
    const dataDir = folder?.dataDir ?? 'memory://';
    const config: DatabaseConfig = { kind, dataDir, applicationName: 'fluxcore-tests' };
    let shared: SqlSession | undefined;
    return {
      kind,
      config,
      env: { FLUXCORE_DATA_DIR: dataDir, DATABASE_URL: '' },
      session: async () => {
        shared ??= await openSqlSession(config);
        return { ...shared, close: async () => {} };
      },
      release: async () => {
        await shared?.close();
        shared = undefined;
      },
      drop: async () => {
        await shared?.close();
        shared = undefined;
        folder?.remove();
      },
    };
  }
  return createServerTestDatabase(undefined);
}

/** A new server database: empty, or a copy of `template` (./templates.ts). */
export async function createServerTestDatabase(
  template: string | undefined,
): Promise<TestDatabase> {
  const created = await createDatabaseOnServer(adminUrl, {
    prefix: 'fluxcore_test',
    applicationName: 'fluxcore-tests',
    template,
  });
  const config: DatabaseConfig = {
    kind: 'server',
    url: created.url,
    applicationName: 'fluxcore-tests',
    poolMax: 10,
  };
  return {
    kind: 'server',
    config,
    env: { DATABASE_URL: created.url },
    session: () => openSqlSession(config),
    release: async () => {},
    drop: created.drop,
  };
}

export const projectMigrations: Migration[] = loadMigrations(migrationsFolder);

/** The project's migrations as a template recipe (./templates.ts): each test copies the result. */
const migratedRecipe: TemplateRecipe = {
  key: 'migrated',
  content: projectMigrations.map((migration) => `${migration.tag} ${migration.hash}`).join('\n'),
  build: async (session) => {
    await migrate(session, projectMigrations);
  },
};

/**
 * A fresh database migrated to the full schema, with a drizzle client and a raw session. It is
 * a copy of a database migrated once per test run (./templates.ts): a server database made
 * from a template database, an in-memory PGlite started from a dumped data folder.
 */
export async function createMigratedDatabase(kind: DatabaseKind): Promise<{
  database: TestDatabase;
  client: DatabaseClient;
  close(): Promise<void>;
}> {
  if (kind === 'embedded') {
    const database = await createTestDatabase(kind);
    const pglite = await pgliteFromTemplate(migratedRecipe);
    const client = pgliteClient(pglite, () => pglite.close());
    return {
      database,
      client,
      close: async () => {
        await client.close();
        await database.drop();
      },
    };
  }
  const template = await serverTemplate(adminUrl, migratedRecipe);
  const database = await createServerTestDatabase(template);
  const client = await createDb(database.config);
  return {
    database,
    client,
    close: async () => {
      await client.close();
      await database.drop();
    },
  };
}
