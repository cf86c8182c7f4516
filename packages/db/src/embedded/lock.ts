/**
 * One owner for an embedded database folder. The owner holds flock(2) on `<folder>.lock`, a
 * file beside the folder (never inside it: PGlite owns the folder), and writes who it is into
 * that file: pid, command and, for `db:serve`, where it serves the database. A second opener
 * reads that to connect through db:serve, or to name the holder when it gives up. The kernel
 * drops the lock of a process that is gone, so a stale lock is simply taken.
 */
import {
  closeSync,
  constants,
  fstatSync,
  ftruncateSync,
  openSync,
  statSync,
  writeSync,
} from 'node:fs';
import { basename, relative } from 'node:path';
import { repositoryRoot } from '../config.ts';
import { FluxDbError } from '../errors.ts';
import { tryLockExclusive, unlock } from './flock.ts';
import { holderText, isAlive, type LockHolder, lockPathFor, readHolder } from './holder.ts';

export { type LockHolder, lockPathFor, readHolder } from './holder.ts';

/** How long an opener waits for a db:serve that is still opening (or creating) the folder. */
const serveStartWaitMs = 120_000;

export interface HeldLock {
  readonly path: string;
  /** Rewrites what the lock file says about its holder (db:serve adds its address). */
  describe(holder: LockHolder): void;
  release(): void;
}

export type LockOutcome =
  | { held: HeldLock }
  | { served: LockHolder & { serve: { host: string; port: number } } };

/** How this process is known to a second opener: the script it was run as, or its argv. */
export function currentCommand(): string {
  const [, entry, ...rest] = process.argv;
  const script = process.env.npm_lifecycle_event;
  const line = process.env.npm_lifecycle_script ?? '';
  // Only when this process is the script itself: a child of a script inherits the variables.
  if (script && entry && line.includes(basename(entry))) {
    const where = relative(repositoryRoot, process.cwd());
    return where && !where.startsWith('..') ? `bun run ${script} in ${where}` : `bun run ${script}`;
  }
  const shown = entry ? relative(process.cwd(), entry) || entry : '';
  return ['bun', shown, ...rest].filter(Boolean).join(' ');
}

function tryTake(lockPath: string): HeldLock | undefined {
  const fd = openSync(lockPath, constants.O_RDWR | constants.O_CREAT, 0o644);
  if (!tryLockExclusive(fd)) {
    closeSync(fd);
    return undefined;
  }
  // The file may have been deleted and made anew between open and lock: then this lock guards
  // nothing, and the next round locks the file that is there now.
  let same = false;
  try {
    same = statSync(lockPath).ino === fstatSync(fd).ino;
  } catch {
    same = false;
  }
  if (!same) {
    unlock(fd);
    closeSync(fd);
    return tryTake(lockPath);
  }
  let released = false;
  return {
    path: lockPath,
    describe: (holder) => {
      if (released) return;
      // Never an empty file between two descriptions (an opener that reads one then gives up
      // on a holder that "has not said which"): the new one is written over the old, padded
      // with spaces (JSON still) to the old one's length, then the file is cut to it.
      const text = Buffer.from(`${JSON.stringify(holder)}\n`);
      const padded = Buffer.alloc(Math.max(fstatSync(fd).size, text.length), ' ');
      text.copy(padded);
      writeSync(fd, padded, 0, padded.length, 0);
      ftruncateSync(fd, text.length);
    },
    release: () => {
      if (released) return;
      released = true;
      // Emptied while still held, so the next holder's description is never overwritten.
      ftruncateSync(fd, 0);
      unlock(fd);
      closeSync(fd);
    },
  };
}

/**
 * Takes the folder's lock, waiting up to `waitMs` for its holder to finish. When the holder is
 * a live db:serve, returns its address instead (unless `forServe`: db:serve itself never
 * connects to another one).
 */
export async function acquireEmbeddedLock(
  dataDir: string,
  options: { waitMs: number; forServe?: boolean; onWait?: (line: string) => void },
): Promise<LockOutcome> {
  const lockPath = lockPathFor(dataDir);
  const started = Date.now();
  let announced = false;
  let known: LockHolder | undefined;
  for (;;) {
    const held = tryTake(lockPath);
    if (held) {
      held.describe({
        pid: process.pid,
        command: currentCommand(),
        ...(options.forServe ? { serveStarting: true } : {}),
      });
      return { held };
    }
    let holder = readHolder(lockPath);
    if (!holder) {
      // The holder may have just taken the lock and not yet written who it is.
      await new Promise((resolve) => setTimeout(resolve, 50));
      holder = readHolder(lockPath);
    }
    // A file read mid-write says nothing: the holder read before still holds the lock while
    // it lives (a db:serve that is starting keeps its longer wait).
    if (!holder && known && isAlive(known.pid)) holder = known;
    known = holder;
    if (holder?.serve && isAlive(holder.pid)) {
      if (options.forServe) {
        throw new FluxDbError(
          'EMBEDDED_LOCKED',
          `the embedded database at ${dataDir} is already served by pid ${holder.pid} (${holder.command}) on ${holder.serve.host}:${holder.serve.port}`,
          'Use that one (every command reaches it by itself), or stop it first',
        );
      }
      return { served: { ...holder, serve: holder.serve } };
    }
    const waitMs =
      holder?.serveStarting && isAlive(holder.pid)
        ? Math.max(options.waitMs, serveStartWaitMs)
        : options.waitMs;
    if (Date.now() >= started + waitMs) {
      const waited = waitMs >= 1000 ? ` (waited ${Math.round(waitMs / 1000)} s)` : '';
      throw new FluxDbError(
        'EMBEDDED_LOCKED',
        `the embedded database at ${dataDir} is in use by ${holderText(holder)}${waited}`,
        'Stop that process, or start bun run db:serve first so that several processes share the database through it',
      );
    }
    if (!announced) {
      options.onWait?.(
        `waiting for the embedded database at ${dataDir} (in use by ${holderText(holder)})`,
      );
      announced = true;
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
