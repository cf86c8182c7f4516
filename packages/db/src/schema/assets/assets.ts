/**
 * Assets and their lifecycle (DOMAIN.md §6): the stored files, chunked upload sessions, the
 * upload and access policies, and the audit trail. History: the FluxCore "files and assets"
 * group of the 2026-02-08 audit (seed script RAG-005, the original's 032).
 */
import { relations, sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  char,
  check,
  index,
  inet,
  integer,
  jsonb,
  pgTable,
  text,
  unique,
  uniqueIndex,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';
import { createInsertSchema, createSelectSchema } from 'drizzle-zod';
import { workspaces } from '../apps.ts';
import { accounts, users } from '../chat.ts';
import { id, moment, reference, timestamps } from '../columns.ts';
import {
  assetAuditActionEnum,
  assetAuditActorTypeEnum,
  assetDedupPolicyEnum,
  assetScopeEnum,
  assetStatusEnum,
  assetUploadSessionStatusEnum,
} from './constants.ts';
import { messageAssets, planAssets, templateAssets } from './links.ts';

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
    mimeType: varchar('mime_type', { length: 200 }).notNull().default('application/octet-stream'),
    sizeBytes: bigint('size_bytes', { mode: 'number' }).notNull().default(0),
    storageKey: varchar('storage_key', { length: 1000 }).notNull(),
    storageProvider: varchar('storage_provider', { length: 50 }).notNull().default('local'),
    /** Lowercase hex; null until the upload is complete and hashed. */
    checksumSHA256: char('checksum_sha256', { length: 64 }),
    /** How the stored bytes are encrypted (e.g. `aes-256-gcm`); null: not encrypted. */
    encryption: varchar('encryption', { length: 50 }),
    encryptionKeyId: varchar('encryption_key_id', { length: 100 }),
    metadata: jsonb('metadata').$type<AssetMetadata>().notNull().default({}),
    /** History survives the uploader (set null). */
    uploadedBy: uuid('uploaded_by'),
    /** The name of the retention rule that set hard_delete_at. */
    retentionPolicy: varchar('retention_policy', { length: 50 }),
    /** Kept at least until then; the purge job may hard-delete after it. */
    hardDeleteAt: moment('hard_delete_at'),
    /** Soft delete: set with status 'deleted', the storage object is purged later. */
    deletedAt: moment('deleted_at'),
    ...timestamps(),
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
    totalBytes: bigint('total_bytes', { mode: 'number' }).notNull(),
    bytesUploaded: bigint('bytes_uploaded', { mode: 'number' }).notNull().default(0),
    /** The most the session accepts (100 MiB unless a policy says otherwise). */
    maxSizeBytes: bigint('max_size_bytes', { mode: 'number' }).notNull().default(104_857_600),
    /** Empty: any type. */
    allowedMimeTypes: jsonb('allowed_mime_types').$type<string[]>().notNull().default([]),
    chunkSize: integer('chunk_size').notNull().default(5_242_880),
    chunksTotal: integer('chunks_total').notNull(),
    chunksReceived: bigint('chunks_received', { mode: 'number' }).notNull().default(0),
    assetId: uuid('asset_id'),
    expiresAt: moment('expires_at').notNull(),
    committedAt: moment('committed_at'),
    ...timestamps(),
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

/** Switches beyond the policy's columns (encryption, public access and audit are columns). */
export type AssetPolicyFlags = Record<string, unknown>;

/** Upload and access rules per asset scope; an account's policy overrides the global one. */
export const assetPolicies = pgTable(
  'asset_policies',
  {
    id: id(),
    /** Null: a global policy. */
    accountId: uuid('account_id'),
    name: varchar('name', { length: 100 }).notNull(),
    description: text('description'),
    scope: assetScopeEnum('scope').notNull(),
    allowedContexts: jsonb('allowed_contexts').$type<string[]>().notNull().default([]),
    /** Lifetime of a signed URL, unless the caller asks for less. */
    defaultTtlSeconds: integer('default_ttl_seconds').notNull().default(3600),
    /** The longest signed URL a caller may ask for. */
    maxTtlSeconds: integer('max_ttl_seconds').notNull().default(86_400),
    maxFileSizeBytes: bigint('max_file_size_bytes', { mode: 'number' }),
    /** Empty: any type. */
    allowedMimeTypes: jsonb('allowed_mime_types').$type<string[]>().notNull().default([]),
    retentionDays: integer('retention_days'),
    /** Deduplication across what (the original's dedup_scope). */
    dedupScope: assetDedupPolicyEnum('dedup_scope').notNull().default('intra_account'),
    requireEncryption: boolean('require_encryption').notNull().default(false),
    allowPublicAccess: boolean('allow_public_access').notNull().default(false),
    auditAllAccess: boolean('audit_all_access').notNull().default(true),
    flags: jsonb('flags').$type<AssetPolicyFlags>().notNull().default({}),
    isActive: boolean('is_active').notNull().default(true),
    ...timestamps(),
  },
  (t) => [
    ...reference(t.accountId, () => accounts.id, 'cascade', { indexed: false }),
    // One name per account, and one among the global policies (null account).
    unique('asset_policies_account_name_key').on(t.accountId, t.name).nullsNotDistinct(),
    check(
      'asset_policies_limits_check',
      sql`${t.defaultTtlSeconds} > 0 and ${t.maxTtlSeconds} >= ${t.defaultTtlSeconds} and (${t.maxFileSizeBytes} is null or ${t.maxFileSizeBytes} > 0) and (${t.retentionDays} is null or ${t.retentionDays} > 0)`,
    ),
  ],
);

export type AssetAuditDetails = Record<string, unknown>;

/** Append-only. Its rows are the account's data, so they go with the account (cascade). */
export const assetAuditLogs = pgTable(
  'asset_audit_logs',
  {
    id: id(),
    accountId: uuid('account_id').notNull(),
    /** The log outlives the asset and the session (set null). */
    assetId: uuid('asset_id'),
    sessionId: uuid('session_id'),
    action: assetAuditActionEnum('action').notNull(),
    actorType: assetAuditActorTypeEnum('actor_type').notNull().default('system'),
    /** A user, assistant or api key id, by actor_type: no foreign key. */
    actorId: uuid('actor_id'),
    context: varchar('context', { length: 100 }),
    success: boolean('success').notNull().default(true),
    errorMessage: text('error_message'),
    ipAddress: inet('ip_address'),
    userAgent: text('user_agent'),
    metadata: jsonb('metadata').$type<AssetAuditDetails>().notNull().default({}),
    timestamp: moment('timestamp').notNull().defaultNow(),
  },
  (t) => [
    ...reference(t.accountId, () => accounts.id, 'cascade', { indexed: false }),
    ...reference(t.assetId, () => assets.id, 'set null'),
    ...reference(t.sessionId, () => assetUploadSessions.id, 'set null'),
    // Hot query: an account's audit trail over a period.
    index('asset_audit_logs_account_created_idx').on(t.accountId, t.timestamp),
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

export const assetUploadSessionsRelations = relations(assetUploadSessions, ({ one, many }) => ({
  account: one(accounts, { fields: [assetUploadSessions.accountId], references: [accounts.id] }),
  uploader: one(users, { fields: [assetUploadSessions.uploadedBy], references: [users.id] }),
  asset: one(assets, { fields: [assetUploadSessions.assetId], references: [assets.id] }),
  auditLogs: many(assetAuditLogs),
}));

export const assetPoliciesRelations = relations(assetPolicies, ({ one }) => ({
  account: one(accounts, { fields: [assetPolicies.accountId], references: [accounts.id] }),
}));

export const assetAuditLogsRelations = relations(assetAuditLogs, ({ one }) => ({
  account: one(accounts, { fields: [assetAuditLogs.accountId], references: [accounts.id] }),
  asset: one(assets, { fields: [assetAuditLogs.assetId], references: [assets.id] }),
  session: one(assetUploadSessions, {
    fields: [assetAuditLogs.sessionId],
    references: [assetUploadSessions.id],
  }),
}));

export type Asset = typeof assets.$inferSelect;

export type NewAsset = typeof assets.$inferInsert;

export type AssetUploadSession = typeof assetUploadSessions.$inferSelect;

export type NewAssetUploadSession = typeof assetUploadSessions.$inferInsert;

export type AssetPolicy = typeof assetPolicies.$inferSelect;

export type NewAssetPolicy = typeof assetPolicies.$inferInsert;

export type AssetAuditLog = typeof assetAuditLogs.$inferSelect;

export type NewAssetAuditLog = typeof assetAuditLogs.$inferInsert;

/** zod validators derived from the tables: `select` for rows read, `insert` for rows written. */
export const assetSchemas = {
  select: createSelectSchema(assets),
  insert: createInsertSchema(assets),
};

export const assetUploadSessionSchemas = {
  select: createSelectSchema(assetUploadSessions),
  insert: createInsertSchema(assetUploadSessions),
};

export const assetPolicySchemas = {
  select: createSelectSchema(assetPolicies),
  insert: createInsertSchema(assetPolicies),
};

export const assetAuditLogSchemas = {
  select: createSelectSchema(assetAuditLogs),
  insert: createInsertSchema(assetAuditLogs),
};
