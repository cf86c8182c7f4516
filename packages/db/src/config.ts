import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { FluxDbError } from './errors.ts';

/** The repository root: the folder that holds `.data/` for the embedded database. */
export const repositoryRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
/** The migration folder, resolved from this file so every command works from any directory. */
export const migrationsFolder = resolve(dirname(fileURLToPath(import.meta.url)), '../migrations');

const serverUrl = z
  .string()
  .trim()
  .refine((value) => {
    try {
      const url = new URL(value);
      return (
        (url.protocol === 'postgres:' || url.protocol === 'postgresql:') && url.hostname !== ''
      );
    } catch {
      return false;
    }
  }, 'is not a PostgreSQL URL');

const environment = z.object({
  DATABASE_URL: z.string().optional(),
  FLUXCORE_DATA_DIR: z.string().min(1).optional(),
  FLUXCORE_APPLICATION_NAME: z.string().min(1).max(63).optional(),
  FLUXCORE_POOL_MAX: z.coerce.number().int().min(1).max(200).optional(),
  FLUXCORE_LOCK_WAIT: z.coerce.number().min(0).max(3600).optional(),
});

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
  const parsed = environment.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new FluxDbError(
      'CONFIG_INVALID',
      `${issue?.path.join('.') ?? 'environment'} is invalid: ${issue?.message ?? 'unknown problem'}`,
      'Fix the variable and run the command again',
    );
  }
  const applicationName =
    overrides.applicationName ?? parsed.data.FLUXCORE_APPLICATION_NAME ?? 'fluxcore-db';
  const rawUrl = parsed.data.DATABASE_URL?.trim();
  if (!rawUrl) {
    const dataDir = resolve(parsed.data.FLUXCORE_DATA_DIR ?? join(repositoryRoot, '.data'));
    const lockWait = parsed.data.FLUXCORE_LOCK_WAIT;
    return {
      kind: 'embedded',
      dataDir,
      applicationName,
      ...(lockWait === undefined ? {} : { lockWaitMs: lockWait * 1000 }),
    };
  }
  const url = serverUrl.safeParse(rawUrl);
  if (!url.success) {
    throw new FluxDbError(
      'CONFIG_INVALID',
      // Never echoed: a malformed URL may still hold a password where no parser finds it.
      'DATABASE_URL is not a PostgreSQL URL',
      'Give one like postgres://user@127.0.0.1:5432/fluxcore, or unset it to use the embedded database',
    );
  }
  return {
    kind: 'server',
    url: url.data,
    applicationName,
    poolMax: parsed.data.FLUXCORE_POOL_MAX ?? 10,
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
