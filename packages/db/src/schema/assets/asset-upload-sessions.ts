import { relations, sql } from 'drizzle-orm';
import { bigint, check, index, integer, jsonb, pgTable, uuid, varchar } from 'drizzle-orm/pg-core';
import { accounts } from '../chat/accounts.ts';
import { users } from '../chat/users.ts';
import { id, moment, nullableTimestamps, reference, rowSchemas } from '../columns.ts';
import { assetAuditLogs } from './asset-audit-logs.ts';
import { assets } from './assets.ts';
import { assetUploadSessionStatusEnum } from './constants.ts';

/** A chunked upload in progress; it becomes an asset when committed. */
export const assetUploadSessions = pgTable(
  'asset_upload_sessions',
  {
    id: id(),
    accountId: uuid('account_id').notNull(),
    uploadedBy: uuid('uploaded_by'),
    status: assetUploadSessionStatusEnum('status').notNull().default('active'),
    fileName: varchar('file_name', { length: 500 }),
    mimeType: varchar('mime_type', { length: 200 }),
    /** Where the chunks are staged until commit. */
    tempStorageKey: varchar('temp_storage_key', { length: 1000 }),
    totalBytes: bigint('total_bytes', { mode: 'number' }),
    bytesUploaded: bigint('bytes_uploaded', { mode: 'number' }).default(0),
    /** The most the session accepts (100 MiB unless a policy says otherwise). */
    maxSizeBytes: bigint('max_size_bytes', { mode: 'number' }).notNull().default(104_857_600),
    /** Empty: any type. */
    allowedMimeTypes: jsonb('allowed_mime_types').$type<string[]>().default([]),
    chunkSize: integer('chunk_size').notNull().default(5_242_880),
    chunksTotal: integer('chunks_total'),
    chunksReceived: bigint('chunks_received', { mode: 'number' }).default(0),
    assetId: uuid('asset_id'),
    expiresAt: moment('expires_at').notNull(),
    committedAt: moment('committed_at'),
    ...nullableTimestamps(),
  },
  (t) => [
    ...reference(t.accountId, () => accounts.id, 'cascade'),
    ...reference(t.uploadedBy, () => users.id, 'set null'),
    ...reference(t.assetId, () => assets.id, 'set null'),
    // The sweeper expires stale sessions.
    index('asset_upload_sessions_expires_at_idx').on(t.expiresAt),
    check(
      'asset_upload_sessions_bytes_check',
      sql`${t.totalBytes} >= 0 and ${t.bytesUploaded} >= 0 and ${t.bytesUploaded} <= ${t.totalBytes}`,
    ),
    check(
      'asset_upload_sessions_chunks_check',
      sql`${t.chunkSize} > 0 and ${t.chunksTotal} >= 0 and ${t.chunksReceived} >= 0 and ${t.chunksReceived} <= ${t.chunksTotal}`,
    ),
  ],
);

export const assetUploadSessionsRelations = relations(assetUploadSessions, ({ one, many }) => ({
  account: one(accounts, { fields: [assetUploadSessions.accountId], references: [accounts.id] }),
  uploader: one(users, { fields: [assetUploadSessions.uploadedBy], references: [users.id] }),
  asset: one(assets, { fields: [assetUploadSessions.assetId], references: [assets.id] }),
  auditLogs: many(assetAuditLogs),
}));

export type AssetUploadSession = typeof assetUploadSessions.$inferSelect;

export type NewAssetUploadSession = typeof assetUploadSessions.$inferInsert;

export const assetUploadSessionSchemas = rowSchemas(assetUploadSessions);
