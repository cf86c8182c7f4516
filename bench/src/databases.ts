/**
 * The databases the benchmarks run on. Server ones are created on the server DATABASE_URL
 * names (default: the local server), as `fluxcore_bench_*`, and dropped afterwards: the
 * database in the URL is only used to issue `create database` and `drop database`, never
 * read or written. Embedded ones are PGlite folders under the system's temporary folder.
 */
import {
  createDb,
  type DatabaseClient,
  type DatabaseConfig,
  loadDatabaseConfig,
  openSqlSession,
  type SqlSession,
} from '@fluxcore/db';
import { migrate } from '@fluxcore/db/migrator';
import { createDatabaseOnServer, projectMigrations, temporaryDataDir } from '@fluxcore/db/testing';

export { projectMigrations };

export const defaultServerUrl = 'postgres://postgres@127.0.0.1:5432/postgres';

export type ServerConfig = Extract<DatabaseConfig, { kind: 'server' }>;

/** The server to run on: DATABASE_URL, validated by the package's own parser. */
export function serverConfig(env = process.env): ServerConfig {
  const config = loadDatabaseConfig(
    { ...env, DATABASE_URL: env.DATABASE_URL?.trim() || defaultServerUrl },
    { applicationName: 'fluxcore-bench' },
  );
  if (config.kind !== 'server') throw new Error('the benchmarks need a server DATABASE_URL');
  return config;
}

export interface BenchDatabase {
  name: string;
  config: ServerConfig;
  /** Environment for a child process (a CLI) working on this database. */
  env: Record<string, string>;
  drop(): Promise<void>;
}

const live = new Set<BenchDatabase>();

/** A new, empty database on the server; `label` names it in pg_stat_activity and logs. */
export async function createServerDatabase(
  server: ServerConfig,
  label: string,
): Promise<BenchDatabase> {
  const created = await createDatabaseOnServer(server.url, {
    prefix: `fluxcore_bench_${label}`,
    applicationName: 'fluxcore-bench',
  });
  const database: BenchDatabase = {
    name: created.name,
    config: { ...server, url: created.url },
    env: { DATABASE_URL: created.url },
    drop: async () => {
      live.delete(database);
      await created.drop();
    },
  };
  live.add(database);
  return database;
}

/** A new database migrated to the full schema by the package's runner. */
export async function createMigratedServerDatabase(
  server: ServerConfig,
  label: string,
): Promise<BenchDatabase> {
  const database = await createServerDatabase(server, label);
  const session = await openSqlSession(database.config);
  try {
    await migrate(session, projectMigrations);
  } finally {
    await session.close();
  }
  return database;
}

/** Drops every database this process created and has not dropped yet (after a failure). */
export async function dropLeftoverDatabases(): Promise<void> {
  for (const database of [...live]) await database.drop().catch(() => {});
}

export interface EmbeddedFolder {
  /** The PGlite data folder (not created yet: PGlite creates it). */
  dataDir: string;
  config: Extract<DatabaseConfig, { kind: 'embedded' }>;
  env: Record<string, string>;
  remove(): void;
}

/** A temporary folder for a new embedded database. */
export function createEmbeddedFolder(label: string): EmbeddedFolder {
  const { dataDir, remove } = temporaryDataDir(`fluxcore-bench-${label}`);
  return {
    dataDir,
    config: { kind: 'embedded', dataDir, applicationName: 'fluxcore-bench' },
    env: { DATABASE_URL: '', FLUXCORE_DATA_DIR: dataDir },
    remove,
  };
}

/** A new in-memory embedded database (PGlite with pgvector), empty. */
export function openMemoryDatabase(): Promise<DatabaseClient> {
  return createDb({ kind: 'embedded', dataDir: 'memory://', applicationName: 'fluxcore-bench' });
}

/**
 * Runs `use` on a new database of `kind`, migrated to the full schema, through a client of one
 * connection (so session settings hold for everything `use` does), and removes it afterwards.
 * A server database is also handed over, for tools that need its URL.
 */
export async function withMigratedDatabase<T>(
  server: ServerConfig,
  kind: DatabaseConfig['kind'],
  label: string,
  use: (client: DatabaseClient, database: BenchDatabase | undefined) => Promise<T>,
): Promise<T> {
  if (kind === 'embedded') {
    // In memory, PGlite is one instance: its own connection migrates, loads and reads.
    const client = await openMemoryDatabase();
    try {
      await migrate(client, projectMigrations);
      return await use(client, undefined);
    } finally {
      await client.close();
    }
  }
  const database = await createMigratedServerDatabase(server, label);
  try {
    const client = await createDb(database.config, { poolMax: 1 });
    try {
      return await use(client, database);
    } finally {
      await client.close();
    }
  } finally {
    await database.drop();
  }
}

/**
 * Runs `load` with the table's secondary indexes dropped and foreign-key triggers off (bulk
 * loading as a restore does), then rebuilds the indexes from their own definitions and
 * vacuums and analyses the table. Returns how long the index rebuild took.
 */
export async function bulkLoad(
  session: SqlSession,
  table: string,
  load: () => Promise<void>,
): Promise<{ indexBuildMs: Record<string, number> }> {
  const indexes = await session.query<{ name: string; definition: string }>(
    `select i.indexrelid::regclass::text as name, pg_get_indexdef(i.indexrelid) as definition
       from pg_index i
      where i.indrelid = $1::regclass
        and not exists (select 1 from pg_constraint c where c.conindid = i.indexrelid)`,
    [table],
  );
  for (const index of indexes) await session.exec(`drop index ${index.name}`);
  await session.exec(`set session_replication_role = replica`);
  try {
    await load();
  } finally {
    await session.exec(`set session_replication_role = default`);
  }
  const indexBuildMs: Record<string, number> = {};
  for (const index of indexes) {
    const start = performance.now();
    await session.exec(index.definition);
    indexBuildMs[index.name] = performance.now() - start;
  }
  // Vacuumed too, as a table at rest is: otherwise the first reads set every row's hint bits
  // and autovacuum sweeps the new rows while the benchmark measures, on both sides at random.
  await session.exec(`vacuum analyze ${table}`);
  return { indexBuildMs };
}
