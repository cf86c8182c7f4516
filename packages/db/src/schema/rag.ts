/**
 * Vector stores and RAG (DOMAIN.md §5): knowledge bases, the files in them, their chunks with
 * pgvector embeddings, and the RAG settings of a store or an account. History: the FluxCore
 * "vector stores and RAG" group of the 2026-02-08 audit, whose migration also runs
 * `create extension if not exists vector`.
 */
import { relations, sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
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
  vector,
} from 'drizzle-orm/pg-core';
import { createInsertSchema, createSelectSchema } from 'drizzle-zod';
import { accounts, users } from './chat.ts';
import { exactlyOneOf, id, moment, reference, timestamps } from './columns.ts';

/**
 * The width of every embedding: OpenAI text-embedding-3-small returns 1536 numbers. The
 * chunks column is `vector(1536)`, so a RAG configuration cannot ask for another width.
 */
export const embeddingDimensions = 1536;

/** Who may see a vector store, an instruction or a tool (one enum for the three). */
export const assetVisibilities = ['private', 'shared', 'public', 'marketplace'] as const;
export type AssetVisibility = (typeof assetVisibilities)[number];
export const assetVisibilityEnum = pgEnum('asset_visibility', assetVisibilities);

/** Where the embeddings live: pgvector here, or OpenAI's vector store service. */
export const vectorStoreBackends = ['local', 'openai'] as const;
export type VectorStoreBackend = (typeof vectorStoreBackends)[number];
export const vectorStoreBackendEnum = pgEnum('vector_store_backend', vectorStoreBackends);

/** `expired` is set once `expires_at` has passed (the OpenAI expiry policy). */
export const vectorStoreStatuses = ['draft', 'production', 'disabled', 'expired'] as const;
export type VectorStoreStatus = (typeof vectorStoreStatuses)[number];
export const vectorStoreStatusEnum = pgEnum('vector_store_status', vectorStoreStatuses);

/** Where a store's content came from: built by the account, or copied from a marketplace listing. */
/** `cache`: the original's local copy of a store whose backend is elsewhere. */
export const vectorStoreSources = ['primary', 'marketplace', 'cache'] as const;
export type VectorStoreSource = (typeof vectorStoreSources)[number];
export const vectorStoreSourceEnum = pgEnum('vector_store_source', vectorStoreSources);

/** The processing state of one file in one store (OpenAI's vector store file statuses). */
/** OpenAI's four states, plus the original's `pending` and `processing` for the local backend. */
export const vectorStoreFileStatuses = [
  'in_progress',
  'completed',
  'failed',
  'cancelled',
  'pending',
  'processing',
] as const;
export type VectorStoreFileStatus = (typeof vectorStoreFileStatuses)[number];
export const vectorStoreFileStatusEnum = pgEnum(
  'vector_store_file_status',
  vectorStoreFileStatuses,
);

export const ragChunkingStrategies = [
  'fixed',
  'recursive',
  'sentence',
  'paragraph',
  'semantic',
  /** By pages (PDFs). */
  'page',
  /** By chunk_custom_regex. */
  'custom',
] as const;
export type RagChunkingStrategy = (typeof ragChunkingStrategies)[number];
export const ragChunkingStrategyEnum = pgEnum('rag_chunking_strategy', ragChunkingStrategies);

/** OpenAI-style metadata: up to 16 short string pairs. */
export type VectorStoreMetadata = Record<string, string>;

/** The count of a store's files per status, as OpenAI reports it. */
export type VectorStoreFileCounts = Partial<Record<VectorStoreFileStatus | 'total', number>>;

export type VectorStoreUsage = {
  bytesUsed?: number;
  hoursUsedThisMonth?: number;
  costPerGBPerDay?: number;
  [key: string]: unknown;
};

/** How a store expires: never, or after days of inactivity (OpenAI's last_active_at anchor). */
export const vectorStoreExpirationPolicies = ['never', 'days_after_last_use'] as const;

/** OpenAI's expiry policy; `{}` means the store never expires. */
export type VectorStoreExpiresAfter = { anchor?: 'last_active_at'; days?: number };

