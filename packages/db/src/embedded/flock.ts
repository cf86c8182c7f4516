/**
 * The operating system's own advisory file lock, flock(2), reached through bun:ffi. The kernel
 * ties the lock to the open file: it is released when the holder closes it or exits in any way
 * (SIGKILL included), so a lock is never left behind by a process that is gone.
 */
import { dlopen, FFIType } from 'bun:ffi';
import { FluxDbError } from '../errors/flux-db-error.ts';

const LOCK_EX = 2;
const LOCK_NB = 4;
const LOCK_UN = 8;

type Libc = { symbols: { flock(fd: number, operation: number): number } };
let libc: Libc | undefined;

function load(): Libc {
  if (libc) return libc;
  const name =
    process.platform === 'darwin'
      ? 'libc.dylib'
      : process.platform === 'linux'
        ? 'libc.so.6'
        : undefined;
  if (!name) {
    throw new FluxDbError(
      'EMBEDDED_LOCKED',
      `the embedded database needs flock(2), which ${process.platform} does not offer here`,
      'Use a PostgreSQL server (DATABASE_URL) on this platform',
    );
  }
  libc = dlopen(name, { flock: { args: [FFIType.i32, FFIType.i32], returns: FFIType.i32 } });
  return libc;
}

/** Takes the exclusive lock on `fd` without waiting: true when this process now holds it. */
export function tryLockExclusive(fd: number): boolean {
  return load().symbols.flock(fd, LOCK_EX | LOCK_NB) === 0;
}

export function unlock(fd: number): void {
  load().symbols.flock(fd, LOCK_UN);
}
