import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'drizzle-kit';
import { loadDatabaseConfig } from './src/config.ts';

// Paths resolve from this file, so drizzle-kit works from any working directory. They are
// handed over relative to it: drizzle-kit prefixes `./` to `out`, which breaks absolute paths.
const here = relative(process.cwd(), dirname(fileURLToPath(import.meta.url))) || '.';
const database = loadDatabaseConfig();

export default defineConfig({
  dialect: 'postgresql',
  schema: join(here, 'src/schema/index.ts'),
  out: process.env.FLUXCORE_MIGRATIONS_DIR
    ? relative(process.cwd(), process.env.FLUXCORE_MIGRATIONS_DIR)
    : join(here, 'migrations'),
  strict: true,
  verbose: true,
  ...(database.kind === 'embedded'
    ? { driver: 'pglite', dbCredentials: { url: database.dataDir } }
    : { dbCredentials: { url: database.url } }),
});
