/**
 * Opening the embedded database: the folder's lock first, then the folder's checks, then
 * PGlite. A folder served by `db:serve` is reached through it instead (see ./lock.ts).
 */
import { existsSync, mkdirSync, readdirSync, rmSync, statfsSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { vector } from '@electric-sql/pglite-pgvector';
import { FluxDbError } from '../errors/flux-db-error.ts';
import {
  creatingMarkPath,
  ensureFolderId,
  markCreated,
  markCreating,
  tryEnsureFolderId,
  wasBeingCreated,
} from './folder-marks.ts';
import { startNewCluster } from './initial-cluster.ts';
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

/**
 * True when the folder must be created; refuses a non-empty folder that is not a database. A
 * folder this package was creating when its process stopped (it still holds the creating
 * mark) is emptied first: nothing in it was ever a database.
 */
function needsCreating(dataDir: string): boolean {
  if (!existsSync(dataDir)) return true;
  if (wasBeingCreated(dataDir)) {
    process.stderr.write(
      `the embedded database in ${shown(dataDir)} was being created when its process stopped: creating it again\n`,
    );
    for (const entry of readdirSync(dataDir)) {
      rmSync(join(dataDir, entry), { recursive: true, force: true });
    }
    return true;
  }
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

/** Removes what a failed start wrote into a folder being created; the creating mark stays. */
function emptyBeingCreated(dataDir: string): void {
  for (const entry of readdirSync(dataDir)) {
    if (join(dataDir, entry) !== creatingMarkPath(dataDir))
      rmSync(join(dataDir, entry), { recursive: true, force: true });
  }
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
    const client = await startNewCluster(dataDir, () => {});
    return { mode: 'direct', client, lock: undefined, close: () => client.close() };
  }
  try {
    return await openFolder(dataDir, options);
  } catch (error) {
    throw error instanceof FluxDbError ? error : fileSystemFailure(dataDir, error);
  }
}

async function openFolder(
  dataDir: string,
  options: { waitMs?: number; forServe?: boolean },
): Promise<EmbeddedHandle> {
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
    const creating = needsCreating(dataDir);
    if (creating) {
      process.stderr.write(
        `creating the embedded database in ${shown(dataDir)} (first run, a few seconds)\n`,
      );
      mkdirSync(dataDir, { recursive: true });
      markCreating(dataDir);
    }
    const start = creating
      ? startNewCluster(dataDir, () => emptyBeingCreated(dataDir))
      : startPglite(dataDir);
    const client = await start.catch((error: unknown) => {
      throw openFailure(dataDir, error);
    });
    try {
      if (creating) {
        ensureFolderId(dataDir);
        markCreated(dataDir);
      } else {
        // A folder made before ids (or copied here) gets one; a folder this user cannot
        // write to is still opened (db:serve, which needs the id, says why it has none).
        tryEnsureFolderId(dataDir);
      }
    } catch (error) {
      await client.close().catch(() => {});
      throw openFailure(dataDir, error);
    }
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

/** Below this much free space, a folder that fails to open is said to be on a full disk. */
const fullDiskBytes = 64 * 1024 * 1024;

function freeBytes(dataDir: string): number | undefined {
  try {
    const stats = statfsSync(existsSync(dataDir) ? dataDir : dirname(dataDir));
    return stats.bavail * stats.bsize;
  } catch {
    return undefined;
  }
}

function isDiskFull(error: unknown): boolean {
  const reason = (error as Error)?.message ?? String(error);
  return (error as { code?: string })?.code === 'ENOSPC' || /ENOSPC|no space left/i.test(reason);
}

function diskFull(dataDir: string): FluxDbError {
  const free = freeBytes(dataDir);
  const left = free === undefined ? '' : ` (${(free / 1024 / 1024).toFixed(1)} MB free)`;
  return new FluxDbError(
    'DATA_DIR_INVALID',
    `the disk holding the embedded database at ${dataDir} is full${left}; its data is untouched`,
    'Free some disk space and run the command again (do not move or delete the folder)',
  );
}

/**
 * A file-system error while locking, creating or marking the folder (a full disk, a path the
 * system makes up such as /proc/self, no permission): one line with its cause.
 */
function fileSystemFailure(dataDir: string, error: unknown): Error {
  if (isDiskFull(error)) return diskFull(dataDir);
  const { code, syscall, path } = error as { code?: string; syscall?: string; path?: string };
  if (typeof code !== 'string' || !/^E[A-Z]+$/.test(code)) return error as Error;
  const where = path ? ` ${syscall ?? 'using'} ${path}` : '';
  return new FluxDbError(
    'DATA_DIR_INVALID',
    `the embedded database cannot be kept at ${dataDir} (${code}${where ? `:${where}` : ''})`,
    'Point FLUXCORE_DATA_DIR at a folder of your own that this user can write to, with its parent folder writable too (the lock file goes beside it)',
  );
}

/** Why PGlite could not open the folder: a full disk said as one, anything else as damage. */
function openFailure(dataDir: string, error: unknown): FluxDbError {
  const reason = (error as Error)?.message ?? String(error);
  const free = freeBytes(dataDir);
  if (isDiskFull(error) || (free !== undefined && free < fullDiskBytes)) return diskFull(dataDir);
  return new FluxDbError(
    'DATA_DIR_INVALID',
    `the embedded database at ${dataDir} cannot be opened (${reason})`,
    'It may be damaged: restore it from a copy, or move it away and let a command create a new one',
  );
}
