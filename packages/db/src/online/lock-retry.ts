/**
 * Every online step takes its locks under a short `lock_timeout`. A step that cannot get them
 * in time gives up, which frees the queue behind it (a waiting ACCESS EXCLUSIVE request blocks
 * every reader that comes after it), pauses with exponential backoff and jitter, and retries.
 */
import type { SqlSession } from '../connection/client.ts';
import { FluxDbError } from '../errors/flux-db-error.ts';
import type { OnlineSettings } from './settings.ts';

/** PostgreSQL's lock_not_available: lock_timeout expired. */
export function isLockTimeout(error: unknown): boolean {
  const { code, message } = error as { code?: string; message?: string };
  return code === '55P03' || /canceling statement due to lock timeout/.test(message ?? '');
}

export function backoffMs(attempt: number, settings: OnlineSettings): number {
  const ceiling = Math.min(settings.retryMaxMs, settings.retryBaseMs * 2 ** attempt);
  return ceiling / 2 + Math.random() * (ceiling / 2);
}

/** Runs `work` until it gets its locks, or gives up with a clear line after the retries. */
export async function withLockRetry<T>(
  settings: OnlineSettings,
  what: string,
  work: () => Promise<T>,
  log: (line: string) => void = () => {},
): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if (!isLockTimeout(error)) throw error;
      if (attempt >= settings.lockRetries) {
        throw new FluxDbError(
          'ONLINE_FAILED',
          `${what}: could not get its locks within ${settings.lockTimeoutMs} ms in ${attempt + 1} tries (a long transaction holds the table)`,
          'Find the long transaction (select pid, xact_start, query from pg_stat_activity order by xact_start) and end it, or raise --online-lock-timeout; then run the same command again: it resumes where it stopped',
        );
      }
      const pause = backoffMs(attempt, settings);
      if (attempt === 0 || attempt % 10 === 9)
        log(`  ${what}: lock not available in ${settings.lockTimeoutMs} ms, retrying`);
      await Bun.sleep(pause);
    }
  }
}

/** One short transaction under the online lock_timeout, retried on lock timeouts. */
export async function lockedTransaction<T>(
  session: SqlSession,
  settings: OnlineSettings,
  what: string,
  work: () => Promise<T>,
  log?: (line: string) => void,
): Promise<T> {
  return withLockRetry(
    settings,
    what,
    async () => {
      await session.exec('begin');
      try {
        await session.exec(`set local lock_timeout = ${Math.round(settings.lockTimeoutMs)}`);
        const result = await work();
        await session.exec('commit');
        return result;
      } catch (error) {
        await session.exec('rollback').catch(() => {});
        throw error;
      }
    },
    log,
  );
}
