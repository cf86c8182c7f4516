/**
 * Applies the original's Drizzle journal with drizzle-orm's own migrator, as the original's
 * `migrate.ts` did: `bun scripts/original-journal.ts FOLDER DATABASE_URL`, where FOLDER holds
 * the original's `migrations/` (its SQL files and `meta/_journal.json`), extracted from git by
 * scripts/build-original.sh outside the repository.
 */
import { drizzle } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';

const [folder, url] = process.argv.slice(2);
if (!folder || !url) {
  console.error('usage: bun scripts/original-journal.ts MIGRATIONS_FOLDER DATABASE_URL');
  process.exit(2);
}
const pool = new pg.Pool({ connectionString: url, max: 1 });
try {
  await migrate(drizzle(pool), { migrationsFolder: folder });
} finally {
  await pool.end();
}