export const fluxcoreVectorStores = pgTable(
  'fluxcore_vector_stores',
  {
    id: id(),
    accountId: uuid('account_id').notNull(),
    name: varchar('name', { length: 255 }).notNull(),
    description: text('description'),
    /** The provider's id (`vs_…`) when the backend is openai. */
    externalId: varchar('external_id', { length: 255 }),
    visibility: assetVisibilityEnum('visibility').notNull().default('private'),
    status: vectorStoreStatusEnum('status').notNull().default('draft'),
    backend: vectorStoreBackendEnum('backend').notNull().default('local'),
    source: vectorStoreSourceEnum('source').notNull().default('primary'),
    metadata: jsonb('metadata').$type<VectorStoreMetadata>().notNull().default({}),
    fileCounts: jsonb('file_counts')
      .$type<VectorStoreFileCounts>()
      .notNull()
      .default({ in_progress: 0, completed: 0, failed: 0, cancelled: 0, total: 0 }),
    usage: jsonb('usage')
      .$type<VectorStoreUsage>()
      .notNull()
      .default({ bytesUsed: 0, hoursUsedThisMonth: 0, costPerGBPerDay: 0.1 }),
    /** The local backend's totals (the original's columns; file_counts is OpenAI's view). */
    fileCount: integer('file_count').notNull().default(0),
    sizeBytes: integer('size_bytes').notNull().default(0),
    usageBytes: bigint('usage_bytes', { mode: 'number' }).notNull().default(0),
    /** `never`, or another policy with expiration_days (see vectorStoreExpirationPolicies). */
    expirationPolicy: varchar('expiration_policy', { length: 50 }).notNull().default('never'),
    expirationDays: integer('expiration_days'),
    lastModifiedBy: varchar('last_modified_by', { length: 255 }),
    expiresAfter: jsonb('expires_after').$type<VectorStoreExpiresAfter>().notNull().default({}),
    expiresAt: moment('expires_at'),
    /** The anchor of the expiry policy. */
    lastActiveAt: moment('last_active_at'),
    ...timestamps(),
  },
  (t) => [
    ...reference(t.accountId, () => accounts.id, 'cascade'),
    // One local row per provider store: syncing looks rows up by the provider's id.
    uniqueIndex('fluxcore_vector_stores_external_id_key')
      .on(t.externalId)
      .where(sql`${t.externalId} is not null`),
    // The expiry sweep reads only stores that can expire.
    index('fluxcore_vector_stores_expires_at_idx')
      .on(t.expiresAt)
      .where(sql`${t.expiresAt} is not null`),
  ],
);

export const fluxcoreFiles = pgTable(
  'fluxcore_files',
  {
    id: id(),
    accountId: uuid('account_id').notNull(),
    name: varchar('name', { length: 500 }).notNull(),
    originalName: varchar('original_name', { length: 500 }),
    mimeType: varchar('mime_type', { length: 200 }).notNull().default('application/octet-stream'),
    sizeBytes: bigint('size_bytes', { mode: 'number' }).notNull().default(0),
    /** The extracted plain text that chunking reads. */
    textContent: text('text_content'),
    /** sha-256 (hex) of the file's bytes. */
    contentHash: varchar('content_hash', { length: 64 }).notNull(),
    uploadedBy: uuid('uploaded_by'),
    ...timestamps(),
  },
  (t) => [
    ...reference(t.accountId, () => accounts.id, 'cascade', { indexed: false }),
    ...reference(t.uploadedBy, () => users.id, 'set null'),
    // An account uploads the same bytes once: a second upload reuses the file.
    uniqueIndex('fluxcore_files_account_content_hash_key').on(t.accountId, t.contentHash),
    check('fluxcore_files_size_check', sql`${t.sizeBytes} >= 0`),
  ],
);

/** OpenAI's chunking strategy of a store file: `auto`, or `static` with its sizes. */
export type VectorStoreFileChunkingStrategy = {
  type?: 'auto' | 'static';
  static?: { maxChunkSizeTokens: number; chunkOverlapTokens: number };
};

export type VectorStoreFileAttributes = Record<string, string | number | boolean>;

/** `{}` while nothing went wrong. */
export type VectorStoreFileError = { code?: string; message?: string };

