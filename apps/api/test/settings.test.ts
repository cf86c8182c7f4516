/** The API's settings: defaults, and a mistake as one CONFIG_INVALID line naming the variable. */
import { describe, expect, test } from 'bun:test';
import { FluxDbError } from '@fluxcore/db';
import { readApiSettings } from '../src/settings.ts';

const secret = 'x'.repeat(32);

function refusal(env: Record<string, string>): FluxDbError {
  try {
    readApiSettings(env);
  } catch (error) {
    if (error instanceof FluxDbError) return error;
    throw error;
  }
  throw new Error(`accepted ${JSON.stringify(env)}`);
}

describe('the API settings', () => {
  test('only the secret is required; PORT and HOST have defaults and are read as given', () => {
    const defaults = {
      shutdownMs: 10_000,
      jwtMaxLifetimeS: 86_400,
      rateLimit: { writes: 600, windowMs: 60_000 },
      role: 'fluxcore_app' as const,
    };
    expect(readApiSettings({ FLUXCORE_JWT_SECRET: secret })).toEqual({
      jwtSecret: secret,
      port: 3000,
      hostname: '127.0.0.1',
      ...defaults,
    });
    expect(
      readApiSettings({
        FLUXCORE_JWT_SECRET: secret,
        PORT: '8080',
        HOST: '0.0.0.0',
        FLUXCORE_SHUTDOWN_MS: '500',
        FLUXCORE_JWT_MAX_LIFETIME_S: '3600',
        FLUXCORE_RATE_LIMIT_WRITES: '5',
        FLUXCORE_RATE_LIMIT_WINDOW_MS: '1000',
      }),
    ).toEqual({
      jwtSecret: secret,
      port: 8080,
      hostname: '0.0.0.0',
      shutdownMs: 500,
      jwtMaxLifetimeS: 3600,
      rateLimit: { writes: 5, windowMs: 1000 },
      role: 'fluxcore_app',
    });
  });

  test('FLUXCORE_DB_ROLE names the API’s runtime role; another is one line naming it', () => {
    expect(
      readApiSettings({ FLUXCORE_JWT_SECRET: secret, FLUXCORE_DB_ROLE: 'fluxcore_app' }).role,
    ).toBe('fluxcore_app');
    expect(() =>
      readApiSettings({ FLUXCORE_JWT_SECRET: secret, FLUXCORE_DB_ROLE: 'postgres' }),
    ).toThrow(/FLUXCORE_DB_ROLE must be fluxcore_app/);
  });

  test.each([
    [{}, 'FLUXCORE_JWT_SECRET is not set'],
    [{ FLUXCORE_JWT_SECRET: 'short' }, 'FLUXCORE_JWT_SECRET must be at least 32 characters'],
    [{ FLUXCORE_JWT_SECRET: secret, PORT: '70000' }, 'PORT must be a port number (0 to 65535)'],
    [{ FLUXCORE_JWT_SECRET: secret, PORT: 'http' }, 'PORT must be a port number (0 to 65535)'],
    [{ FLUXCORE_JWT_SECRET: secret, HOST: 'a b' }, 'HOST must be a host name or an IP address'],
    [{ FLUXCORE_JWT_SECRET: secret, FLUXCORE_SHUTDOWN_MS: '0' }, 'FLUXCORE_SHUTDOWN_MS must be'],
    [
      { FLUXCORE_JWT_SECRET: secret, FLUXCORE_JWT_MAX_LIFETIME_S: 'forever' },
      'FLUXCORE_JWT_MAX_LIFETIME_S must be',
    ],
    [
      { FLUXCORE_JWT_SECRET: secret, FLUXCORE_RATE_LIMIT_WRITES: '0' },
      'FLUXCORE_RATE_LIMIT_WRITES must be',
    ],
  ])('%j is refused: %s', (env, message) => {
    const error = refusal(env as Record<string, string>);
    expect(error.code).toBe('CONFIG_INVALID');
    expect(error.toLine()).toStartWith(message);
    expect(error.toLine()).toContain('start the API again');
    expect(error.toLine()).not.toContain('\n');
  });
});
