import type { ExtractTablesWithRelations } from 'drizzle-orm';
import { drizzle as drizzleNodePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import pg from 'pg';
import type { DatabaseConfig } from './config.ts';
import { openEmbedded } from './embedded/open.ts';
import { registerArrayQuery } from './prepared.ts';
import * as schema from './schema/index.ts';
import { connectionError, type Row, servedError } from './session.ts';

export type Schema = typeof schema;
/** A database handle of either kind. Operations take it (or a Transaction) as first argument. */
export type Database = PgDatabase<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
export type Transaction = PgTransaction<
  PgQueryResultHKT,
  Schema,
  ExtractTablesWithRelations<Schema>
>;

export interface DatabaseClient {
  readonly kind: DatabaseConfig['kind'];
  readonly db: Database;
  /** Raw SQL on the same database (for the pool: any one of its connections). */
  query<T extends Row = Row>(text: string, params?: unknown[]): Promise<T[]>;
  /** Runs a script that may hold several statements (no parameters). */
  exec(text: string): Promise<void>;
  close(): Promise<void>;
}

/** timestamptz and timestamp as the server's text, the way drizzle's node-postgres driver reads them. */
const textTimestamps = {
  getTypeParser: (id: number, format?: 'text' | 'binary') =>
    id === pg.types.builtins.TIMESTAMPTZ || id === pg.types.builtins.TIMESTAMP
      ? (value: string) => value
      : pg.types.getTypeParser(id, format),
} as pg.CustomTypesConfig;

/** "cached plan must not change result type": the statement's prepared plan is out of date. */
function preparedPlanIsStale(error: unknown): boolean {
  const { code, routine } = error as { code?: string; routine?: string };
  return code === '0A000' && routine === 'RevalidateCachedQuery';
}

/** A node-postgres pool as a DatabaseClient: a server, or the embedded database via db:serve. */
async function poolClient(
  kind: DatabaseConfig['kind'],
  url: string,
  applicationName: string,
  max: number,
  onError: (error: unknown) => Error,
): Promise<DatabaseClient> {
  const pool = new pg.Pool({ connectionString: url, application_name: applicationName, max });
  // An idle client that errors (server restart) must not crash the process.
  pool.on('error', () => {});
  try {
    const probe = await pool.connect();
    probe.release();
  } catch (error) {
    await pool.end().catch(() => {});
    throw onError(error);
  }
  const db = drizzleNodePg({ client: pool, schema });
  registerArrayQuery(
    db,
    async (name, text, values) => {
      const query = { name, text, values, rowMode: 'array' as const, types: textTimestamps };
      // A migration that changes what a hot read returns (a column retyped) leaves the
      // statement prepared on each connection that ran it before: PostgreSQL refuses that
      // cached plan (0A000) on every later execution there. Such a connection is closed, not
      // returned to the pool, and the read runs on another (a new one prepares it anew); at
      // most once per connection of the pool. The hot reads are single reads, outside any
      // transaction (a transaction's handle goes through drizzle).
      for (let attempt = 0; ; attempt++) {
        const client = await pool.connect();
        // As pool.query does: a connection lost mid-query is said by the query's rejection,
        // not as an unhandled 'error' event, and a client that failed is not reused.
        const lost = () => {};
        client.on('error', lost);
        let failure: Error | undefined;
        try {
          return (await client.query(query)).rows;
        } catch (error) {
          failure = error as Error;
          if (!preparedPlanIsStale(error) || attempt >= max) throw error;
        } finally {
          client.removeListener('error', lost);
          client.release(failure);
        }
      }
    },
    { binaryParams: kind === 'server' },
  );
  return {
    kind,
    db: db as unknown as Database,
    query: async <T extends Row>(text: string, params?: unknown[]) =>
      (await pool.query(text, params)).rows as T[],
    exec: async (text) => {
      await pool.query(text);
    },
    close: () => pool.end(),
  };
}

/**
 * A drizzle client: PGlite with pgvector when embedded (opened under the folder's lock, or
 * reached through db:serve when it holds the folder), a node-postgres pool on a server.
 */
export async function createDb(
  config: DatabaseConfig,
  options: { poolMax?: number } = {},
): Promise<DatabaseClient> {
  if (config.kind === 'embedded') {
    const handle = await openEmbedded(config.dataDir, { waitMs: config.lockWaitMs });
    if (handle.mode === 'served') {
      return poolClient('embedded', handle.url, config.applicationName, options.poolMax ?? 4, (e) =>
        servedError(e, config.dataDir, handle),
      );
    }
    const client = handle.client;
    const db = drizzlePglite({ client, schema });
    registerArrayQuery(
      db,
      async (_name, text, params) =>
        (await client.query<unknown[]>(text, params, { rowMode: 'array' })).rows,
    );
    return {
      kind: 'embedded',
      db: db as unknown as Database,
      query: async <T extends Row>(text: string, params?: unknown[]) =>
        (await client.query<T>(text, params)).rows,
      exec: async (text) => {
        await client.exec(text);
      },
      close: handle.close,
    };
  }
  return poolClient(
    'server',
    config.url,
    config.applicationName,
    options.poolMax ?? config.poolMax,
    (e) => connectionError(e, config),
  );
}

export {
  connectionError,
  openSqlSession,
  type Row,
  type SqlSession,
} from './session.ts';
