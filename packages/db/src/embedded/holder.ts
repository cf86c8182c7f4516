/**
 * What the lock file beside an embedded folder says about its holder (see lock.ts), read
 * without taking the lock. Plain Node: drizzle-kit's own CLI, which runs under Node, loads it
 * (through drizzle.config.ts) to find a db:serve, where lock.ts needs Bun's flock.
 */
import { readFileSync } from 'node:fs';

export interface LockHolder {
  pid: number;
  command: string;
  /** Set by db:serve: the address where it serves the database over the PostgreSQL protocol. */
  serve?: { host: string; port: number };
  /** Set by db:serve while it opens the folder: openers wait for its address (up to 2 min). */
  serveStarting?: boolean;
}

/** The lock file of an embedded folder: beside it, never inside it. */
export function lockPathFor(dataDir: string): string {
  return `${dataDir.replace(/\/+$/, '')}.lock`;
}

export function readHolder(lockPath: string): LockHolder | undefined {
  try {
    const holder = JSON.parse(readFileSync(lockPath, 'utf8')) as LockHolder;
    return typeof holder.pid === 'number' ? holder : undefined;
  } catch {
    return undefined;
  }
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as { code?: string }).code === 'EPERM';
  }
}

export function holderText(holder: LockHolder | undefined): string {
  return holder && isAlive(holder.pid)
    ? `pid ${holder.pid} (${holder.command})`
    : 'another process (it has not said which yet)';
}
