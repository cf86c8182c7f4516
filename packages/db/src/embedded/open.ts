/**
 * Opening the embedded database: the folder's lock first, then the folder's checks, then
 * PGlite. A folder served by `db:serve` is reached through it instead (see ./lock.ts).
 */
import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { vector } from '@electric-sql/pglite-pgvector';
import { FluxDbError } from '../errors.ts';
import { acquireEmbeddedLock, type HeldLock, type LockHolder } from './lock.ts';

/** How long a second opener waits for the folder's holder by default (FLUXCORE_LOCK_WAIT). */
export const defaultLockWaitMs = 10_000;

export type EmbeddedHandle =
  | {
      mode: 'direct';
      client: PGlite;
      /** Closes PGlite, then releases the folder's lock. */
      close(): Promise<void>;
      lock: HeldLock | undefined;
    }
  | { mode: 'served'; url: string; holder: LockHolder & { serve: { host: string; port: number } } };

export function isInMemory(dataDir: string): boolean {
  return dataDir.startsWith('memory://');
}

function shown(path: string): string {
  const near = relative(process.cwd(), path);
  return near && !near.startsWith('..') ? `${near}/` : `${path}/`;
}

/** Refuses a path that is a file: nothing is written anywhere. */
function checkNotAFile(dataDir: string): void {
  if (existsSync(dataDir) && !statSync(dataDir).isDirectory()) {
    throw new FluxDbError(
      'DATA_DIR_INVALID',
      `the embedded database path ${dataDir} is a file, not a folder`,
      'Move the file away, or point FLUXCORE_DATA_DIR at a folder',
    );
  }
}

/** True when the folder must be created; refuses a non-empty folder that is not a database. */
function needsCreating(dataDir: string): boolean {
  if (!existsSync(dataDir)) return true;
  const entries = readdirSync(dataDir);
  if (entries.length === 0) return true;
  if (!existsSync(join(dataDir, 'PG_VERSION'))) {
    throw new FluxDbError(
      'DATA_DIR_INVALID',
      `the folder ${dataDir} is not empty (${entries.length} entries) and holds no PGlite database (no PG_VERSION)`,
      'Point FLUXCORE_DATA_DIR at an empty or new folder, or move these files away',
    );
  }
  return false;
}

async function startPglite(dataDir: string): Promise<PGlite> {
  const client = new PGlite(dataDir, { extensions: { vector } });
  await client.waitReady;
  return client;
}

/**
 * Opens the embedded database at `dataDir` as its one owner, or finds the db:serve that owns
 * it. In-memory databases live inside this process and take no lock.
 */
export async function openEmbedded(
  dataDir: string,
  options: { waitMs?: number; forServe?: boolean } = {},
): Promise<EmbeddedHandle> {
  if (isInMemory(dataDir)) {
    const client = await startPglite(dataDir);
    return { mode: 'direct', client, lock: undefined, close: () => client.close() };
  }
  checkNotAFile(dataDir);
  mkdirSync(dirname(dataDir), { recursive: true });
  const outcome = await acquireEmbeddedLock(dataDir, {
    waitMs: options.waitMs ?? defaultLockWaitMs,
    forServe: options.forServe,
    onWait: (line) => process.stderr.write(`${line}\n`),
  });
  if ('served' in outcome) {
    const { host, port } = outcome.served.serve;
    return {
      mode: 'served',
      url: `postgres://postgres@${host}:${port}/postgres`,
      holder: outcome.served,
    };
  }
  const lock = outcome.held;
  try {
    // Checked under the lock: a folder another process is still creating is never judged.
    checkNotAFile(dataDir);
    if (needsCreating(dataDir)) {
      process.stderr.write(
        `creating the embedded database in ${shown(dataDir)} (first run, a few seconds)\n`,
      );
    }
    const client = await startPglite(dataDir).catch((error: unknown) => {
      throw new FluxDbError(
        'DATA_DIR_INVALID',
        `the embedded database at ${dataDir} cannot be opened (${(error as Error)?.message ?? String(error)})`,
        'It may be damaged: restore it from a copy, or move it away and let a command create a new one',
      );
    });
    let closed = false;
    return {
      mode: 'direct',
      client,
      lock,
      close: async () => {
        if (closed) return;
        closed = true;
        try {
          await client.close();
        } finally {
          lock.release();
        }
      },
    };
  } catch (error) {
    lock.release();
    throw error;
  }
}
