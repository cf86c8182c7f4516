/**
 * The per-store index loop: every `everyMs`, maintainStoreIndexes gives each vector store at or
 * over the threshold its own HNSW index and drops those of stores that shrank below the lower
 * one (CONCURRENTLY on a server: chunk writes go on meanwhile). A failure (the database away, a
 * build another worker started at the same moment) is one line, and the next round retries: an
 * index whose concurrent build failed is invalid, which the next round drops and builds again.
 */
import {
  type DatabaseClient,
  describeError,
  maintainStoreIndexes,
  type StoreIndexThresholds,
} from '@fluxcore/db';
import { pause } from './worker.ts';

export interface StoreIndexLoopOptions {
  db: DatabaseClient;
  everyMs: number;
  thresholds: StoreIndexThresholds;
  /** Aborting it stops the loop after the current round. */
  signal: AbortSignal;
  log?: (line: string) => void;
}

/** Runs rounds until the signal aborts; returns how many indexes it created or dropped. */
export async function runStoreIndexLoop(options: StoreIndexLoopOptions): Promise<number> {
  const log = options.log ?? (() => {});
  let changed = 0;
  let lastFailure: string | undefined;
  while (!options.signal.aborted) {
    try {
      const changes = await maintainStoreIndexes(options.db, {
        thresholds: options.thresholds,
        log: (line) => log(`store indexes: ${line}`),
      });
      changed += changes.length;
      lastFailure = undefined;
    } catch (error) {
      const line = `store indexes: ${describeError(error)}`;
      if (line !== lastFailure) log(line);
      lastFailure = line;
    }
    await pause(options.everyMs, options.signal);
  }
  return changed;
}