export const fluxcoreVectorStoreFiles = pgTable(
  'fluxcore_vector_store_files',
  {
    id: id(),
    vectorStoreId: uuid('vector_store_id').notNull(),
    fileId: uuid('file_id').notNull(),
    name: varchar('name', { length: 500 }).notNull(),
    /** The provider's id (`file-…`) when the store's backend is openai. */
    externalId: varchar('external_id', { length: 255 }),
    status: vectorStoreFileStatusEnum('status').notNull().default('in_progress'),
    attributes: jsonb('attributes').$type<VectorStoreFileAttributes>().notNull().default({}),
    chunkingStrategy: jsonb('chunking_strategy')
      .$type<VectorStoreFileChunkingStrategy>()
      .notNull()
      .default({}),
    lastError: jsonb('last_error').$type<VectorStoreFileError>().notNull().default({}),
    chunkCount: integer('chunk_count').notNull().default(0),
    usageBytes: bigint('usage_bytes', { mode: 'number' }).notNull().default(0),
    mimeType: varchar('mime_type', { length: 100 }),
    sizeBytes: integer('size_bytes').notNull().default(0),
    /** The local backend's processing error, as text (last_error is OpenAI's object). */
    errorMessage: text('error_message'),
    lastModifiedBy: varchar('last_modified_by', { length: 255 }),
    ...timestamps(),
  },
  (t) => [
    ...reference(t.vectorStoreId, () => fluxcoreVectorStores.id, 'cascade', { indexed: false }),
    ...reference(t.fileId, () => fluxcoreFiles.id, 'cascade'),
    // A file is in a store once: attaching it again is an upsert.
    uniqueIndex('fluxcore_vector_store_files_store_file_key').on(t.vectorStoreId, t.fileId),
    check(
      'fluxcore_vector_store_files_counts_check',
      sql`${t.chunkCount} >= 0 and ${t.usageBytes} >= 0`,
    ),
  ],
);

export type DocumentChunkMetadata = {
  pageNumber?: number;
  sectionTitle?: string;
  startChar?: number;
  endChar?: number;
  [key: string]: unknown;
};

/**
 * The text chunks of the local backend and their embeddings. Re-indexing a file deletes its
 * chunks and writes new ones; updated_at moves only when a chunk's metadata is corrected.
 */
export const fluxcoreDocumentChunks = pgTable(
  'fluxcore_document_chunks',
  {
    id: id(),
    vectorStoreId: uuid('vector_store_id').notNull(),
    fileId: uuid('file_id').notNull(),
    accountId: uuid('account_id').notNull(),
    content: text('content').notNull(),
    chunkIndex: integer('chunk_index').notNull(),
    tokenCount: integer('token_count').notNull().default(0),
    metadata: jsonb('metadata').$type<DocumentChunkMetadata>().notNull().default({}),
    embedding: vector('embedding', { dimensions: embeddingDimensions }).notNull(),
    /** Where the chunk came from in its file. */
    pageNumber: integer('page_number'),
    sectionTitle: varchar('section_title', { length: 255 }),
    startChar: integer('start_char'),
    endChar: integer('end_char'),
    ...timestamps(),
  },
  (t) => [
    ...reference(t.vectorStoreId, () => fluxcoreVectorStores.id, 'cascade'),
    // No foreign key on file_id: the original's points at fluxcore_vector_store_files (its
    // chunks belong to a file's membership in a store), this package's code wrote
    // fluxcore_files ids, and a real database holds the former. Either key is kept as it is;
    // the chunks still go when their store or account does (cascades above and below), and the
    // unique index below keeps file_id indexed.
    ...reference(t.accountId, () => accounts.id, 'cascade'),
    uniqueIndex('fluxcore_document_chunks_file_chunk_key').on(t.fileId, t.chunkIndex),
    // Hot query: a store's top-k chunks by cosine distance. m = 16 and ef_construction = 64 are
    // pgvector's defaults: good recall for 1536 dimensions at a moderate build cost and size.
    // Recall is tuned per query with `hnsw.ef_search`, without rebuilding the index.
    index('fluxcore_document_chunks_embedding_hnsw_idx')
      .using('hnsw', t.embedding.op('vector_cosine_ops'))
      .with({ m: 16, ef_construction: 64 }),
    check(
      'fluxcore_document_chunks_counts_check',
      sql`${t.chunkIndex} >= 0 and ${t.tokenCount} >= 0`,
    ),
  ],
);

/** The file types RAG processes unless a configuration narrows them. */
export const ragDefaultMimeTypes = [
  'application/pdf',
  'text/plain',
  'text/markdown',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
];

