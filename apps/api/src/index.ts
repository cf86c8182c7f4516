/**
 * The FluxCore API server: `bun run --cwd apps/api start`. Serves `createApp` with Bun on
 * PORT (default 3000) and stops cleanly on SIGTERM or SIGINT (the server stops taking
 * requests, then the pool closes).
 *
 * Settings: FLUXCORE_JWT_SECRET (required, at least 32 characters: the HS256 secret bearer
 * tokens are signed with), PORT, plus the database variables of @fluxcore/db.
 */
import {
  createDb,
  describeTarget,
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
});

await runCommand(async () => {
  const { FLUXCORE_JWT_SECRET: jwtSecret, PORT: port } = parseSettings(
    settings,
    process.env,
    'Fix it (FLUXCORE_JWT_SECRET: the HS256 secret your tokens are signed with; PORT: a port number) and start the API again',
  );
  const config = loadDatabaseConfig(process.env, { applicationName: 'fluxcore-api' });
  const client = await createDb(config);
  const app = createApp({ db: client, jwtSecret });
  const server = Bun.serve({ port, fetch: app.fetch });
  console.log(`api listening on http://127.0.0.1:${server.port} (${describeTarget(config)})`);
  const signal = await new Promise<string>((resolve) => {
    process.once('SIGTERM', () => resolve('SIGTERM'));
    process.once('SIGINT', () => resolve('SIGINT'));
  });
  console.log(`api: ${signal}, stopping`);
  await server.stop();
  await client.close();
  return 0;
});
