/**
 * The advisory lock that keeps concurrent runners (two API replicas starting together) apart.
 * A session lock, taken with a try-and-wait loop on the runner's one dedicated connection and
 * outside any migration transaction: a transaction-scoped lock would make CREATE INDEX
 * CONCURRENTLY wait on itself.
 */
import type { SqlSession } from '../connection/client.ts';
import { FluxDbError } from '../errors/flux-db-error.ts';

/** One fixed key for every tool that changes the schema (migrate, baseline, rollback). */
export const migrationLockKey = 7_461_020_318_442_551n;

/** How long a command waits for the lock unless told otherwise (--lock-timeout). */
export const defaultLockTimeoutMs = 60_000;

export interface LockOptions {
  timeoutMs: number;
  pollMs?: number;
  onWait?: (holder: string) => void;
}

async function describeHolder(session: SqlSession): Promise<string> {
  const rows = await session
    .query<{ pid: number; application_name: string }>(
      `select a.pid, a.application_name from pg_locks l join pg_stat_activity a on a.pid = l.pid
       where l.locktype = 'advisory' and l.granted
         and ((l.classid::bigint << 32) | l.objid::bigint) = $1::bigint
       limit 1`,
      [migrationLockKey.toString()],
    )
    .catch(() => []);
  const holder = rows[0];
  // The embedded database has one session: a holder seen from it is a connection of db:serve.
  if (holder && session.kind === 'embedded') return 'another connection through db:serve';
  return holder
    ? `pid ${holder.pid}, ${holder.application_name || 'unnamed client'}`
    : 'another session';
}

export async function acquireMigrationLock(
  session: SqlSession,
  options: LockOptions,
): Promise<void> {
  const deadline = Date.now() + options.timeoutMs;
  let announced = false;
  for (;;) {
    // Advisory locks are re-entrant within a session. Through db:serve every connection shares
    // PGlite's one session, so a lock this session already holds belongs to another runner:
    // only take it when the session holds none (on a server, a runner's own session never does).
    const rows = await session.query<{ locked: boolean }>(
      `select case when exists (
           select 1 from pg_locks
            where locktype = 'advisory' and granted and pid = pg_backend_pid()
              and ((classid::bigint << 32) | objid::bigint) = $1::bigint and objsubid = 1)
         then false else pg_try_advisory_lock($1::bigint) end as locked`,
      [migrationLockKey.toString()],
    );
    if (rows[0]?.locked) return;
    if (!announced && options.onWait) {
      options.onWait(await describeHolder(session));
      announced = true;
    }
    if (Date.now() >= deadline) {
      const holder = await describeHolder(session);
      throw new FluxDbError(
        'LOCK_TIMEOUT',
        `another migration run (${holder}) still holds the migration lock after ${Math.round(options.timeoutMs / 1000)} s`,
        'Wait for it to finish and run the command again, or raise --lock-timeout',
      );
    }
    await new Promise((resolve) => setTimeout(resolve, options.pollMs ?? 200));
  }
}

export async function releaseMigrationLock(session: SqlSession): Promise<void> {
  await session.query('select pg_advisory_unlock($1::bigint)', [migrationLockKey.toString()]);
}

/**
 * Runs `use` holding the migration lock (waiting up to `timeoutMs`, 60 s unless said, and
 * logging once who holds it meanwhile), and releases it however `use` ends.
 */
export async function withMigrationLock<T>(
  session: SqlSession,
  options: { timeoutMs?: number; log?: (line: string) => void },
  use: () => Promise<T>,
): Promise<T> {
  const log = options.log;
  await acquireMigrationLock(session, {
    timeoutMs: options.timeoutMs ?? defaultLockTimeoutMs,
    onWait: log && ((holder) => log(`waiting for the migration lock (held by ${holder})`)),
  });
  try {
    return await use();
  } finally {
    await releaseMigrationLock(session).catch(() => {});
  }
}
