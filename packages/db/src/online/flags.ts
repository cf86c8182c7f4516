/** The flags db:migrate and db:converge share for an online run, and what --abort prints. */
import type { SqlSession } from '../connection/client.ts';
import type { Migration } from '../migrator/journal.ts';
import { abortOnline } from './abort.ts';
import type { OnlineSettings } from './settings.ts';

export interface OnlineFlags {
  online?: boolean;
  abort?: boolean;
  onlineLockTimeout?: number;
  batchSize?: number;
  batchPause?: number;
}

export function settingsOf(flags: OnlineFlags): Partial<OnlineSettings> {
  return {
    lockTimeoutMs: flags.onlineLockTimeout,
    batchSize: flags.batchSize,
    batchPauseMs: flags.batchPause,
  };
}

/** --abort: undoes the online run in progress and says what it did. */
export async function runAbort(
  session: SqlSession,
  migrations: Migration[],
  options: { flags: OnlineFlags; lockTimeoutMs: number; log: (line: string) => void },
): Promise<number> {
  const result = await abortOnline(session, migrations, {
    lockTimeoutMs: options.lockTimeoutMs,
    settings: settingsOf(options.flags),
    log: options.log,
  });
  options.log(
    result.run === undefined
      ? 'nothing to abort: no online run is in progress'
      : `online run #${result.run} aborted: ${result.undone.length} step(s) undone`,
  );
  return 0;
}
