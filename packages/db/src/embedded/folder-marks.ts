/**
 * What the package writes into an embedded folder besides PGlite's own files:
 * - `fluxcore-creating`, written before PGlite's first byte and removed once the database is
 *   ready: a folder that still holds it was being created by a process that stopped, and is
 *   created again (a folder without it that holds no database is never touched);
 * - `fluxcore-folder.json`, the folder's identity: a random id, written once, and the path it
 *   was written at. db:serve reports it to every client, and a client of db:serve checks it
 *   against its own folder's, so a db:serve of another folder on the same port is refused.
 *   A folder copied to another path gets an id of its own the first time it is opened there.
 */
import { randomUUID } from 'node:crypto';
import {
  closeSync,
  existsSync,
  fsyncSync,
  openSync,
  readFileSync,
  realpathSync,
  renameSync,
  rmSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';

const creatingName = 'fluxcore-creating';
const identityName = 'fluxcore-folder.json';

/** Writes `text` to `path` through a temporary file, synced, so a reader never sees half. */
function writeDurably(path: string, text: string): void {
  const temporary = `${path}.tmp`;
  const fd = openSync(temporary, 'w', 0o644);
  try {
    writeSync(fd, text);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(temporary, path);
}

export function creatingMarkPath(dataDir: string): string {
  return join(dataDir, creatingName);
}

/** Says, before PGlite writes anything, that this package is creating the folder. */
export function markCreating(dataDir: string): void {
  writeDurably(creatingMarkPath(dataDir), `${JSON.stringify({ pid: process.pid })}\n`);
}

export function wasBeingCreated(dataDir: string): boolean {
  return existsSync(creatingMarkPath(dataDir));
}

export function markCreated(dataDir: string): void {
  rmSync(creatingMarkPath(dataDir), { force: true });
}

/** The folder's id as written in it, or undefined when it has none (yet). */
export function readFolderId(dataDir: string): string | undefined {
  try {
    const { id } = JSON.parse(readFileSync(join(dataDir, identityName), 'utf8')) as {
      id?: unknown;
    };
    return typeof id === 'string' && id ? id : undefined;
  } catch {
    return undefined;
  }
}

/** The folder's id, written now if it has none or was copied from another path (owner only). */
export function ensureFolderId(dataDir: string): string {
  const path = join(dataDir, identityName);
  const here = realpathSync(dataDir);
  try {
    const known = JSON.parse(readFileSync(path, 'utf8')) as { id?: unknown; path?: unknown };
    if (typeof known.id === 'string' && known.id && known.path === here) return known.id;
  } catch {
    // none yet, or unreadable: written anew below
  }
  const id = randomUUID();
  writeDurably(path, `${JSON.stringify({ id, path: here })}\n`);
  return id;
}

/** ensureFolderId, or nothing when the folder cannot be written (a read-only mount). */
export function tryEnsureFolderId(dataDir: string): string | undefined {
  try {
    return ensureFolderId(dataDir);
  } catch {
    return undefined;
  }
}
