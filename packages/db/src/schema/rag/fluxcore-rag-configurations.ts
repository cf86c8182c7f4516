import { relations, sql } from 'drizzle-orm';
import {
  boolean,
  check,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  text,
  uniqueIndex,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';
import { accounts } from '../chat/accounts.ts';
import { id, reference, rowSchemas, timestamps } from '../columns.ts';
import { embeddingDimensions } from './constants.ts';
import { fluxcoreVectorStores } from './fluxcore-vector-stores.ts';

/** The file types RAG processes unless a configuration narrows them. */
export const ragDefaultMimeTypes = [
  'application/pdf',
  'text/plain',
  'text/markdown',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
];

/** RAG settings of a vector store, an account, both, or neither (the system default). */
export const fluxcoreRagConfigurations = pgTable(
  'fluxcore_rag_configurations',
  {
    id: id(),
    vectorStoreId: uuid('vector_store_id'),
    accountId: uuid('account_id'),
    name: varchar('name', { length: 100 }),
    isDefault: boolean('is_default').default(false),
    // Chunking.
    chunkingStrategy: varchar('chunking_strategy', { length: 50 }).notNull().default('recursive'),
    chunkSizeTokens: integer('chunk_size_tokens').default(512),
    chunkOverlapTokens: integer('chunk_overlap_tokens').default(50),
    /** The recursive strategy's separators, tried in order. */
    chunkSeparators: jsonb('chunk_separators')
      .$type<string[]>()

      .default(['\n\n', '\n', '. ', ' ']),
    chunkCustomRegex: text('chunk_custom_regex'),
    minChunkSize: integer('min_chunk_size').default(50),
    maxChunkSize: integer('max_chunk_size').default(2000),
    // Embedding.
    embeddingProvider: varchar('embedding_provider', { length: 50 }).notNull().default('openai'),
    embeddingModel: varchar('embedding_model', { length: 100 }).default('text-embedding-3-small'),
    embeddingDimensions: integer('embedding_dimensions').default(embeddingDimensions),
    embeddingBatchSize: integer('embedding_batch_size').default(100),
    embeddingEndpointUrl: text('embedding_endpoint_url'),
    /** A reference to a secret store entry, never the key itself. */
    embeddingApiKeyRef: varchar('embedding_api_key_ref', { length: 255 }),
    // Retrieval.
    retrievalTopK: integer('retrieval_top_k').default(10),
    /** Cosine similarity (1 − distance) a chunk must reach to be returned. */
    retrievalMinScore: numeric('retrieval_min_score', { precision: 4, scale: 3 }).default('0.300'),
    retrievalMaxTokens: integer('retrieval_max_tokens').default(2000),
    hybridSearchEnabled: boolean('hybrid_search_enabled').default(false),
    hybridKeywordWeight: numeric('hybrid_keyword_weight', { precision: 3, scale: 2 }).default(
      '0.30',
    ),
    rerankEnabled: boolean('rerank_enabled').default(false),
    rerankProvider: varchar('rerank_provider', { length: 50 }),
    rerankModel: varchar('rerank_model', { length: 100 }),
    rerankTopN: integer('rerank_top_n').default(5),
    // Processing.
    supportedMimeTypes: jsonb('supported_mime_types')
      .$type<string[]>()

      .default(ragDefaultMimeTypes),
    ocrEnabled: boolean('ocr_enabled').default(false),
    /** Tesseract's language code. */
    ocrLanguage: varchar('ocr_language', { length: 10 }).default('spa'),
    extractMetadata: boolean('extract_metadata').default(true),
    metadataFields: jsonb('metadata_fields')
      .$type<string[]>()

      .default(['title', 'author', 'created_date', 'page_count']),
    ...timestamps(),
  },
  (t) => [
    ...reference(t.vectorStoreId, () => fluxcoreVectorStores.id, 'cascade', { indexed: false }),
    ...reference(t.accountId, () => accounts.id, 'cascade', { indexed: false }),
    // Neither, one or both scope ids, and several configurations per account: the original's
    // ragConfigService.create writes both ids, its listByAccount returns several, and its seed
    // row "System Default" has neither (see original/tightenings.ts, relaxed). One per store.
    uniqueIndex('fluxcore_rag_configurations_vector_store_id_key')
      .on(t.vectorStoreId)
      .where(sql`${t.vectorStoreId} is not null`),
    index('fluxcore_rag_configurations_account_id_idx').on(t.accountId),
    check(
      'fluxcore_rag_configurations_chunking_check',
      sql`${t.chunkSizeTokens} > 0 and ${t.chunkOverlapTokens} >= 0 and ${t.chunkOverlapTokens} < ${t.chunkSizeTokens}`,
    ),
    // No check on embedding_dimensions: the May lineage embeds at any width (054_chunk_dimensions).
    check('fluxcore_rag_configurations_top_k_check', sql`${t.retrievalTopK} between 1 and 100`),
    check(
      'fluxcore_rag_configurations_min_score_check',
      sql`${t.retrievalMinScore} between 0 and 1`,
    ),
  ],
);

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

export type FluxcoreRagConfiguration = typeof fluxcoreRagConfigurations.$inferSelect;
export type NewFluxcoreRagConfiguration = typeof fluxcoreRagConfigurations.$inferInsert;

export const fluxcoreRagConfigurationSchemas = rowSchemas(fluxcoreRagConfigurations);
