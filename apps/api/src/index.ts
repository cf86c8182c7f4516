/**
 * The FluxCore API server: `bun run --cwd apps/api start`. Serves `createApp` with Bun on
 * HOST (default 127.0.0.1: this machine only; HOST=0.0.0.0 listens on every interface) and
 * PORT (default 3000), and stops cleanly on SIGTERM or SIGINT (the server stops taking
 * requests, then the pool closes).
 *
 * Settings: FLUXCORE_JWT_SECRET (required, at least 32 characters: the HS256 secret bearer
 * tokens are signed with), HOST, PORT, plus the database variables of @fluxcore/db.
 */
import {
  createDb,
  describeTarget,
  FluxDbError,
  loadDatabaseConfig,
  parseSettings,
  runCommand,
  wholeNumberSetting,
} from '@fluxcore/db';
import { z } from 'zod';
import { createApp } from './app.ts';

const settings = z.object({
  FLUXCORE_JWT_SECRET: z
    .string({ error: 'is not set' })
    .min(32, 'must be at least 32 characters (e.g. openssl rand -hex 32)'),
  PORT: wholeNumberSetting(0, 65_535, 'must be a port number (0 to 65535)').default(3000),
  HOST: z
    .string()
    .regex(/^[\w.:-]{1,253}$/, 'must be a host name or an IP address (e.g. 127.0.0.1 or 0.0.0.0)')
    .default('127.0.0.1'),
});

await runCommand(async () => {
  const {
    FLUXCORE_JWT_SECRET: jwtSecret,
    PORT: port,
    HOST: hostname,
  } = parseSettings(
    settings,
    process.env,
    'Fix it (FLUXCORE_JWT_SECRET: the HS256 secret your tokens are signed with; PORT: a port number; HOST: the address to listen on) and start the API again',
  );
  const config = loadDatabaseConfig(process.env, { applicationName: 'fluxcore-api' });
  const client = await createDb(config);
  const app = createApp({ db: client, jwtSecret });
  let server: ReturnType<typeof Bun.serve>;
  try {
    server = Bun.serve({ hostname, port, fetch: app.fetch });
  } catch (error) {
    await client.close();
    throw new FluxDbError(
      'USAGE',
      `the API cannot listen on ${hostname}:${port}: ${(error as { code?: string }).code ?? (error as Error).message}`,
      'Free the port or set PORT (and HOST) to an address this machine can listen on',
    );
  }
  // The address the socket really has, not the one we hoped for.
  console.log(`api listening on ${server.url.origin} (${describeTarget(config)})`);
  const signal = await new Promise<string>((resolve) => {
    process.once('SIGTERM', () => resolve('SIGTERM'));
    process.once('SIGINT', () => resolve('SIGINT'));
  });
  console.log(`api: ${signal}, stopping`);
  await server.stop();
  await client.close();
  return 0;
});
