import type { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzleNodePg } from 'drizzle-orm/node-postgres';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import pg from 'pg';
import { openEmbedded } from '../embedded/open.ts';
import { servedClientClass } from '../embedded/served-client.ts';
import * as schema from '../schema/index.ts';
import type { DatabaseConfig } from './config.ts';
import { registerArrayQuery } from './prepared.ts';
import { withRowLists } from './row-list.ts';
import { connectionError, type Row, servedError } from './session.ts';
import { preparedPlanIsStale } from './stale-plan.ts';
import type { Database, DatabaseClient } from './types.ts';

export type { Database, DatabaseClient, Schema, Transaction } from './types.ts';

/** timestamptz and timestamp as the server's text, the way drizzle's node-postgres driver reads them. */
const textTimestamps = {
  getTypeParser: (id: number, format?: 'text' | 'binary') =>
    id === pg.types.builtins.TIMESTAMPTZ || id === pg.types.builtins.TIMESTAMP
      ? (value: string) => value
      : pg.types.getTypeParser(id, format),
} as pg.CustomTypesConfig;

interface NamedQuery {
  name: string;
}

/**
 * A pg.Client class whose named statements survive a change of what they return. A migration
 * that retypes a column a named statement selects (or adds, or drops one under `*`) leaves the
 * statement prepared on every connection that ran it, and PostgreSQL refuses that plan
 * (0A000, "cached plan must not change result type") on each later execution there, for the
 * connection's life: node-postgres never parses a name twice. The first such refusal marks
 * the name stale for the whole pool (a generation per name): each connection deallocates its
 * copy before its next use of the name and prepares it again, so one request of the pool
 * sees the refusal, not one per connection and every one after (withTenant and withRole
 * run that one again: retryStalePlan).
 */
function planAwareClientClass(Base: typeof pg.Client): typeof pg.Client {
  const generations = new Map<string, number>();
  return class PlanAwareClient extends Base {
    /** The generation of each name this connection prepared. */
    private readonly prepared = new Map<string, number>();

    // biome-ignore lint/suspicious/noExplicitAny: pg.Client.query's overloads, passed through
    override query(...args: any[]): any {
      const config = args[0] as Partial<NamedQuery> & { submit?: unknown };
      // query(config) or query(config, values), as a promise (drizzle's form); else as it is.
      if (
        args.length > 2 ||
        (args.length === 2 && !Array.isArray(args[1])) ||
        typeof config !== 'object' ||
        config === null ||
        typeof config.submit === 'function' ||
        typeof config.name !== 'string' ||
        config.name === ''
      ) {
        return super.query(...(args as [string]));
      }
      return this.namedQuery(config as NamedQuery, args[1] as unknown[] | undefined);
    }

    /** node-postgres's record of the names this connection parsed. */
    private parsed(): object {
      return (this as unknown as { connection: { parsedStatements: object } }).connection
        .parsedStatements;
    }

    private async namedQuery(config: NamedQuery, values?: unknown[]): Promise<pg.QueryResult> {
      const { name } = config;
      const current = generations.get(name) ?? 0;
      const mine = this.prepared.get(name);
      if (mine !== undefined && mine < current) {
        // Not transactional, so it may run inside the caller's transaction.
        await super.query(`deallocate "${name.replaceAll('"', '""')}"`).catch((error) => {
          // 26000: not there to deallocate (db:serve names a client's statements its own way).
          if ((error as { code?: string }).code !== '26000') throw error;
        });
        delete (this.parsed() as Record<string, string>)[name];
        this.prepared.delete(name);
      }
      try {
        return await super.query(config as pg.QueryConfig, values);
      } catch (error) {
        if (preparedPlanIsStale(error)) {
          generations.set(name, Math.max(generations.get(name) ?? 0, current + 1));
        }
        throw error;
      } finally {
        // Parsed here (whether its execution then succeeded or not): this generation's.
        const parsed = (this.parsed() as Record<string, string>)[name];
        if (parsed !== undefined && !this.prepared.has(name)) this.prepared.set(name, current);
      }
    }
  };
}

