/**
 * One helper gives each test a fresh database of either kind and drops it afterwards.
 * Server databases are created from TEST_DATABASE_URL (default: the local server's `postgres`
 * database, used only to create and drop `fluxcore_test_*` databases).
 * TEST_DATABASES picks the kinds to run (default: "embedded,server").
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
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
import { findMigration, loadMigrations, type Migration } from '../migrator/journal.ts';
import { createDatabaseOnServer } from '../migrator/scratch.ts';
import { adminUrl } from './template-owners.ts';
import {
  embeddedTemplate,
  pgliteExtensions,
  pgliteFromTemplate,
  pgliteSession,
  serverTemplate,
  type TemplateRecipe,
} from './templates.ts';

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

export interface TestDatabaseOptions {
  /** Embedded: a folder a child process can open, not memory. */
  onDisk?: boolean;
  /**
   * Migrated up to this migration (tag or number; `'all'`: every one) instead of empty: a
   * copy of a database migrated so once per test run (./templates.ts), as db:migrate --to
   * leaves it. Without it an embedded folder on disk holds no database yet (the first command
   * creates it).
   */
  migratedTo?: string;
}

/**
 * A fresh database: empty, or migrated to `migratedTo`. Embedded ones live in memory unless
 * `onDisk` (needed when a child process opens it); an in-memory one starts from a dumped data
 * folder (./templates.ts: the same cluster initdb makes, without running initdb each time).
 * Server ones are created on the server and dropped with FORCE.
 */
export async function createTestDatabase(
  kind: DatabaseKind,
  options: TestDatabaseOptions = {},
): Promise<TestDatabase> {
  const recipe = options.migratedTo === undefined ? undefined : migratedRecipe(options.migratedTo);
  if (kind === 'server') {
    return createServerTestDatabase(recipe ? await serverTemplate(adminUrl, recipe) : undefined);
  }
  if (!options.onDisk) return inMemoryCopy(recipe ?? emptyRecipe);
  const folder = temporaryDataDir('fluxcore-test');
  const dataDir = folder.dataDir;
  if (options.migratedTo !== undefined) await copyMigratedInto(dataDir, options.migratedTo);
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
      folder.remove();
    },
  };
}

/**
 * Makes the new embedded folder `dataDir` a copy of the database migrated to `to` (a tag, a
 * number or `'all'`), as db:migrate would leave it: PGlite writes the run's template into it
 * (no initdb, no migration), then closes.
 */
export async function copyMigratedInto(dataDir: string, to: string): Promise<void> {
  const recipe = migratedRecipe(to);
  const client = new PGlite(dataDir, {
    ...pgliteExtensions(recipe),
    loadDataDir: await embeddedTemplate(recipe),
  });
  await client.waitReady;
  await client.close();
}

/**
 * An in-memory PGlite started from the recipe's template when first asked for; its session is
 * always that one. Released, it is gone: a later session is a new, empty database.
 */
function inMemoryCopy(recipe: TemplateRecipe): TestDatabase & { pglite(): Promise<PGlite> } {
  const config: DatabaseConfig = {
    kind: 'embedded',
    dataDir: 'memory://',
    applicationName: 'fluxcore-tests',
  };
  let next = recipe;
  let client: Promise<PGlite> | undefined;
  const pglite = () => {
    client ??= pgliteFromTemplate(next);
    return client;
  };
  const close = async () => {
    const closing = client;
    client = undefined;
    next = emptyRecipe;
    const open = await closing?.catch(() => undefined);
    if (open && !open.closed) await open.close();
  };
  return {
    kind: 'embedded',
    config,
    env: { FLUXCORE_DATA_DIR: config.dataDir, DATABASE_URL: '' },
    session: async () => ({ ...pgliteSession(await pglite()), close: async () => {} }),
    release: close,
    drop: close,
    pglite,
  };
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

/** An empty cluster, as initdb leaves it (PGlite's initdb is the slow part of a new one). */
const emptyRecipe: TemplateRecipe = {
  key: 'empty',
  content: 'an empty cluster',
  build: async () => {},
};

/**
 * The project's migrations (up to `to`: a tag, a number or `'all'`) as a template recipe
 * (./templates.ts): each test copies the result.
 */
function migratedRecipe(to: string): TemplateRecipe {
  const last = to === 'all' ? projectMigrations.at(-1) : findMigration(projectMigrations, to);
  const upTo = projectMigrations.slice(0, last ? projectMigrations.indexOf(last) + 1 : 0);
  const all = upTo.length === projectMigrations.length;
  return {
    key: all ? 'migrated' : `migrated_${last?.tag.split('_')[0]}`,
    content: upTo.map((migration) => `${migration.tag} ${migration.hash}`).join('\n'),
    from: emptyRecipe,
    build: async (session) => {
      await migrate(session, projectMigrations, all ? {} : { to: last?.tag });
    },
  };
}

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
    // The client and database.session() are the same in-memory database.
    const database = inMemoryCopy(migratedRecipe('all'));
    const client = pgliteClient(await database.pglite(), () => database.drop());
    return { database, client, close: () => client.close() };
  }
  const template = await serverTemplate(adminUrl, migratedRecipe('all'));
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
