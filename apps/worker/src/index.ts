/**
 * The account-deletion worker. For now it only opens its own small pool and checks the schema
 * is current; issue 6 adds the job loop.
 */
import {
  createDb,
  loadDatabaseConfig,
  loadMigrations,
  migrationStatus,
  migrationsFolder,
} from '@fluxcore/db';

const client = await createDb(
  loadDatabaseConfig(process.env, { applicationName: 'fluxcore-worker' }),
  { poolMax: 2 },
);
const report = await migrationStatus(client, loadMigrations(migrationsFolder));
const pending = report.migrations.filter((m) => m.state !== 'applied').length;
console.log(`worker connected to the ${client.kind} database; ${pending} migration(s) not applied`);
await client.close();
