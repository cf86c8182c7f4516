import { relations, sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  char,
  check,
  index,
  jsonb,
  pgTable,
  uniqueIndex,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';
import { workspaces } from '../apps/workspaces.ts';
import { accounts } from '../chat/accounts.ts';
import { users } from '../chat/users.ts';
import { id, moment, nullableTimestamps, reference, rowSchemas } from '../columns.ts';
import { assetAuditLogs } from './asset-audit-logs.ts';
import { assetUploadSessions } from './asset-upload-sessions.ts';
import { assetDedupPolicyEnum, assetScopeEnum, assetStatusEnum } from './constants.ts';
import { messageAssets } from './message-assets.ts';
import { planAssets } from './plan-assets.ts';
import { templateAssets } from './template-assets.ts';

export type AssetMetadata = {
  width?: number;
  height?: number;
  durationMs?: number;
  pageCount?: number;
  [key: string]: unknown;
};

export const assets = pgTable(
  'assets',
  {
    id: id(),
    accountId: uuid('account_id').notNull(),
    workspaceId: uuid('workspace_id'),
    scope: assetScopeEnum('scope').notNull().default('message_attachment'),
    status: assetStatusEnum('status').notNull().default('pending'),
    dedupPolicy: assetDedupPolicyEnum('dedup_policy').notNull().default('intra_account'),
    version: bigint('version', { mode: 'number' }).notNull().default(1),
    name: varchar('name', { length: 500 }).notNull(),
    originalName: varchar('original_name', { length: 500 }),
    mimeType: varchar('mime_type', { length: 200 }).default('application/octet-stream'),
    sizeBytes: bigint('size_bytes', { mode: 'number' }).default(0),
    storageKey: varchar('storage_key', { length: 1000 }).notNull(),
    storageProvider: varchar('storage_provider', { length: 50 }).default('local'),
    /** Lowercase hex; null until the upload is complete and hashed. */
    checksumSHA256: char('checksum_sha256', { length: 64 }),
    /** How the stored bytes are encrypted (e.g. `aes-256-gcm`); null: not encrypted. */
    encryption: varchar('encryption', { length: 50 }),
    encryptionKeyId: varchar('encryption_key_id', { length: 100 }),
    metadata: jsonb('metadata').$type<AssetMetadata>().default({}),
    /** History survives the uploader (set null). */
    uploadedBy: uuid('uploaded_by'),
    /** The name of the retention rule that set hard_delete_at. */
    retentionPolicy: varchar('retention_policy', { length: 50 }),
    /** Kept at least until then; the purge job may hard-delete after it. */
    hardDeleteAt: moment('hard_delete_at'),
    /** Soft delete: set with status 'deleted', the storage object is purged later. */
    deletedAt: moment('deleted_at'),
    /** May's 049_assets_is_public: readable without a grant. */
    isPublic: boolean('is_public').notNull().default(false),
    ...nullableTimestamps(),
  },
  (t) => [
    ...reference(t.accountId, () => accounts.id, 'cascade', { indexed: false }),
    ...reference(t.workspaceId, () => workspaces.id, 'set null'),
    ...reference(t.uploadedBy, () => users.id, 'set null'),
    // Deduplication: one stored copy of the same bytes per account.
    uniqueIndex('assets_account_checksum_key').on(t.accountId, t.checksumSHA256),
    uniqueIndex('assets_storage_key_key').on(t.storageKey),
    // The purge job's scan.
    index('assets_hard_delete_at_idx').on(t.hardDeleteAt).where(sql`${t.hardDeleteAt} is not null`),
    check('assets_version_check', sql`${t.version} >= 1`),
    check('assets_size_check', sql`${t.sizeBytes} >= 0`),
    check(
      'assets_checksum_sha256_check',
      sql`${t.checksumSHA256} is null or ${t.checksumSHA256} ~ '^[0-9a-f]{64}$'`,
    ),
  ],
);

export const assetsRelations = relations(assets, ({ one, many }) => ({
  account: one(accounts, { fields: [assets.accountId], references: [accounts.id] }),
  workspace: one(workspaces, { fields: [assets.workspaceId], references: [workspaces.id] }),
  uploader: one(users, { fields: [assets.uploadedBy], references: [users.id] }),
  uploadSessions: many(assetUploadSessions),
  auditLogs: many(assetAuditLogs),
  planLinks: many(planAssets),
  templateLinks: many(templateAssets),
  messageLinks: many(messageAssets),
}));

export type Asset = typeof assets.$inferSelect;

export type NewAsset = typeof assets.$inferInsert;

export const assetSchemas = rowSchemas(assets);
