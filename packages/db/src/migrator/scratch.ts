/**
 * Throwaway databases. `createDatabaseOnServer` makes a new, empty database on the server a URL
 * names (that database is only used to issue `create database` and `drop database`); the
 * tests' and the benchmarks' databases are made by it too (through @fluxcore/db/testing).
 * `withScratchDatabase` is the one baseline and converge replay migrations into: of the same
 * kind as the target, on a server a new database on the same server (so definitions render
 * exactly as the target's do), and for the embedded database an in-memory PGlite. It is
 * dropped when `use` returns.
 */
import pg from 'pg';
import { openSqlSession, type SqlSession } from '../client.ts';
import type { DatabaseConfig } from '../config.ts';
import { FluxDbError } from '../errors.ts';
import type { Migration } from './journal.ts';
import { withTransaction } from './transaction.ts';

export interface ServerDatabase {
  name: string;
  /** The server's URL with this database in its path. */
  url: string;
  /** Drops it (with FORCE: open connections are ended). */
  drop(): Promise<void>;
}

let counter = 0;

async function onServer(serverUrl: string, applicationName: string, statement: string) {
  const client = new pg.Client({ connectionString: serverUrl, application_name: applicationName });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/** A new, empty database named `<prefix>_<pid>_<n>_<random>` beside the one `serverUrl` names. */
export async function createDatabaseOnServer(
  serverUrl: string,
  options: { prefix: string; applicationName: string },
): Promise<ServerDatabase> {
  counter += 1;
  const random = Math.random().toString(36).slice(2, 8);
  const name = `${options.prefix}_${process.pid}_${counter}_${random}`;
  await onServer(serverUrl, options.applicationName, `create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    drop: () =>
      onServer(serverUrl, options.applicationName, `drop database if exists ${name} with (force)`),
  };
}

export async function withScratchDatabase<T>(
  config: DatabaseConfig,
  use: (session: SqlSession) => Promise<T>,
): Promise<T> {
  if (config.kind === 'embedded') {
    const session = await openSqlSession({ ...config, dataDir: 'memory://' });
    try {
      return await use(session);
    } finally {
      await session.close();
    }
  }
  const scratch = await createDatabaseOnServer(config.url, {
    prefix: 'fluxcore_scratch',
    applicationName: `${config.applicationName}-scratch`,
  }).catch((error: { message: string }) => {
    throw new FluxDbError(
      'USAGE',
      `could not create a scratch database to replay the migrations into (${error.message})`,
      'Run this with a role that has CREATEDB, or on a copy of the database',
    );
  });
  try {
    const session = await openSqlSession({ ...config, url: scratch.url });
    try {
      return await use(session);
    } finally {
      await session.close();
    }
  } finally {
    await scratch.drop().catch(() => {});
  }
}

/** Runs a migration's statements in one transaction (unless it says otherwise), recording nothing. */
export async function replayMigration(session: SqlSession, migration: Migration): Promise<void> {
  const replay = async () => {
    for (const statement of migration.statements) await session.exec(statement);
  };
  try {
    await (migration.transactional ? withTransaction(session, replay) : replay());
  } catch (error) {
    throw new FluxDbError(
      'MIGRATION_FAILED',
      `replaying ${migration.tag} into a scratch database failed: ${(error as Error).message}`,
      'The migration itself is broken: fix it before adopting a database',
    );
  }
}
