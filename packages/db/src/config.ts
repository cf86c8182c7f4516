import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { FluxDbError } from './errors.ts';

// import.meta.dirname (Bun, Node 20.11+), not node:url's fileURLToPath: every command loads
// this module before its first query, and node:url alone costs a short command 1 to 2 ms.
// drizzle-kit's own CLI under Node loads drizzle.config.ts, and through it this file, as
// CommonJS, where import.meta is empty and __dirname is this folder.
const here: string = import.meta.dirname ?? __dirname;
/** The repository root: the folder that holds `.data/` for the embedded database. */
export const repositoryRoot = resolve(here, '../../..');
/** The migration folder, resolved from this file so every command works from any directory. */
export const migrationsFolder = resolve(here, '../migrations');

/** A postgres:// or postgresql:// URL with a host. */
function isServerUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'postgres:' || url.protocol === 'postgresql:') && url.hostname !== '';
  } catch {
    return false;
  }
}

type Check = (value: string) => string | undefined;

const text =
  (min: number, max = Number.POSITIVE_INFINITY): Check =>
  (value) =>
    value.length < min
      ? `Too small: expected string to have >=${min} characters`
      : value.length > max
        ? `Too big: expected string to have <=${max} characters`
        : undefined;

/** A number as `Number()` reads the variable, in a range, whole when `int`. */
const number =
  (min: number, max: number, int: boolean): Check =>
  (value) => {
    const parsed = Number(value);
    if (!Number.isFinite(parsed)) return `Invalid input: expected number, received ${parsed}`;
    if (int && !Number.isInteger(parsed)) return 'Invalid input: expected int, received number';
    if (parsed < min) return `Too small: expected number to be >=${min}`;
    if (parsed > max) return `Too big: expected number to be <=${max}`;
    return undefined;
  };

/**
 * The variables this package reads and what each takes. Checked by hand (no schema library):
 * every command loads this module before its first query.
 */
const environment: Record<string, Check> = {
  FLUXCORE_DATA_DIR: text(1),
  FLUXCORE_APPLICATION_NAME: text(1, 63),
  FLUXCORE_POOL_MAX: number(1, 200, true),
  FLUXCORE_LOCK_WAIT: number(0, 3600, false),
};

export type DatabaseConfig =
  | {
      kind: 'embedded';
      dataDir: string;
      applicationName: string;
      /** How long to wait for another process that holds the folder (FLUXCORE_LOCK_WAIT, s). */
      lockWaitMs?: number;
    }
  | { kind: 'server'; url: string; applicationName: string; poolMax: number };

/**
 * The one parser of database settings, shared by the client, drizzle.config.ts and every
 * command. No DATABASE_URL means the embedded database under `.data/` at the repository root.
 */
export function loadDatabaseConfig(
  env: Record<string, string | undefined> = process.env,
  overrides: { applicationName?: string } = {},
): DatabaseConfig {
  for (const [name, check] of Object.entries(environment)) {
    const value = env[name];
    const problem = value === undefined ? undefined : check(value);
    if (problem) {
      throw new FluxDbError(
        'CONFIG_INVALID',
        `${name} is invalid: ${problem}`,
        'Fix the variable and run the command again',
      );
    }
  }
  const numberOf = (name: string) => (env[name] === undefined ? undefined : Number(env[name]));
  const applicationName =
    overrides.applicationName ?? env.FLUXCORE_APPLICATION_NAME ?? 'fluxcore-db';
  const rawUrl = env.DATABASE_URL?.trim();
  if (!rawUrl) {
    const dataDir = resolve(env.FLUXCORE_DATA_DIR ?? join(repositoryRoot, '.data'));
    const lockWait = numberOf('FLUXCORE_LOCK_WAIT');
    return {
      kind: 'embedded',
      dataDir,
      applicationName,
      ...(lockWait === undefined ? {} : { lockWaitMs: lockWait * 1000 }),
    };
  }
  if (!isServerUrl(rawUrl)) {
    throw new FluxDbError(
      'CONFIG_INVALID',
      // Never echoed: a malformed URL may still hold a password where no parser finds it.
      'DATABASE_URL is not a PostgreSQL URL',
      'Give one like postgres://user@127.0.0.1:5432/fluxcore, or unset it to use the embedded database',
    );
  }
  return {
    kind: 'server',
    url: rawUrl,
    applicationName,
    poolMax: numberOf('FLUXCORE_POOL_MAX') ?? 10,
  };
}

/** Where the config points, for messages: never includes a password. */
export function describeTarget(config: DatabaseConfig): string {
  if (config.kind === 'embedded') {
    return `embedded database at ${config.dataDir}${existsSync(config.dataDir) ? '' : ' (new)'}`;
  }
  const url = new URL(config.url);
  return `server ${url.hostname}:${url.port || '5432'}${url.pathname}`;
}
