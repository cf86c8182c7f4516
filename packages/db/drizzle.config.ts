import { join, relative } from 'node:path';
import { defineConfig } from 'drizzle-kit';
import { drizzleKitDatabase, pullFolder } from './src/authoring/drizzle-kit-config.ts';
import { loadDatabaseConfig } from './src/config.ts';

// Under Bun (our commands) import.meta.dirname is this folder; drizzle-kit's own CLI under Node
// loads this file as CommonJS, where __dirname is.
const packageDir: string = import.meta.dirname ?? __dirname;
// Paths resolve from this file, so drizzle-kit works from any working directory. They are
// handed over relative to it: drizzle-kit prefixes `./` to `out`, which breaks absolute paths.
const here = relative(process.cwd(), packageDir) || '.';
const pulled = pullFolder(packageDir);
const migrations = process.env.FLUXCORE_MIGRATIONS_DIR;

export default defineConfig({
  dialect: 'postgresql',
  schema: join(here, 'src/schema/index.ts'),
  // `pull` writes a schema and a migration of what it found: into a scratch folder, never
  // into migrations/ (src/authoring/drizzle-kit-config.ts).
  out: pulled
    ? relative(process.cwd(), pulled)
    : migrations
      ? relative(process.cwd(), migrations)
      : join(here, 'migrations'),
  strict: true,
  verbose: true,
  // On the embedded database, through its one owner (db:serve) for a subcommand that opens it.
  ...drizzleKitDatabase(loadDatabaseConfig(), packageDir),
});
