import { relations, sql } from 'drizzle-orm';
import { bigint, check, pgTable, text, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';
import { accounts } from '../chat/accounts.ts';
import { users } from '../chat/users.ts';
import { id, nullableTimestamps, reference, rowSchemas } from '../columns.ts';
import { fluxcoreDocumentChunks } from './fluxcore-document-chunks.ts';
import { fluxcoreVectorStoreFiles } from './fluxcore-vector-store-files.ts';

export const fluxcoreFiles = pgTable(
  'fluxcore_files',
  {
    id: id(),
    accountId: uuid('account_id').notNull(),
    name: varchar('name', { length: 500 }).notNull(),
    originalName: varchar('original_name', { length: 500 }),
    mimeType: varchar('mime_type', { length: 200 }).default('application/octet-stream'),
    sizeBytes: bigint('size_bytes', { mode: 'number' }).default(0),
    /** The extracted plain text that chunking reads. */
    textContent: text('text_content'),
    /** sha-256 (hex) of the file's bytes. */
    contentHash: varchar('content_hash', { length: 64 }),
    uploadedBy: uuid('uploaded_by'),
    ...nullableTimestamps(),
  },
  (t) => [
    ...reference(t.accountId, () => accounts.id, 'cascade', { indexed: false }),
    ...reference(t.uploadedBy, () => users.id, 'set null'),
    // An account uploads the same bytes once: a second upload reuses the file.
    uniqueIndex('fluxcore_files_account_content_hash_key').on(t.accountId, t.contentHash),
    check('fluxcore_files_size_check', sql`${t.sizeBytes} >= 0`),
  ],
);

export const fluxcoreFilesRelations = relations(fluxcoreFiles, ({ one, many }) => ({
  account: one(accounts, { fields: [fluxcoreFiles.accountId], references: [accounts.id] }),
  uploader: one(users, { fields: [fluxcoreFiles.uploadedBy], references: [users.id] }),
  vectorStoreFiles: many(fluxcoreVectorStoreFiles),
  chunks: many(fluxcoreDocumentChunks),
}));

export type FluxcoreFile = typeof fluxcoreFiles.$inferSelect;
export type NewFluxcoreFile = typeof fluxcoreFiles.$inferInsert;

export const fluxcoreFileSchemas = rowSchemas(fluxcoreFiles);
