/**
 * The one way this package opens a transaction on a raw session: `begin`, the work, then
 * `commit`, or `rollback` when the work throws (or when the caller keeps nothing, as a
 * rehearsal does). Optional local settings (lock and statement timeouts, time zone) hold for
 * this transaction only.
 */
import type { SqlSession } from '../connection/session.ts';

export interface TransactionOptions<T> {
  /** `set local lock_timeout` (ms). */
  lockTimeoutMs?: number;
  /** `set local statement_timeout` (ms). */
  statementTimeoutMs?: number;
  /** `set local timezone`. */
  timezone?: string;
  /** Whether to commit what `work` returned; rolled back when false. Commits unless said. */
  keep?: (result: T) => boolean;
}

export async function withTransaction<T>(
  session: SqlSession,
  work: () => Promise<T>,
  options: TransactionOptions<T> = {},
): Promise<T> {
  await session.exec('begin');
  let result: T;
  try {
    if (options.lockTimeoutMs !== undefined) {
      await session.exec(`set local lock_timeout = ${Math.round(options.lockTimeoutMs)}`);
    }
    if (options.statementTimeoutMs !== undefined) {
      await session.exec(`set local statement_timeout = ${Math.round(options.statementTimeoutMs)}`);
    }
    if (options.timezone !== undefined) {
      await session.exec(`set local timezone = '${options.timezone.replaceAll("'", "''")}'`);
    }
    result = await work();
  } catch (error) {
    await session.exec('rollback').catch(() => {});
    throw error;
  }
  if (options.keep && !options.keep(result)) await session.exec('rollback').catch(() => {});
  else await session.exec('commit');
  return result;
}
