/**
 * Throwaway databases. `createDatabaseOnServer` makes a new, empty database on the server a URL
 * names (that database is only used to issue `create database` and `drop database`); the
 * tests' and the benchmarks' databases are made by it too (through @fluxcore/db/testing).
 * `withScratchDatabase` is the one baseline and converge replay migrations into: of the same
 * kind as the target, on a server a new database on the same server (so definitions render
 * exactly as the target's do), and for the embedded database an in-memory PGlite. It is
 * dropped when `use` returns, and on SIGTERM or SIGINT while it exists; one a killed run left
 * behind is dropped by the next run (`dropStaleScratchDatabases`).
 */
import { hostname } from 'node:os';
import pg from 'pg';
import { openSqlSession, type SqlSession } from '../connection/client.ts';
import type { DatabaseConfig } from '../connection/config.ts';
import { FluxDbError } from '../errors/flux-db-error.ts';
import type { Migration } from './journal.ts';
import { alive } from './process-alive.ts';
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

/**
 * A new database named `<prefix>_<pid>_<n>_<random>` beside the one `serverUrl` names: empty,
 * or a copy of the database `template` names.
 */
export async function createDatabaseOnServer(
  serverUrl: string,
  options: { prefix: string; applicationName: string; template?: string },
): Promise<ServerDatabase> {
  counter += 1;
  const random = Math.random().toString(36).slice(2, 8);
  const name = `${options.prefix}_${process.pid}_${counter}_${random}`;
  const template = options.template ? ` template ${options.template}` : '';
  await onServer(serverUrl, options.applicationName, `create database ${name}${template}`);
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
  const applicationName = `${config.applicationName}-scratch`;
  await dropStaleScratchDatabases(config.url, applicationName).catch(() => {});
  const scratch = await createDatabaseOnServer(config.url, {
    prefix: scratchPrefix,
    applicationName,
  }).catch((error: { message: string }) => {
    throw new FluxDbError(
      'USAGE',
      `could not create a scratch database to replay the migrations into (${error.message})`,
      'Run this with a role that has CREATEDB, or on a copy of the database',
    );
  });
  const dropOnSignal = dropWhenStopped(scratch);
  try {
    await onServer(
      config.url,
      applicationName,
      `comment on database ${scratch.name} is '${scratchOwner()}'`,
    );
    const session = await openSqlSession({ ...config, url: scratch.url });
    try {
      return await use(session);
    } finally {
      await session.close();
    }
  } finally {
    dropOnSignal.cancel();
    await scratch.drop().catch(() => {});
  }
}

const scratchPrefix = 'fluxcore_scratch';
/** The advisory lock a pass of dropStaleScratchDatabases holds (an arbitrary constant). */
export const scratchLockKey = 4_713_020_611;
const scratchLockWaitMs = 10_000;
/** Who made a scratch database, in its comment: this host and this process. */
const scratchOwner = () => `fluxcore scratch of host ${hostname()} pid ${process.pid}`;

/**
 * Where a clearing pass connects and takes its lock: the server's `postgres` database, the
 * same for every pass whatever database its run works on (an advisory lock is per database).
 * The pass reads only what every database shows (pg_database, pg_stat_activity).
 */
export function scratchLockUrl(serverUrl: string): string {
  const url = new URL(serverUrl);
  url.pathname = '/postgres';
  return url.toString();
}

/** The `postgres` database if this role may connect to it, else the run's own. */
async function connectForClearing(serverUrl: string, applicationName: string): Promise<pg.Client> {
  const connect = async (connectionString: string) => {
    const client = new pg.Client({ connectionString, application_name: applicationName });
    await client.connect().catch(async (error) => {
      await client.end().catch(() => {});
      throw error;
    });
    return client;
  };
  return connect(scratchLockUrl(serverUrl)).catch(() => connect(serverUrl));
}

/**
 * Drops the scratch databases earlier runs left behind (killed before their cleanup): those
 * made on this host (their comment says so, or they have none, as before comments were written)
 * by a process no longer alive here, with nobody connected to them. One still in use, or made
 * elsewhere, is never touched. Passes on one server take turns (an advisory lock in its
 * `postgres` database). Returns the names dropped.
 */
export async function dropStaleScratchDatabases(
  serverUrl: string,
  applicationName: string,
): Promise<string[]> {
  const client = await connectForClearing(serverUrl, applicationName);
  try {
    // One pass at a time on a server: runs starting together queue here (for at most
    // scratchLockWaitMs; one still waiting then leaves the clearing to the run ahead of it).
    // The lock is the session's, so it goes with the connection; an advisory lock belongs to
    // its database, hence one database for every pass (scratchLockUrl).
    await client.query(`set lock_timeout = ${scratchLockWaitMs}`);
    const locked = await client.query(`select pg_advisory_lock(${scratchLockKey})`).then(
      () => true,
      () => false,
    );
    if (!locked) return [];
    const { rows } = await client.query<{ name: string; comment: string | null }>(
      `select d.datname as name, shobj_description(d.oid, 'pg_database') as comment
         from pg_database d
        where d.datname ~ '^${scratchPrefix}_[0-9]+_[0-9]+_[a-z0-9]+$'
          and not exists (select 1 from pg_stat_activity a where a.datname = d.datname)`,
    );
    const dropped: string[] = [];
    for (const { name, comment } of rows) {
      const pid = Number(name.split('_')[2]);
      const owner = /^fluxcore scratch of host (\S+) pid (\d+)$/.exec(comment ?? '');
      if (comment !== null && !owner) continue;
      if (owner && (owner[1] !== hostname() || Number(owner[2]) !== pid)) continue;
      if (alive(pid)) continue;
      // Without FORCE: if anyone connected meanwhile, the drop fails and the database stays.
      await client.query(`drop database if exists ${name}`).then(
        () => dropped.push(name),
        () => {},
      );
    }
    return dropped;
  } finally {
    await client.end();
  }
}

/** While a scratch database exists, SIGTERM or SIGINT drops it before the process exits. */
function dropWhenStopped(scratch: ServerDatabase): { cancel(): void } {
  const handlers = (['SIGTERM', 'SIGINT'] as const).map((signal) => {
    const handler = () => {
      void scratch
        .drop()
        .catch(() => {})
        .finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
    };
    process.once(signal, handler);
    return { signal, handler };
  });
  return {
    cancel() {
      for (const { signal, handler } of handlers) process.removeListener(signal, handler);
    },
  };
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
