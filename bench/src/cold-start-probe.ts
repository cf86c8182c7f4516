/**
 * One cold start of the embedded database, in a process of its own (so nothing is warm):
 * `bun run src/cold-start-probe.ts migrate|select <dataDir>` opens PGlite on a new folder and
 * either migrates it from empty or runs `select 1`, then prints the milliseconds it took as
 * JSON. The benchmark spawns it; it is not a command for people.
 */
import { openSqlSession } from '@fluxcore/db';
import { loadMigrations, migrate, migrationsFolder } from '@fluxcore/db/migrator';

const [mode, dataDir] = process.argv.slice(2);
if ((mode !== 'migrate' && mode !== 'select') || !dataDir) {
  console.error('usage: bun run src/cold-start-probe.ts migrate|select <dataDir>');
  process.exit(2);
}
const start = performance.now();
const session = await openSqlSession({ kind: 'embedded', dataDir, applicationName: 'bench' });
const openMs = performance.now() - start;
if (mode === 'migrate') await migrate(session, loadMigrations(migrationsFolder));
else await session.query('select 1');
const totalMs = performance.now() - start;
await session.close();
console.log(JSON.stringify({ openMs, totalMs }));
