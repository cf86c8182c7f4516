/**
 * FluxCore AI (DOMAIN.md §4): assistants, their versioned instructions and vector stores, the
 * tool registry with each account's connections, and the usage telemetry. History: the
 * FluxCore "assistants", "instructions" and "tools and usage" groups of the 2026-02-08 audit.
 */
import { relations, sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgEnum,
  pgTable,
  text,
  uniqueIndex,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';
import { createInsertSchema, createSelectSchema } from 'drizzle-zod';
import { accounts, users } from './chat.ts';
import { createdAt, id, moment, reference, timestamps } from './columns.ts';
import { assetVisibilityEnum, fluxcoreVectorStores } from './rag.ts';

export const assistantStatuses = ['draft', 'production', 'disabled'] as const;
export type AssistantStatus = (typeof assistantStatuses)[number];
export const assistantStatusEnum = pgEnum('assistant_status', assistantStatuses);

/** Where an assistant runs: FluxCore's own loop, or OpenAI's Assistants API. */
export const assistantRuntimes = ['local', 'openai'] as const;
export type AssistantRuntime = (typeof assistantRuntimes)[number];
export const assistantRuntimeEnum = pgEnum('assistant_runtime', assistantRuntimes);

export const instructionStatuses = ['draft', 'production', 'disabled'] as const;
export type InstructionStatus = (typeof instructionStatuses)[number];
export const instructionStatusEnum = pgEnum('instruction_status', instructionStatuses);

export const vectorStoreAccessModes = ['read', 'write', 'read_write'] as const;
export type VectorStoreAccessMode = (typeof vectorStoreAccessModes)[number];
export const vectorStoreAccessModeEnum = pgEnum('vector_store_access_mode', vectorStoreAccessModes);

/** internal: runs inside FluxCore; external: calls a third-party API. */
/** `mcp` and `http` are the original's kinds of external tool. */
export const toolTypes = ['internal', 'external', 'mcp', 'http'] as const;
export type ToolType = (typeof toolTypes)[number];
export const toolTypeEnum = pgEnum('tool_type', toolTypes);

export const toolAuthTypes = ['none', 'api_key', 'oauth2'] as const;
export type ToolAuthType = (typeof toolAuthTypes)[number];
export const toolAuthTypeEnum = pgEnum('tool_auth_type', toolAuthTypes);

export const toolConnectionStatuses = ['connected', 'disconnected', 'error'] as const;
export type ToolConnectionStatus = (typeof toolConnectionStatuses)[number];
export const toolConnectionStatusEnum = pgEnum('tool_connection_status', toolConnectionStatuses);

/** The kind of thing a usage row is about (`resource_id` names the row). */
export const usageResourceTypes = [
  'assistant',
  'instruction',
  'vector_store',
  'file',
  'tool',
  // The original's billing resources (its ResourceType).
  'embedding',
  'retrieval',
  'document_processing',
  'storage',
  'api_call',
] as const;
export type UsageResourceType = (typeof usageResourceTypes)[number];
/** The original's billing resources: the values its usage logs and prices use. */
export type ResourceType = Extract<
  UsageResourceType,
  'embedding' | 'retrieval' | 'document_processing' | 'storage' | 'api_call'
>;
export const usageResourceTypeEnum = pgEnum('usage_resource_type', usageResourceTypes);

export const usageOperations = [
  'chat_completion',
  'embedding',
  'retrieval',
  'rerank',
  'tool_call',
  'file_processing',
] as const;
export type UsageOperation = (typeof usageOperations)[number];
export const usageOperationEnum = pgEnum('usage_operation', usageOperations);

/** The model an assistant runs on. Rows written before 0030 may hold `{}`. */
export type AssistantModelConfig = {
  /** `openai`, `anthropic`, … */
  provider: string;
  model: string;
  /** 0 to 2. */
  temperature: number;
  /** 0 to 1. */
  topP: number;
  maxTokens?: number;
  responseFormat: 'text' | 'json' | 'json_object';
};

export type AssistantTimingConfig = {
  /** Wait before replying, so a reply does not land instantly. */
  responseDelaySeconds: number;
  /** Waits longer for a person who is still typing. */
  smartDelay: boolean;
};

export const defaultAssistantModelConfig: AssistantModelConfig = {
  provider: 'openai',
  model: 'gpt-4o',
  temperature: 0.7,
  topP: 1,
  responseFormat: 'text',
};
export const defaultAssistantTimingConfig: AssistantTimingConfig = {
  responseDelaySeconds: 2,
  smartDelay: true,
};

export const fluxcoreAssistants = pgTable(
  'fluxcore_assistants',
  {
    id: id(),
    accountId: uuid('account_id').notNull(),
    name: varchar('name', { length: 255 }).notNull(),
    description: text('description'),
    /** The provider's id (`asst_…`) when the runtime is openai. */
    externalId: varchar('external_id', { length: 255 }),
    status: assistantStatusEnum('status').notNull().default('draft'),
    runtime: assistantRuntimeEnum('runtime').notNull().default('local'),
    modelConfig: jsonb('model_config')
      .$type<AssistantModelConfig>()
      .notNull()
      .default(defaultAssistantModelConfig),
    timingConfig: jsonb('timing_config')
      .$type<AssistantTimingConfig>()
      .notNull()
      .default(defaultAssistantTimingConfig),
    /** The size of the assistant's prompt material, kept by the instruction editor. */
    sizeBytes: integer('size_bytes').notNull().default(0),
    tokensUsed: integer('tokens_used').notNull().default(0),
    /** Free text (a name or id) of who changed it last, as the original's UI writes it. */
    lastModifiedBy: varchar('last_modified_by', { length: 255 }),
    ...timestamps(),
  },
  (t) => [
    ...reference(t.accountId, () => accounts.id, 'cascade'),
    // One local row per provider assistant: syncing looks rows up by the provider's id.
    uniqueIndex('fluxcore_assistants_external_id_key')
      .on(t.externalId)
      .where(sql`${t.externalId} is not null`),
  ],
);

export const fluxcoreInstructions = pgTable(
  'fluxcore_instructions',
  {
    id: id(),
    accountId: uuid('account_id').notNull(),
    name: varchar('name', { length: 255 }).notNull(),
    description: text('description'),
    visibility: assetVisibilityEnum('visibility').notNull().default('private'),
    /** The version assistants use unless they pin one. Set null if that version is removed. */
    currentVersionId: uuid('current_version_id'),
    status: instructionStatusEnum('status').notNull().default('draft'),
    /** Written and kept up to date by FluxCore itself, not edited by the account. */
    isManaged: boolean('is_managed').notNull().default(false),
    lastModifiedBy: varchar('last_modified_by', { length: 255 }),
    ...timestamps(),
  },
  (t) => [
    ...reference(t.accountId, () => accounts.id, 'cascade'),
    // Instructions and their versions point at each other. The foreign keys are added after both
    // tables exist, so the cycle is harmless in SQL; the `AnyPgColumn` return type breaks it
    // for TypeScript's inference.
    ...reference(t.currentVersionId, (): AnyPgColumn => fluxcoreInstructionVersions.id, 'set null'),
  ],
);

/** Immutable snapshots of an instruction's content: a change writes a new version. */
export const fluxcoreInstructionVersions = pgTable(
  'fluxcore_instruction_versions',
  {
    id: id(),
    instructionId: uuid('instruction_id').notNull(),
    versionNumber: integer('version_number').notNull(),
    content: text('content').notNull(),
    sizeBytes: integer('size_bytes').notNull().default(0),
    tokensEstimated: integer('tokens_estimated').notNull().default(0),
    wordCount: integer('word_count').notNull().default(0),
    lineCount: integer('line_count').notNull().default(0),
    changeLog: text('change_log'),
    createdBy: uuid('created_by'),
    createdAt: createdAt(),
  },
  (t) => [
    ...reference(t.instructionId, (): AnyPgColumn => fluxcoreInstructions.id, 'cascade', {
      indexed: false,
    }),
    ...reference(t.createdBy, () => users.id, 'set null'),
    uniqueIndex('fluxcore_instruction_versions_instruction_version_key').on(
      t.instructionId,
      t.versionNumber,
    ),
    check(
      'fluxcore_instruction_versions_counters_check',
      sql`${t.versionNumber} >= 1 and ${t.sizeBytes} >= 0 and ${t.tokensEstimated} >= 0 and ${t.wordCount} >= 0 and ${t.lineCount} >= 0`,
    ),
  ],
);

export const fluxcoreAssistantInstructions = pgTable(
  'fluxcore_assistant_instructions',
  {
    id: id(),
    assistantId: uuid('assistant_id').notNull(),
    instructionId: uuid('instruction_id').notNull(),
    /** A pinned version; null follows the instruction's current version. */
    versionId: uuid('version_id'),
    /** The position of the instruction in the assistant's prompt. */
    order: integer('order').notNull().default(0),
    isEnabled: boolean('is_enabled').notNull().default(true),
    ...timestamps(),
  },
  (t) => [
    ...reference(t.assistantId, () => fluxcoreAssistants.id, 'cascade', { indexed: false }),
    ...reference(t.instructionId, () => fluxcoreInstructions.id, 'cascade'),
    ...reference(t.versionId, () => fluxcoreInstructionVersions.id, 'set null'),
    uniqueIndex('fluxcore_assistant_instructions_assistant_instruction_key').on(
      t.assistantId,
      t.instructionId,
    ),
    check('fluxcore_assistant_instructions_order_check', sql`${t.order} >= 0`),
  ],
);

export const fluxcoreAssistantVectorStores = pgTable(
  'fluxcore_assistant_vector_stores',
  {
    id: id(),
    assistantId: uuid('assistant_id').notNull(),
    vectorStoreId: uuid('vector_store_id').notNull(),
    accessMode: vectorStoreAccessModeEnum('access_mode').notNull().default('read'),
    isEnabled: boolean('is_enabled').notNull().default(true),
    ...timestamps(),
  },
  (t) => [
    ...reference(t.assistantId, () => fluxcoreAssistants.id, 'cascade', { indexed: false }),
    ...reference(t.vectorStoreId, () => fluxcoreVectorStores.id, 'cascade'),
    uniqueIndex('fluxcore_assistant_vector_stores_assistant_store_key').on(
      t.assistantId,
      t.vectorStoreId,
    ),
  ],
);

/** The tool's function-calling schema (OpenAI format): its parameters are a JSON Schema. */
export type ToolSchema = {
  name?: string;
  description?: string;
  parameters?: Record<string, unknown>;
  [key: string]: unknown;
};

export const fluxcoreToolDefinitions = pgTable(
  'fluxcore_tool_definitions',
  {
    id: id(),
    /** The author of a custom tool; null for the platform's own tools. */
    accountId: uuid('account_id'),
    slug: varchar('slug', { length: 100 }).notNull(),
    name: varchar('name', { length: 255 }).notNull(),
    description: text('description'),
    category: varchar('category', { length: 100 }).notNull(),
    type: toolTypeEnum('type').notNull().default('internal'),
    visibility: assetVisibilityEnum('visibility').notNull().default('public'),
    schema: jsonb('schema').$type<ToolSchema>().notNull().default({}),
    authType: toolAuthTypeEnum('auth_type').notNull().default('none'),
    /** The OAuth provider when auth_type is oauth2. */
    oauthProvider: varchar('oauth_provider', { length: 100 }),
    isBuiltIn: boolean('is_built_in').notNull().default(false),
    isEnabled: boolean('is_enabled').notNull().default(true),
    /** An icon name of the UI's icon set. */
    icon: varchar('icon', { length: 100 }),
    ...timestamps(),
  },
  (t) => [
    ...reference(t.accountId, () => accounts.id, 'cascade'),
    uniqueIndex('fluxcore_tool_definitions_slug_key').on(t.slug),
  ],
);

/**
 * How to reach a connection's secret. Never the token itself: either a reference to a secret
 * store, or ciphertext with the id of the key that decrypts it. A leaked row or backup then
 * leaks no credential. A check refuses any other key.
 */
export type ToolAuthConfig = { secretRef?: string; ciphertext?: string; keyId?: string };

export const fluxcoreToolConnections = pgTable(
  'fluxcore_tool_connections',
  {
    id: id(),
    accountId: uuid('account_id').notNull(),
    toolDefinitionId: uuid('tool_definition_id').notNull(),
    status: toolConnectionStatusEnum('status').notNull().default('disconnected'),
    authConfig: jsonb('auth_config').$type<ToolAuthConfig>().notNull().default({}),
    errorMessage: text('error_message'),
    lastUsedAt: moment('last_used_at'),
    ...timestamps(),
  },
  (t) => [
    ...reference(t.accountId, () => accounts.id, 'cascade', { indexed: false }),
    ...reference(t.toolDefinitionId, () => fluxcoreToolDefinitions.id, 'cascade'),
    uniqueIndex('fluxcore_tool_connections_account_tool_key').on(t.accountId, t.toolDefinitionId),
    // Only the three keys of ToolAuthConfig: a plain token under another name is refused.
    check(
      'fluxcore_tool_connections_auth_config_check',
      sql`jsonb_typeof(${t.authConfig}) = 'object' and ${t.authConfig} - 'secretRef' - 'ciphertext' - 'keyId' = '{}'::jsonb`,
    ),
  ],
);

export type UsageLogMetadata = {
  durationMs?: number;
  conversationId?: string;
  [key: string]: unknown;
};

/**
 * Append-only telemetry of AI work, the largest table: rows are only inserted, never updated,
 * so it has no updated_at. `resource_id` has no foreign key on purpose: usage history outlives
 * the assistant, store or tool it was about.
 */
export const fluxcoreUsageLogs = pgTable(
  'fluxcore_usage_logs',
  {
    id: id(),
    accountId: uuid('account_id').notNull(),
    resourceType: usageResourceTypeEnum('resource_type').notNull(),
    resourceId: uuid('resource_id'),
    operation: usageOperationEnum('operation').notNull(),
    promptTokens: integer('prompt_tokens').notNull().default(0),
    completionTokens: integer('completion_tokens').notNull().default(0),
    /** All tokens of the operation (prompt and completion). */
    tokensUsed: integer('tokens_used').notNull().default(0),
    chunksProcessed: integer('chunks_processed').notNull().default(0),
    apiCalls: integer('api_calls').notNull().default(1),
    processingTimeMs: integer('processing_time_ms').notNull().default(0),
    costCredits: numeric('cost_credits', { precision: 10, scale: 4 }).notNull().default('0'),
    provider: varchar('provider', { length: 50 }),
    model: varchar('model', { length: 100 }),
    requestMetadata: jsonb('request_metadata').$type<UsageLogMetadata>().notNull().default({}),
    createdAt: createdAt(),
    /** The billing period the usage counts toward (dates, inclusive). */
    billingPeriodStart: date('billing_period_start'),
    billingPeriodEnd: date('billing_period_end'),
  },
  (t) => [
    ...reference(t.accountId, () => accounts.id, 'cascade', { indexed: false }),
    // Hot query: an account's usage over a billing period.
    index('fluxcore_usage_logs_account_created_at_idx').on(t.accountId, t.createdAt),
    // Rows arrive in created_at order and never change, so the physical order follows time:
    // a BRIN index serves platform-wide time ranges (rollups, retention) at a tiny fraction
    // of a B-tree's size.
    index('fluxcore_usage_logs_created_at_brin').using('brin', t.createdAt),
    check(
      'fluxcore_usage_logs_counts_check',
      sql`${t.promptTokens} >= 0 and ${t.completionTokens} >= 0 and ${t.tokensUsed} >= 0 and ${t.apiCalls} >= 0 and ${t.chunksProcessed} >= 0 and ${t.processingTimeMs} >= 0`,
    ),
    check('fluxcore_usage_logs_cost_check', sql`${t.costCredits} >= 0`),
  ],
);

export const fluxcoreAssistantsRelations = relations(fluxcoreAssistants, ({ one, many }) => ({
  account: one(accounts, { fields: [fluxcoreAssistants.accountId], references: [accounts.id] }),
  instructions: many(fluxcoreAssistantInstructions),
  vectorStores: many(fluxcoreAssistantVectorStores),
}));

export const fluxcoreInstructionsRelations = relations(fluxcoreInstructions, ({ one, many }) => ({
  account: one(accounts, { fields: [fluxcoreInstructions.accountId], references: [accounts.id] }),
  // Two links join instructions and versions, so each is named.
  currentVersion: one(fluxcoreInstructionVersions, {
    fields: [fluxcoreInstructions.currentVersionId],
    references: [fluxcoreInstructionVersions.id],
    relationName: 'instruction_current_version',
  }),
  versions: many(fluxcoreInstructionVersions, { relationName: 'instruction_versions' }),
  assistants: many(fluxcoreAssistantInstructions),
}));

export const fluxcoreInstructionVersionsRelations = relations(
  fluxcoreInstructionVersions,
  ({ one, many }) => ({
    instruction: one(fluxcoreInstructions, {
      fields: [fluxcoreInstructionVersions.instructionId],
      references: [fluxcoreInstructions.id],
      relationName: 'instruction_versions',
    }),
    creator: one(users, {
      fields: [fluxcoreInstructionVersions.createdBy],
      references: [users.id],
    }),
    assistantInstructions: many(fluxcoreAssistantInstructions),
  }),
);

export const fluxcoreAssistantInstructionsRelations = relations(
  fluxcoreAssistantInstructions,
  ({ one }) => ({
    assistant: one(fluxcoreAssistants, {
      fields: [fluxcoreAssistantInstructions.assistantId],
      references: [fluxcoreAssistants.id],
    }),
    instruction: one(fluxcoreInstructions, {
      fields: [fluxcoreAssistantInstructions.instructionId],
      references: [fluxcoreInstructions.id],
    }),
    version: one(fluxcoreInstructionVersions, {
      fields: [fluxcoreAssistantInstructions.versionId],
      references: [fluxcoreInstructionVersions.id],
    }),
  }),
);

export const fluxcoreAssistantVectorStoresRelations = relations(
  fluxcoreAssistantVectorStores,
  ({ one }) => ({
    assistant: one(fluxcoreAssistants, {
      fields: [fluxcoreAssistantVectorStores.assistantId],
      references: [fluxcoreAssistants.id],
    }),
    vectorStore: one(fluxcoreVectorStores, {
      fields: [fluxcoreAssistantVectorStores.vectorStoreId],
      references: [fluxcoreVectorStores.id],
    }),
  }),
);

export const fluxcoreToolDefinitionsRelations = relations(
  fluxcoreToolDefinitions,
  ({ one, many }) => ({
    account: one(accounts, {
      fields: [fluxcoreToolDefinitions.accountId],
      references: [accounts.id],
    }),
    connections: many(fluxcoreToolConnections),
  }),
);

export const fluxcoreToolConnectionsRelations = relations(fluxcoreToolConnections, ({ one }) => ({
  account: one(accounts, {
    fields: [fluxcoreToolConnections.accountId],
    references: [accounts.id],
  }),
  toolDefinition: one(fluxcoreToolDefinitions, {
    fields: [fluxcoreToolConnections.toolDefinitionId],
    references: [fluxcoreToolDefinitions.id],
  }),
}));

export const fluxcoreUsageLogsRelations = relations(fluxcoreUsageLogs, ({ one }) => ({
  account: one(accounts, { fields: [fluxcoreUsageLogs.accountId], references: [accounts.id] }),
}));

export type FluxcoreAssistant = typeof fluxcoreAssistants.$inferSelect;
export type NewFluxcoreAssistant = typeof fluxcoreAssistants.$inferInsert;
export type FluxcoreInstruction = typeof fluxcoreInstructions.$inferSelect;
export type NewFluxcoreInstruction = typeof fluxcoreInstructions.$inferInsert;
export type FluxcoreInstructionVersion = typeof fluxcoreInstructionVersions.$inferSelect;
export type NewFluxcoreInstructionVersion = typeof fluxcoreInstructionVersions.$inferInsert;
export type FluxcoreAssistantInstruction = typeof fluxcoreAssistantInstructions.$inferSelect;
export type NewFluxcoreAssistantInstruction = typeof fluxcoreAssistantInstructions.$inferInsert;
export type FluxcoreAssistantVectorStore = typeof fluxcoreAssistantVectorStores.$inferSelect;
export type NewFluxcoreAssistantVectorStore = typeof fluxcoreAssistantVectorStores.$inferInsert;
export type FluxcoreToolDefinition = typeof fluxcoreToolDefinitions.$inferSelect;
export type NewFluxcoreToolDefinition = typeof fluxcoreToolDefinitions.$inferInsert;
export type FluxcoreToolConnection = typeof fluxcoreToolConnections.$inferSelect;
export type NewFluxcoreToolConnection = typeof fluxcoreToolConnections.$inferInsert;
export type FluxcoreUsageLog = typeof fluxcoreUsageLogs.$inferSelect;
export type NewFluxcoreUsageLog = typeof fluxcoreUsageLogs.$inferInsert;

/** zod validators derived from the tables: `select` for rows read, `insert` for rows written. */
export const fluxcoreAssistantSchemas = {
  select: createSelectSchema(fluxcoreAssistants),
  insert: createInsertSchema(fluxcoreAssistants),
};
export const fluxcoreInstructionSchemas = {
  select: createSelectSchema(fluxcoreInstructions),
  insert: createInsertSchema(fluxcoreInstructions),
};
export const fluxcoreInstructionVersionSchemas = {
  select: createSelectSchema(fluxcoreInstructionVersions),
  insert: createInsertSchema(fluxcoreInstructionVersions),
};
export const fluxcoreAssistantInstructionSchemas = {
  select: createSelectSchema(fluxcoreAssistantInstructions),
  insert: createInsertSchema(fluxcoreAssistantInstructions),
};
export const fluxcoreAssistantVectorStoreSchemas = {
  select: createSelectSchema(fluxcoreAssistantVectorStores),
  insert: createInsertSchema(fluxcoreAssistantVectorStores),
};
export const fluxcoreToolDefinitionSchemas = {
  select: createSelectSchema(fluxcoreToolDefinitions),
  insert: createInsertSchema(fluxcoreToolDefinitions),
};
export const fluxcoreToolConnectionSchemas = {
  select: createSelectSchema(fluxcoreToolConnections),
  insert: createInsertSchema(fluxcoreToolConnections),
};
export const fluxcoreUsageLogSchemas = {
  select: createSelectSchema(fluxcoreUsageLogs),
  insert: createInsertSchema(fluxcoreUsageLogs),
};