/** A node-postgres pool as a DatabaseClient: a server, or the embedded database via db:serve. */
async function poolClient(
  kind: DatabaseConfig['kind'],
  url: string,
  applicationName: string,
  max: number,
  onError: (error: unknown) => Error,
  Client?: typeof pg.Client,
): Promise<DatabaseClient> {
  const pool = new pg.Pool({
    connectionString: url,
    application_name: applicationName,
    max,
    Client: planAwareClientClass(Client ?? pg.Client),
  });
  // An idle client that errors (server restart) must not crash the process.
  pool.on('error', () => {});
  const lost = lostConnections(pool);
  try {
    const probe = await pool.connect();
    probe.release();
  } catch (error) {
    await pool.end().catch(() => {});
    throw onError(error);
  }
  const db = withRowLists(drizzleNodePg({ client: pool, schema }));
  registerArrayQuery(
    db,
    async (name, text, values) => {
      const query = { name, text, values, rowMode: 'array' as const, types: textTimestamps };
      // A migration that changes what a hot read returns (a column retyped) makes PostgreSQL
      // refuse the statement's cached plan (0A000) where it was prepared before: the pool's
      // clients then prepare it anew (planAwareClientClass), and the read runs again, once,
      // on another connection (this one is closed, not returned to the pool). The hot reads
      // are single reads, outside any transaction (a transaction's handle goes through
      // drizzle; withTenant and withRole run such a transaction again).
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
          if (!preparedPlanIsStale(error) || attempt >= 2) throw error;
        } finally {
          client.removeListener('error', lost);
          client.release(failure);
        }
      }
    },
    {
      binaryParams: kind === 'server',
      // No values and no name: node-postgres sends a simple query, which may hold several
      // statements; it answers with a result per statement.
      simple: async (text) => {
        const results = (await pool.query({ text, rowMode: 'array', types: textTimestamps })) as
          | pg.QueryResult<unknown[]>
          | pg.QueryResult<unknown[]>[];
        return (Array.isArray(results) ? results.at(-1)?.rows : results.rows) ?? [];
      },
    },
  );
  return {
    kind,
    db: db as unknown as Database,
    query: async <T extends Row>(text: string, params?: unknown[]) =>
      (await pool.query(text, params)).rows as T[],
    exec: async (text) => {
      await pool.query(text);
    },
    close: () => {
      lost.releaseAll();
      return pool.end();
    },
  };
}

/**
 * Connections the pool lent out and then lost. node-postgres emits a lost connection as an
 * 'error' event on its client; one with no listener prints pg's stack trace (a transaction's
 * client, between two of its queries), so every client gets a listener: the failure reaches
 * its caller as its query's rejection, which says it in one line. drizzle's transaction never
 * gives back a client whose `begin` failed, and `pool.end()` waits for every lent client: at
 * close, the lost ones still lent are given back (as broken, so the pool drops them).
 */
function lostConnections(pool: pg.Pool) {
  const lent = new Set<pg.PoolClient>();
  const broken = new WeakSet<pg.PoolClient>();
  pool.on('connect', (client) => client.on('error', () => broken.add(client as pg.PoolClient)));
  pool.on('acquire', (client) => lent.add(client));
  pool.on('release', (_error, client) => lent.delete(client));
  return {
    releaseAll() {
      for (const client of lent) {
        if (broken.has(client)) client.release(new Error('the connection was lost'));
      }
    },
  };
}

/** A PGlite instance as a DatabaseClient; `close` is what closing the client does. */
export function pgliteClient(client: PGlite, close: () => Promise<void>): DatabaseClient {
  const db = withRowLists(drizzlePglite({ client, schema }));
  registerArrayQuery(
    db,
    async (_name, text, params) =>
      (await client.query<unknown[]>(text, params, { rowMode: 'array' })).rows,
    {
      simple: async (text) =>
        ((await client.exec(text, { rowMode: 'array' })).at(-1)?.rows ?? []) as unknown[][],
    },
  );
  return {
    kind: 'embedded',
    db: db as unknown as Database,
    query: async <T extends Row>(text: string, params?: unknown[]) =>
      (await client.query<T>(text, params)).rows,
    exec: async (text) => {
      await client.exec(text);
    },
    close,
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
      return poolClient(
        'embedded',
        handle.url,
        config.applicationName,
        options.poolMax ?? 4,
        (e) => servedError(e, config.dataDir, handle),
        servedClientClass(config.dataDir),
      );
    }
    return pgliteClient(handle.client, handle.close);
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
