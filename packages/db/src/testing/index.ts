/**
 * `@fluxcore/db/testing`: what the package's tests, the apps' tests and the benchmarks share.
 * Fresh databases of either kind (TEST_DATABASES picks the kinds; bun test's preload decides
 * it before any test file loads), migrated ones, and factories that write realistic rows
 * through the typed API, into a database or an open transaction.
 */

export { type ProcessRun, runProcess } from '../authoring/tools.ts';
export {
  adminUrl,
  createDatabaseOnServer,
  createMigratedDatabase,
  createTestDatabase,
  type DatabaseKind,
  databaseKinds,
  projectMigrations,
  type ServerDatabase,
  type TestDatabase,
  temporaryDataDir,
} from './databases.ts';
export {
  axisEmbedding,
  createAccount,
  createConversation,
  createOwnedAccount,
  createPayer,
  createUser,
  fillAccount,
  type Writer,
} from './factories.ts';
export { type MigratedHandle, useMigratedDatabase } from './migrated.ts';
export {
  createReferenceDatabase,
  type GeneratedData,
  type GenerateOptions,
  generateReferenceData,
  loadReferenceSchema,
  type ReferenceDatabase,
  referenceSchemaPath,
  referenceSchemaSql,
} from './reference.ts';
