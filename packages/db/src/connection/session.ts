/**
 * One dedicated connection for raw SQL, the migrator's and the audit's, with the errors of
 * reaching a database. It loads only the driver it needs (pg, or PGlite for the embedded
 * folder) and neither drizzle nor the schema, so a command that needs no more starts fast.
 */

import type { EmbeddedHandle } from '../embedded/open.ts';
import { FluxDbError, redactSecrets } from '../errors/flux-db-error.ts';
import type { DatabaseConfig } from './config.ts';
import { describeTarget } from './config.ts';

export type Row = Record<string, unknown>;

/**
 * One dedicated connection for raw SQL: the migrator holds its advisory lock on it, so every
 * statement of a run goes through the same server session.
 */
export interface SqlSession {
  readonly kind: DatabaseConfig['kind'];
  query<T extends Row = Row>(text: string, params?: unknown[]): Promise<T[]>;
  /**
   * Runs several statements (no parameters) as one script, in one round trip, and returns
   * the rows of each: the server reads them all while the client does other work. Where a
   * driver has none, the caller sends each through query().
   */
  queryBatch?(texts: string[]): Promise<Row[][]>;
  /** Runs a script that may hold several statements (no parameters). */
  exec(text: string): Promise<void>;
  close(): Promise<void>;
}

/** Translates a driver error about reaching the database into one line and a fix. */
export function connectionError(error: unknown, config: DatabaseConfig): Error {
  const err = error as { code?: string; message?: string };
  const target = describeTarget(config);
  if (config.kind === 'server') {
    const url = new URL(config.url);
    if (/does not support SSL/i.test(err.message ?? '')) {
      return new FluxDbError(
        'CONNECTION_REFUSED',
        `PostgreSQL at ${url.hostname}:${url.port || '5432'} does not accept SSL, and the sslmode of DATABASE_URL asks for it`,
        'Remove sslmode from DATABASE_URL (or set sslmode=disable), or turn SSL on in the server',
      );
    }
    const user = decodeURIComponent(url.username || 'postgres');
    const database = decodeURIComponent(url.pathname.slice(1) || user);
    switch (err.code) {
      case 'ECONNREFUSED':
      case 'ECONNRESET':
      case 'ETIMEDOUT':
        return new FluxDbError(
          'CONNECTION_REFUSED',
          `cannot reach PostgreSQL at ${url.hostname}:${url.port || '5432'} (${err.code})`,
          'Start the server or fix the host and port in DATABASE_URL',
        );
      case 'ENOTFOUND':
      case 'EAI_AGAIN':
        return new FluxDbError(
          'HOST_NOT_FOUND',
          `the host "${url.hostname}" in DATABASE_URL does not resolve`,
          'Fix the host name in DATABASE_URL',
        );
      case '28P01':
      case '28000':
        return new FluxDbError(
          'AUTH_FAILED',
          `PostgreSQL refused the credentials of user "${user}" on ${target}`,
          'Check the user name and password in DATABASE_URL',
        );
      case '3D000':
        return new FluxDbError(
          'DATABASE_MISSING',
          `database "${database}" does not exist on ${url.hostname}:${url.port || '5432'}`,
          `Create it (createdb ${database}) or fix the database name in DATABASE_URL`,
        );
    }
  }
  if (error instanceof FluxDbError) return error;
  return new Error(redactSecrets(err.message ?? String(error)));
}

/** A refused connection to the db:serve named in the folder's lock: one line that names it. */
export function servedError(error: unknown, dataDir: string, handle: ServedHandle): Error {
  if (error instanceof FluxDbError) return error;
  // db:serve answered, and refused (busy: another client holds its one session): its line.
  const refused = error as { code?: string; message?: string };
  if (refused.code === '55P03' && refused.message) {
    return new FluxDbError('CONNECTION_REFUSED', refused.message.split('\n')[0] as string);
  }
  const { pid, command, serve } = handle.holder;
  const reason = (error as { code?: string }).code ?? (error as Error).message;
  return new FluxDbError(
    'CONNECTION_REFUSED',
    `pid ${pid} (${command}) serves the embedded database at ${dataDir} on ${serve.host}:${serve.port}, but it does not answer (${reason})`,
    'Stop that process and run the command again',
  );
}

export type ServedHandle = Extract<EmbeddedHandle, { mode: 'served' }>;

