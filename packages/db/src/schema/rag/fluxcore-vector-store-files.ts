import { relations, sql } from 'drizzle-orm';
import {
  bigint,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  uniqueIndex,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';
import { id, reference, rowSchemas, timestamps } from '../columns.ts';
import { fluxcoreFiles } from './fluxcore-files.ts';
import { fluxcoreVectorStores } from './fluxcore-vector-stores.ts';

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
    fileId: uuid('file_id'),
    /** February's file name; May's asset holds it, so May's rows have none. */
    name: varchar('name', { length: 500 }),
    /** The provider's id (`file-…`) when the store's backend is openai. */
    externalId: varchar('external_id', { length: 255 }),
    status: varchar('status', { length: 20 }).notNull().default('in_progress'),
    attributes: jsonb('attributes').$type<VectorStoreFileAttributes>().default({}),
    // Both nullable: the original's types say `| null` and its sync code writes null.
    chunkingStrategy: jsonb('chunking_strategy')
      .$type<VectorStoreFileChunkingStrategy>()
      .default({}),
    lastError: jsonb('last_error').$type<VectorStoreFileError>().default({}),
    chunkCount: integer('chunk_count').default(0),
    usageBytes: bigint('usage_bytes', { mode: 'number' }).default(0),
    mimeType: varchar('mime_type', { length: 100 }),
    sizeBytes: integer('size_bytes').default(0),
    /** The local backend's processing error, as text (last_error is OpenAI's object). */
    errorMessage: text('error_message'),
    lastModifiedBy: varchar('last_modified_by', { length: 255 }),
    ...timestamps(),
  },
  (t) => [
    ...reference(t.vectorStoreId, () => fluxcoreVectorStores.id, 'cascade', { indexed: false }),
    // No foreign key on file_id: February's rows point at fluxcore_files, May's at assets (its
    // 051_asset_centric_rag moved the key), and one table holds both lineages' rows, so a key
    // to either would refuse the other's (as 0035 did for the chunks). The index stays.
    index('fluxcore_vector_store_files_file_id_idx').on(t.fileId),
    // A file is in a store once: attaching it again is an upsert.
    uniqueIndex('fluxcore_vector_store_files_store_file_key').on(t.vectorStoreId, t.fileId),
    check(
      'fluxcore_vector_store_files_counts_check',
      sql`${t.chunkCount} >= 0 and ${t.usageBytes} >= 0`,
    ),
  ],
);

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

export type FluxcoreVectorStoreFile = typeof fluxcoreVectorStoreFiles.$inferSelect;
export type NewFluxcoreVectorStoreFile = typeof fluxcoreVectorStoreFiles.$inferInsert;

export const fluxcoreVectorStoreFileSchemas = rowSchemas(fluxcoreVectorStoreFiles);
