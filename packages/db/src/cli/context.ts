/** What every command function gets besides its flags: where to write, and the folders. */
import { migrationsFolder } from '../connection/config.ts';

/** Where a command writes its lines; tests pass their own to read them. */
export interface Io {
  log(line: string): void;
  error(line: string): void;
}

export const consoleIo: Io = {
  log: (line) => console.log(line),
  error: (line) => console.error(line),
};

/** The migrations folder: FLUXCORE_MIGRATIONS_DIR, else the package's own. */
export function migrationsDir(env: Record<string, string | undefined> = process.env): string {
  return env.FLUXCORE_MIGRATIONS_DIR ?? migrationsFolder;
}

/**
 * Whether standard output is a terminal, without creating `process.stdout`: in Bun, that
 * first access loads node's stream modules, about 15 ms, more than db:audit's own comparison.
 */
export function stdoutIsTerminal(): boolean {
  const { binding } = process as { binding?: (name: string) => { isTTY?(fd: number): boolean } };
  try {
    const tty = binding?.('tty_wrap');
    if (typeof tty?.isTTY === 'function') return tty.isTTY(1);
  } catch {
    // No such binding in this runtime: ask the stream.
  }
  return process.stdout.isTTY === true;
}
