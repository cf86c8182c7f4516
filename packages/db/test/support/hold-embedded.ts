/**
 * A process that owns an embedded database the way the API or the worker does: it opens the
 * folder named by FLUXCORE_DATA_DIR through createDb, writes `ROWS` rows into `probe.held`,
 * says "holding <pid>" and keeps the database open until it is killed.
 */
import { createDb } from '../../src/connection/client.ts';
import { loadDatabaseConfig } from '../../src/connection/config.ts';

const rows = Number(process.argv[2] ?? '0');
const client = await createDb(loadDatabaseConfig(process.env, { applicationName: 'holder' }));
await client.exec(
  'create schema if not exists probe; create table if not exists probe.held (n int)',
);
await client.query('insert into probe.held select generate_series(1, $1::int)', [rows]);
console.log(`holding ${process.pid}`);
await new Promise(() => {});