/** RAG settings for exactly one vector store or one account (the account's default). */
export const fluxcoreRagConfigurations = pgTable(
  'fluxcore_rag_configurations',
  {
    id: id(),
    vectorStoreId: uuid('vector_store_id'),
    accountId: uuid('account_id'),
    name: varchar('name', { length: 100 }),
    isDefault: boolean('is_default').notNull().default(false),
    // Chunking.
    chunkingStrategy: ragChunkingStrategyEnum('chunking_strategy').notNull().default('recursive'),
    chunkSizeTokens: integer('chunk_size_tokens').notNull().default(512),
    chunkOverlapTokens: integer('chunk_overlap_tokens').notNull().default(50),
    /** The recursive strategy's separators, tried in order. */
    chunkSeparators: jsonb('chunk_separators')
      .$type<string[]>()
      .notNull()
      .default(['\n\n', '\n', '. ', ' ']),
    chunkCustomRegex: text('chunk_custom_regex'),
    minChunkSize: integer('min_chunk_size').notNull().default(50),
    maxChunkSize: integer('max_chunk_size').notNull().default(2000),
    // Embedding.
    embeddingProvider: varchar('embedding_provider', { length: 50 }).notNull().default('openai'),
    embeddingModel: varchar('embedding_model', { length: 100 })
      .notNull()
      .default('text-embedding-3-small'),
    embeddingDimensions: integer('embedding_dimensions').notNull().default(embeddingDimensions),
    embeddingBatchSize: integer('embedding_batch_size').notNull().default(100),
    embeddingEndpointUrl: text('embedding_endpoint_url'),
    /** A reference to a secret store entry, never the key itself. */
    embeddingApiKeyRef: varchar('embedding_api_key_ref', { length: 255 }),
    // Retrieval.
    retrievalTopK: integer('retrieval_top_k').notNull().default(10),
    /** Cosine similarity (1 − distance) a chunk must reach to be returned. */
    retrievalMinScore: numeric('retrieval_min_score', { precision: 4, scale: 3 })
      .notNull()
      .default('0.300'),
    retrievalMaxTokens: integer('retrieval_max_tokens').notNull().default(2000),
    hybridSearchEnabled: boolean('hybrid_search_enabled').notNull().default(false),
    hybridKeywordWeight: numeric('hybrid_keyword_weight', { precision: 3, scale: 2 })
      .notNull()
      .default('0.30'),
    rerankEnabled: boolean('rerank_enabled').notNull().default(false),
    rerankProvider: varchar('rerank_provider', { length: 50 }),
    rerankModel: varchar('rerank_model', { length: 100 }),
    rerankTopN: integer('rerank_top_n').notNull().default(5),
    // Processing.
    supportedMimeTypes: jsonb('supported_mime_types')
      .$type<string[]>()
      .notNull()
      .default(ragDefaultMimeTypes),
    ocrEnabled: boolean('ocr_enabled').notNull().default(false),
    /** Tesseract's language code. */
    ocrLanguage: varchar('ocr_language', { length: 10 }).notNull().default('spa'),
    extractMetadata: boolean('extract_metadata').notNull().default(true),
    metadataFields: jsonb('metadata_fields')
      .$type<string[]>()
      .notNull()
      .default(['title', 'author', 'created_date', 'page_count']),
    ...timestamps(),
  },
  (t) => [
    ...reference(t.vectorStoreId, () => fluxcoreVectorStores.id, 'cascade', { indexed: false }),
    ...reference(t.accountId, () => accounts.id, 'cascade', { indexed: false }),
    check(
      'fluxcore_rag_configurations_one_scope_check',
      exactlyOneOf(t.vectorStoreId, t.accountId),
    ),
    // One configuration per store and one per account.
    uniqueIndex('fluxcore_rag_configurations_vector_store_id_key')
      .on(t.vectorStoreId)
      .where(sql`${t.vectorStoreId} is not null`),
    uniqueIndex('fluxcore_rag_configurations_account_id_key')
      .on(t.accountId)
      .where(sql`${t.accountId} is not null`),
    check(
      'fluxcore_rag_configurations_chunking_check',
      sql`${t.chunkSizeTokens} > 0 and ${t.chunkOverlapTokens} >= 0 and ${t.chunkOverlapTokens} < ${t.chunkSizeTokens}`,
    ),
    // The chunks column is vector(1536): another width could never be stored.
    check(
      'fluxcore_rag_configurations_embedding_dimensions_check',
      sql`${t.embeddingDimensions} = ${sql.raw(String(embeddingDimensions))}`,
    ),
    check('fluxcore_rag_configurations_top_k_check', sql`${t.retrievalTopK} between 1 and 100`),
    check(
      'fluxcore_rag_configurations_min_score_check',
      sql`${t.retrievalMinScore} between 0 and 1`,
    ),
  ],
);