/** One node-postgres connection as a SqlSession. */
export async function connectionSession(
  kind: DatabaseConfig['kind'],
  url: string,
  applicationName: string,
  onError: (error: unknown) => Error,
  servedDataDir?: string,
): Promise<SqlSession> {
  const { default: pg } = await import('pg');
  const Client = servedDataDir
    ? (await import('../embedded/served-client.ts')).servedClientClass(servedDataDir)
    : pg.Client;
  const client = new Client({ connectionString: url, application_name: applicationName });
  client.on('error', () => {});
  try {
    await client.connect();
  } catch (error) {
    await client.end().catch(() => {});
    throw onError(error);
  }
  // One connection runs one query at a time: callers may start several at once (the audit's
  // catalog reads do), so they queue here rather than inside pg, which deprecates that.
  let tail: Promise<unknown> = Promise.resolve();
  const serial = <T>(run: () => Promise<T>): Promise<T> => {
    const next = tail.then(run, run);
    tail = next.catch(() => {});
    return next;
  };
  return {
    kind,
    query: async <T extends Row>(text: string, params?: unknown[]) =>
      (await serial(() => client.query(text, params))).rows as T[],
    queryBatch: async (texts) => {
      // node-postgres returns one result for one statement, an array of them for several.
      const results = await serial(() => client.query(texts.join(';\n')));
      return (Array.isArray(results) ? results : [results]).map((result) => result.rows);
    },
    exec: async (text) => {
      await serial(() => client.query(text));
    },
    close: () => serial(() => client.end()),
  };
}

/** A server error of Bun's client, as node-postgres shapes it: the SQLSTATE on `code`. */
function serverError(error: unknown): unknown {
  const err = error as { errno?: unknown; message?: string };
  if (typeof err.errno !== 'string') return error;
  const { errno, ...fields } = error as Record<string, unknown>;
  return Object.assign(new Error(err.message), fields, { code: errno, cause: error });
}

/**
 * One connection through Bun's built-in PostgreSQL client, which costs no module loading
 * (node-postgres takes about 20 ms to load, more than a short command's queries). A failed
 * connection is tried again through node-postgres, whose errors connectionError knows, so
 * both say the same line. Queries only: no notices, no COPY.
 */
async function bunSqlSession(
  url: string,
  applicationName: string,
  onError: (error: unknown) => Error,
): Promise<SqlSession> {
  const { SQL } = await import('bun');
  let sql: InstanceType<typeof SQL> | undefined;
  try {
    // Inside the try: Bun's constructor throws on a URL node-postgres reads (a bad %-escape).
    sql = new SQL(url, {
      max: 1,
      prepare: false,
      connection: { application_name: applicationName },
    });
    await sql.connect();
  } catch {
    await sql?.close().catch(() => {});
    return connectionSession('server', url, applicationName, onError);
  }
  const open = sql;
  const run = async <T>(query: () => Promise<T>): Promise<T> => {
    try {
      return await query();
    } catch (error) {
      throw serverError(error);
    }
  };
  return {
    kind: 'server',
    query: <T extends Row>(text: string, params?: unknown[]) =>
      run(async () => [...(await open.unsafe<T[]>(text, params ?? []))]),
    queryBatch: (texts) =>
      run(async () => {
        // The simple protocol: one message, every statement; one result set each (only the
        // rows themselves when there is one statement).
        const results = await open.unsafe<Row[][]>(texts.join(';\n')).simple();
        return texts.length === 1
          ? [[...(results as unknown as Row[])]]
          : results.map((rows) => [...rows]);
      }),
    exec: (text) =>
      run(async () => {
        await open.unsafe(text).simple();
      }),
    close: () => open.close(),
  };
}

/**
 * A session for a short command that only reads (db:audit): on a server, Bun's own client
 * (see bunSqlSession); the embedded database as openSqlSession opens it.
 */
export function openReadSession(config: DatabaseConfig): Promise<SqlSession> {
  if (config.kind === 'embedded') return openSqlSession(config);
  return bunSqlSession(config.url, config.applicationName, (e) => connectionError(e, config));
}

/** A single dedicated connection for raw SQL (the migrator's). */
export async function openSqlSession(config: DatabaseConfig): Promise<SqlSession> {
  if (config.kind === 'embedded') {
    const { openEmbedded } = await import('../embedded/open.ts');
    const handle = await openEmbedded(config.dataDir, { waitMs: config.lockWaitMs });
    if (handle.mode === 'served') {
      return connectionSession(
        'embedded',
        handle.url,
        config.applicationName,
        (e) => servedError(e, config.dataDir, handle),
        config.dataDir,
      );
    }
    const client = handle.client;
    return {
      kind: 'embedded',
      query: async <T extends Row>(text: string, params?: unknown[]) =>
        (await client.query<T>(text, params)).rows,
      exec: async (text) => {
        await client.exec(text);
      },
      close: handle.close,
    };
  }
  return connectionSession('server', config.url, config.applicationName, (e) =>
    connectionError(e, config),
  );
}
