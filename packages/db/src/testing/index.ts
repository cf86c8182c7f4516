/**
 * `@fluxcore/db/testing`: what the package's tests, the apps' tests and the benchmarks share.
 * Fresh databases of either kind (TEST_DATABASES picks the kinds; bun test's preload decides
 * it before any test file loads), migrated ones, factories that write realistic rows through
 * the typed API, into a database or an open transaction, and the reference database (the real
 * FluxCore catalog) with its seeded data generator.
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
  createAccount,
  createConversation,
  createMessage,
  createOwnedAccount,
  createPayer,
  createRelationship,
  createUser,
  createWallet,
  type Writer,
} from './factories.ts';
export {
  axisEmbedding,
  createAsset,
  createAssistant,
  createChunk,
  createFile,
  createListing,
  createTemplate,
  createVectorStore,
  unitEmbedding,
} from './factories-content.ts';
export { fillAccount } from './fill-account.ts';
export { fillTenancyExtras } from './fill-tenancy.ts';
export { fillMayDatabase, type MayFill } from './may-messages.ts';
export { type MigratedHandle, useMigratedDatabase } from './migrated.ts';
export {
  createReferenceDatabase,
  loadReferenceSchema,
  type ReferenceDatabase,
  type ReferenceLineage,
  referenceSchemaPath,
  referenceSchemaPaths,
  referenceSchemaSql,
} from './reference.ts';
export {
  type GeneratedData,
  type GenerateOptions,
  generateReferenceData,
} from './reference-data.ts';
export {
  type LoadClient,
  type LoadResult,
  type LoadSummary,
  mayMessageApi,
  missingMessages,
  type RequestRecord,
  retypeMigrationTag,
  runLoad,
  type Send,
  signToken,
  summarize,
  withRetypeMigration,
} from './serving-load.ts';
export { projectTarget } from './target.ts';
export { startTcpProxy, type TcpProxy } from './tcp-proxy.ts';
