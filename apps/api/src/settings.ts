/**
 * The API's settings, read from the environment with one zod schema: FLUXCORE_JWT_SECRET (the
 * HS256 secret bearer tokens are signed with), PORT, HOST, FLUXCORE_SHUTDOWN_MS (how long a
 * stop waits), FLUXCORE_JWT_MAX_LIFETIME_S (the longest a token may live) and
 * FLUXCORE_RATE_LIMIT_WRITES per FLUXCORE_RATE_LIMIT_WINDOW_MS (writes per signed-in user), and
 * FLUXCORE_DB_ROLE (the runtime role queries run as, fluxcore_app). A mistake becomes one
 * CONFIG_INVALID line naming the variable (readSettings); the schema's messages complete the
 * sentence ("FLUXCORE_JWT_SECRET is not set").
 */
import { type RuntimeRole, readSettings, runtimeRoles, wholeNumberSetting } from '@fluxcore/db';
import { z } from 'zod';

const apiSettings = z.object({
  FLUXCORE_DB_ROLE: z
    .enum([runtimeRoles.app], {
      error: `must be ${runtimeRoles.app}, the API's runtime role (docs/tenancy.md)`,
    })
    .default(runtimeRoles.app),
  FLUXCORE_JWT_SECRET: z
    .string({ error: 'is not set' })
    .min(32, 'must be at least 32 characters (e.g. openssl rand -hex 32)'),
  PORT: wholeNumberSetting(0, 65_535, 3000, 'must be a port number (0 to 65535)'),
  HOST: z
    .string()
    .regex(/^[\w.:-]{1,253}$/, 'must be a host name or an IP address (e.g. 127.0.0.1 or 0.0.0.0)')
    .default('127.0.0.1'),
  FLUXCORE_SHUTDOWN_MS: wholeNumberSetting(
    100,
    600_000,
    10_000,
    'must be a number of milliseconds from 100 to 600000',
  ),
  FLUXCORE_JWT_MAX_LIFETIME_S: wholeNumberSetting(
    60,
    31_536_000,
    86_400,
    'must be a number of seconds from 60 to 31536000 (a year)',
  ),
  FLUXCORE_RATE_LIMIT_WRITES: wholeNumberSetting(
    1,
    1_000_000,
    600,
    'must be a whole number of writes from 1 to 1000000',
  ),
  FLUXCORE_RATE_LIMIT_WINDOW_MS: wholeNumberSetting(
    1_000,
    86_400_000,
    60_000,
    'must be a number of milliseconds from 1000 to 86400000',
  ),
});

export interface ApiSettings {
  /** The runtime role every query runs as (row-level security applies to it). */
  role: RuntimeRole;
  jwtSecret: string;
  port: number;
  hostname: string;
  /** How long a stop (SIGTERM) waits for running requests and the pool before cutting them off. */
  shutdownMs: number;
  /** The longest a bearer token may live: its exp at most this many seconds after its iat (or now). */
  jwtMaxLifetimeS: number;
  /** Writes (POST) one signed-in user may send per window; the next get 429. */
  rateLimit: { writes: number; windowMs: number };
}

export function readApiSettings(env: Record<string, string | undefined>): ApiSettings {
  const settings = readSettings(
    apiSettings,
    env,
    'Fix it (FLUXCORE_JWT_SECRET: the HS256 secret your tokens are signed with; PORT: a port number; HOST: the address to listen on) and start the API again',
  );
  return {
    role: settings.FLUXCORE_DB_ROLE,
    jwtSecret: settings.FLUXCORE_JWT_SECRET,
    port: settings.PORT,
    hostname: settings.HOST,
    shutdownMs: settings.FLUXCORE_SHUTDOWN_MS,
    jwtMaxLifetimeS: settings.FLUXCORE_JWT_MAX_LIFETIME_S,
    rateLimit: {
      writes: settings.FLUXCORE_RATE_LIMIT_WRITES,
      windowMs: settings.FLUXCORE_RATE_LIMIT_WINDOW_MS,
    },
  };
}
