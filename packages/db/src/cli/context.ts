/** What every command function gets besides its flags: where to write, and the folders. */
import { migrationsFolder } from '../config.ts';

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
