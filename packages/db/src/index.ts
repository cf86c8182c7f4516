/**
 * @fluxcore/db: the schema, the client factory, the migrator and the reference-data seed.
 * Importing it opens no connection: call createDb().
 */
export {
  createDb,
  type Database,
  type DatabaseClient,
  openSqlSession,
  type SqlSession,
  type Transaction,
} from './client.ts';
export {
  type DatabaseConfig,
  describeTarget,
  loadDatabaseConfig,
  migrationsFolder,
} from './config.ts';
export { FluxDbError, type FluxDbErrorCode, redactSecrets } from './errors.ts';
export { migrate } from './migrator/apply.ts';
export { baseline } from './migrator/baseline.ts';
export { loadMigrations, type Migration } from './migrator/journal.ts';
export { migrationStatus, type StatusReport } from './migrator/status.ts';
export * as schema from './schema/index.ts';
export { schemaTableNames, schemaTables } from './schema-tables.ts';
export { baseCreditsPolicies, seedReferenceData } from './seed/credits-policies.ts';
