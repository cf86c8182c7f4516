/**
 * The settings of an online run (`--online`): how long one statement may wait for its locks,
 * how it retries, and how a backfill paces itself. pgroll's defaults: 500 ms, 1,000 rows.
 */
export interface OnlineSettings {
  /** `lock_timeout` of every step (ms): a step that cannot get its locks gives up and retries. */
  lockTimeoutMs: number;
  /** How many times a step retries after a lock timeout before the run stops (resumable). */
  lockRetries: number;
  /** The first pause after a lock timeout (ms); it doubles, with jitter, up to `retryMaxMs`. */
  retryBaseMs: number;
  retryMaxMs: number;
  /** Rows per backfill batch, each batch one short transaction. */
  batchSize: number;
  /** Pause between two backfill batches (ms), to leave the server to the app. */
  batchPauseMs: number;
}

export const defaultOnlineSettings: OnlineSettings = {
  lockTimeoutMs: 500,
  lockRetries: 60,
  retryBaseMs: 100,
  retryMaxMs: 5_000,
  batchSize: 1_000,
  batchPauseMs: 0,
};

export function onlineSettings(overrides: Partial<OnlineSettings> = {}): OnlineSettings {
  const defined = Object.entries(overrides).filter(([, value]) => value !== undefined);
  return { ...defaultOnlineSettings, ...Object.fromEntries(defined) };
}