export const fluxcoreVectorStoresRelations = relations(fluxcoreVectorStores, ({ one, many }) => ({
  account: one(accounts, { fields: [fluxcoreVectorStores.accountId], references: [accounts.id] }),
  files: many(fluxcoreVectorStoreFiles),
  chunks: many(fluxcoreDocumentChunks),
  ragConfiguration: one(fluxcoreRagConfigurations),
}));

export const fluxcoreFilesRelations = relations(fluxcoreFiles, ({ one, many }) => ({
  account: one(accounts, { fields: [fluxcoreFiles.accountId], references: [accounts.id] }),
  uploader: one(users, { fields: [fluxcoreFiles.uploadedBy], references: [users.id] }),
  vectorStoreFiles: many(fluxcoreVectorStoreFiles),
  chunks: many(fluxcoreDocumentChunks),
}));

export const fluxcoreVectorStoreFilesRelations = relations(fluxcoreVectorStoreFiles, ({ one }) => ({
  vectorStore: one(fluxcoreVectorStores, {
    fields: [fluxcoreVectorStoreFiles.vectorStoreId],
    references: [fluxcoreVectorStores.id],
  }),
  file: one(fluxcoreFiles, {
    fields: [fluxcoreVectorStoreFiles.fileId],
    references: [fluxcoreFiles.id],
  }),
}));

export const fluxcoreDocumentChunksRelations = relations(fluxcoreDocumentChunks, ({ one }) => ({
  vectorStore: one(fluxcoreVectorStores, {
    fields: [fluxcoreDocumentChunks.vectorStoreId],
    references: [fluxcoreVectorStores.id],
  }),
  file: one(fluxcoreFiles, {
    fields: [fluxcoreDocumentChunks.fileId],
    references: [fluxcoreFiles.id],
  }),
  account: one(accounts, { fields: [fluxcoreDocumentChunks.accountId], references: [accounts.id] }),
}));

export const fluxcoreRagConfigurationsRelations = relations(
  fluxcoreRagConfigurations,
  ({ one }) => ({
    vectorStore: one(fluxcoreVectorStores, {
      fields: [fluxcoreRagConfigurations.vectorStoreId],
      references: [fluxcoreVectorStores.id],
    }),
    account: one(accounts, {
      fields: [fluxcoreRagConfigurations.accountId],
      references: [accounts.id],
    }),
  }),
);

export type FluxcoreVectorStore = typeof fluxcoreVectorStores.$inferSelect;
export type NewFluxcoreVectorStore = typeof fluxcoreVectorStores.$inferInsert;
export type FluxcoreFile = typeof fluxcoreFiles.$inferSelect;
export type NewFluxcoreFile = typeof fluxcoreFiles.$inferInsert;
export type FluxcoreVectorStoreFile = typeof fluxcoreVectorStoreFiles.$inferSelect;
export type NewFluxcoreVectorStoreFile = typeof fluxcoreVectorStoreFiles.$inferInsert;
export type FluxcoreDocumentChunk = typeof fluxcoreDocumentChunks.$inferSelect;
export type NewFluxcoreDocumentChunk = typeof fluxcoreDocumentChunks.$inferInsert;
export type FluxcoreRagConfiguration = typeof fluxcoreRagConfigurations.$inferSelect;
export type NewFluxcoreRagConfiguration = typeof fluxcoreRagConfigurations.$inferInsert;

/** zod validators derived from the tables: `select` for rows read, `insert` for rows written. */
export const fluxcoreVectorStoreSchemas = {
  select: createSelectSchema(fluxcoreVectorStores),
  insert: createInsertSchema(fluxcoreVectorStores),
};
export const fluxcoreFileSchemas = {
  select: createSelectSchema(fluxcoreFiles),
  insert: createInsertSchema(fluxcoreFiles),
};
export const fluxcoreVectorStoreFileSchemas = {
  select: createSelectSchema(fluxcoreVectorStoreFiles),
  insert: createInsertSchema(fluxcoreVectorStoreFiles),
};
export const fluxcoreDocumentChunkSchemas = {
  select: createSelectSchema(fluxcoreDocumentChunks),
  insert: createInsertSchema(fluxcoreDocumentChunks),
};
export const fluxcoreRagConfigurationSchemas = {
  select: createSelectSchema(fluxcoreRagConfigurations),
  insert: createInsertSchema(fluxcoreRagConfigurations),
};
