/**
 * The API's settings, read from the environment with one zod schema: FLUXCORE_JWT_SECRET (the
 * HS256 secret bearer tokens are signed with), PORT and HOST. A mistake becomes one
 * CONFIG_INVALID line naming the variable (readSettings); the schema's messages complete the
 * sentence ("FLUXCORE_JWT_SECRET is not set").
 */
import { readSettings, wholeNumberSetting } from '@fluxcore/db';
import { z } from 'zod';

const apiSettings = z.object({
  FLUXCORE_JWT_SECRET: z
    .string({ error: 'is not set' })
    .min(32, 'must be at least 32 characters (e.g. openssl rand -hex 32)'),
  PORT: wholeNumberSetting(0, 65_535, 3000, 'must be a port number (0 to 65535)'),
  HOST: z
    .string()
    .regex(/^[\w.:-]{1,253}$/, 'must be a host name or an IP address (e.g. 127.0.0.1 or 0.0.0.0)')
    .default('127.0.0.1'),
});

export interface ApiSettings {
  jwtSecret: string;
  port: number;
  hostname: string;
}

export function readApiSettings(env: Record<string, string | undefined>): ApiSettings {
  const settings = readSettings(
    apiSettings,
    env,
    'Fix it (FLUXCORE_JWT_SECRET: the HS256 secret your tokens are signed with; PORT: a port number; HOST: the address to listen on) and start the API again',
  );
  return { jwtSecret: settings.FLUXCORE_JWT_SECRET, port: settings.PORT, hostname: settings.HOST };
}
