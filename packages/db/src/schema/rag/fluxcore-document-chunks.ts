import { relations, sql } from 'drizzle-orm';
import {
  check,
  customType,
  integer,
  jsonb,
  pgTable,
  text,
  uniqueIndex,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';
import { accounts } from '../chat/accounts.ts';
import { id, reference, rowSchemas, timestamps } from '../columns.ts';
import { fluxcoreFiles } from './fluxcore-files.ts';
import { fluxcoreVectorStores } from './fluxcore-vector-stores.ts';

export type DocumentChunkMetadata = {
  pageNumber?: number;
  sectionTitle?: string;
  startChar?: number;
  endChar?: number;
  [key: string]: unknown;
};

/**
 * pgvector's `vector` without a dimension, as the original's May column: each row keeps the
 * width its model gave (054_chunk_dimensions). drizzle's `vector()` needs a dimension, so
 * this is a custom type that reads and writes the same text form.
 */
export const anyVector = customType<{ data: number[]; driverData: string }>({
  dataType: () => 'vector',
  toDriver: (value) => JSON.stringify(value),
  fromDriver: (value) =>
    value === '[]' ? [] : String(value).slice(1, -1).split(',').map(Number.parseFloat),
});

/**
 * The text chunks of the local backend and their embeddings. Re-indexing a file deletes its
 * chunks and writes new ones; updated_at moves only when a chunk's metadata is corrected.
 */
export const fluxcoreDocumentChunks = pgTable(
  'fluxcore_document_chunks',
  {
    id: id(),
    /** February's chunks name their store; May's reach it through their file only. */
    vectorStoreId: uuid('vector_store_id'),
    fileId: uuid('file_id').notNull(),
    accountId: uuid('account_id').notNull(),
    content: text('content').notNull(),
    chunkIndex: integer('chunk_index').notNull(),
    tokenCount: integer('token_count').notNull().default(0),
    metadata: jsonb('metadata').$type<DocumentChunkMetadata>().default({}),
    /**
     * Null until embedded: the original inserts chunks first and embeds them later. Any
     * dimension: a store's chunks share their model's, and each large store's HNSW index
     * (operations/rag/store-indexes.ts) is on `embedding::vector(N)` for its N.
     */
    embedding: anyVector('embedding'),
    /** The May lineage's model and width of the embedding (054_chunk_dimensions). */
    embeddingModel: varchar('embedding_model', { length: 255 }),
    dimensions: integer('dimensions'),
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
    // One chunk per index of a file and embedding model: May keeps a file's chunks once per model
    // (its idx_document_chunks_file_chunk_model); February's rows have no model and stay one per index.
    uniqueIndex('fluxcore_document_chunks_file_model_chunk_key').on(
      t.fileId,
      sql`coalesce(${t.embeddingModel}, '')`,
      t.chunkIndex,
    ),
    // No HNSW index on the whole column: an HNSW index needs one dimension, and a search reads
    // one store. Each large store has its own, partial and on `embedding::vector(N)`, made and
    // dropped as the store grows and shrinks (operations/rag/store-indexes.ts).
    check(
      'fluxcore_document_chunks_counts_check',
      sql`${t.chunkIndex} >= 0 and ${t.tokenCount} >= 0`,
    ),
  ],
);

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

export type FluxcoreDocumentChunk = typeof fluxcoreDocumentChunks.$inferSelect;
export type NewFluxcoreDocumentChunk = typeof fluxcoreDocumentChunks.$inferInsert;

export const fluxcoreDocumentChunkSchemas = rowSchemas(fluxcoreDocumentChunks);
