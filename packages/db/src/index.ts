/**
 * @fluxcore/db: the schema, the client factory, the operations and the reference-data seed.
 * Importing it opens no connection: call createDb(), or use `db`, which opens on first use.
 *
 * Every table, its row types and the original FluxCore app's types are exported at the top
 * level (`import { accounts, type Account, db } from '@fluxcore/db'`), and under `schema`.
 * The migrator is `@fluxcore/db/migrator`; test databases and factories `@fluxcore/db/testing`.
 */

/**
 * drizzle-orm itself (`sql`, `eq`, `and`, `desc`, `inArray`…), as the original package offered
 * it: the app builds queries on this package's tables with the same drizzle-orm instance.
 */
export * from 'drizzle-orm';
export {
  createDb,
  type Database,
  type DatabaseClient,
  openSqlSession,
  type SqlSession,
  type Transaction,
} from './connection/client.ts';
export {
  type DatabaseConfig,
  describeTarget,
  loadDatabaseConfig,
} from './connection/config.ts';
export type { RowList, SqlRow } from './connection/row-list.ts';
export { closeDb, db, openDb } from './connection/shared-db.ts';
export {
  type RuntimeRole,
  runtimeRole,
  setTenant,
  type TenantOptions,
  withRole,
  withTenant,
} from './connection/with-tenant.ts';
export { writeRefusal } from './connection/write-check.ts';
export {
  type DatabaseErrorInfo,
  databaseErrorOf,
  describeError,
  permissionError,
  unavailabilityOf,
} from './errors/database-errors.ts';
export { failureLine } from './errors/failure-line.ts';
export { FluxDbError, type FluxDbErrorCode, redactSecrets } from './errors/flux-db-error.ts';
export * from './model/runtime-context.ts';
export type * from './model/service-params.ts';
export { schemaTableNames, schemaTables } from './model/tables.ts';
export {
  allScopes,
  grantInternalAccess,
  hasInternalAccess,
  type InternalAccessScope,
  internalAccessScopes,
  revokeInternalAccess,
  scopesAllow,
} from './operations/access/internal-access.ts';
export { accountOwnerId, userExists } from './operations/access/ownership.ts';
export {
  applyCreditsGating,
  type CreditsGatingParams,
  type CreditsGatingResult,
} from './operations/credits/gating.ts';
export {
  type GrantCreditsParams,
  type GrantCreditsResult,
  grantCredits,
  readCreditsBalance,
} from './operations/credits/wallet.ts';
export { finishedDeletionStatuses } from './operations/deletion/job-records.ts';
export {
  claimDeletionJob,
  type RequestAccountDeletionResult,
  releaseLease,
  requestAccountDeletion,
} from './operations/deletion/jobs.ts';
export {
  type AccountDeletionPlan,
  countAccountRows,
  deleteAccountRows,
  planAccountDeletion,
  readForeignKeys,
  readUnkeyedAccountColumns,
} from './operations/deletion/plan.ts';
export {
  type DeletionBackoff,
  type DeletionStepResult,
  deletionBackoffDefaults,
  deletionRetryDelayMs,
  runDeletionStep,
} from './operations/deletion/steps.ts';
export {
  type AppendMessageResult,
  appendMessage,
  type ConversationSummary,
  conversationAccounts,
  conversationListLimits,
  conversationTenants,
  listConversations,
} from './operations/messages/conversations.ts';
export {
  decodeMessageCursor,
  encodeMessageCursor,
  listMessages,
  type MessagePage,
  messagePageLimits,
  messagePageSql,
} from './operations/messages/history.ts';
export {
  type ChunkingConfig,
  type ChunkingStrategy,
  DEFAULT_RAG_CONFIG,
  type EmbeddingConfig,
  type EmbeddingProvider,
  getEffectiveRagConfig,
  type ProcessingConfig,
  type RAGConfig,
  type RerankProvider,
  type RetrievalConfig,
  toRAGConfig,
} from './operations/rag/config.ts';
export {
  type ChunkFilters,
  type ChunkMatch,
  type ChunkSearchParams,
  chunkSearchDefaults,
  indexSearchStatements,
  nearestChunksQuery,
  searchChunks,
} from './operations/rag/search.ts';
export {
  maintainStoreIndexes,
  planStoreIndexes,
  readStoreIndexThresholds,
  type StoreIndexChange,
  type StoreIndexPlan,
  type StoreIndexThresholds,
  storeIndexDefaults,
  storeIndexDefinition,
} from './operations/rag/store-indexes.ts';
export { baseCreditsPolicies, seedReferenceData } from './operations/seed/credits-policies.ts';
export {
  didYouMean,
  nearestName,
  type ProgramSpec,
  programHelp,
  readNoArguments,
  UsageError,
  usageExitCode,
} from './program/arguments.ts';
export { firstStopSignal, runCommand, settlesWithin } from './program/run-command.ts';
export { readSettings, wholeNumberSetting } from './program/settings.ts';
export * from './schema/index.ts';
export * as schema from './schema/index.ts';
/**
 * The assistants table under the name one file of the May app imports it by (a scratch script;
 * the original package never exported it), so all 198 of its imported names resolve.
 */
export { fluxcoreAssistants as assistants } from './schema/index.ts';
