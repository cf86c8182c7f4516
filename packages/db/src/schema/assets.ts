/**
 * Assets, files, templates, marketplace and billing (DOMAIN.md §6). History: the FluxCore
 * groups "files and assets", "marketplace", "billing", "templates" and "media and message
 * assets" of the 2026-02-08 audit (seed scripts RAG-002, RAG-005, 033 and 034).
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
  numeric,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  unique,
  uniqueIndex,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';
import { createInsertSchema, createSelectSchema } from 'drizzle-zod';
import { workspaces } from './apps.ts';
import {
  fluxcoreInstructions,
  fluxcoreToolDefinitions,
  fluxcoreUsageLogs,
  vectorStoreAccessModeEnum,
} from './assistants.ts';
import { accounts, messages, users } from './chat.ts';
import {
  createdAt,
  exactlyOneOf,
  id,
  moment,
  reference,
  timestamps,
  updatedAt,
} from './columns.ts';
import { fluxcoreVectorStores } from './rag.ts';

/** Where an asset is used; asset policies are written per scope too. */
export const assetScopes = [
  'message_attachment',
  'template_asset',
  'execution_plan',
  'shared_internal',
  'profile_avatar',
  'workspace_asset',
] as const;
export type AssetScope = (typeof assetScopes)[number];
export const assetScopeEnum = pgEnum('asset_scope', assetScopes);

export const assetStatuses = ['pending', 'ready', 'archived', 'deleted'] as const;
export type AssetStatus = (typeof assetStatuses)[number];
export const assetStatusEnum = pgEnum('asset_status', assetStatuses);

export const assetDedupPolicies = ['none', 'intra_account', 'intra_workspace', 'custom'] as const;
export type AssetDedupPolicy = (typeof assetDedupPolicies)[number];
export const assetDedupPolicyEnum = pgEnum('asset_dedup_policy', assetDedupPolicies);

export const assetUploadSessionStatuses = [
  'active',
  'uploading',
  'committed',
  'expired',
  'cancelled',
] as const;
export type AssetUploadSessionStatus = (typeof assetUploadSessionStatuses)[number];
export const assetUploadSessionStatusEnum = pgEnum(
  'asset_upload_session_status',
  assetUploadSessionStatuses,
);

export const assetAuditActorTypes = ['user', 'assistant', 'system', 'api'] as const;
export type AssetAuditActorType = (typeof assetAuditActorTypes)[number];
export const assetAuditActorTypeEnum = pgEnum('asset_audit_actor_type', assetAuditActorTypes);

export const assetAuditActions = [
  'upload_started',
  'upload_completed',
  'upload_failed',
  'upload_cancelled',
  'session_expired',
  'download',
  'preview',
  'url_signed',
  'state_changed',
  'dedup_applied',
  'deleted',
  'purged',
  'archived',
  'restored',
  'access_denied',
  'policy_evaluated',
  'metadata_updated',
  'linked',
  'unlinked',
] as const;
export type AssetAuditAction = (typeof assetAuditActions)[number];
export const assetAuditActionEnum = pgEnum('asset_audit_action', assetAuditActions);

export const assetPermissionLevels = ['read', 'write', 'admin'] as const;
export type AssetPermissionLevel = (typeof assetPermissionLevels)[number];
export const assetPermissionLevelEnum = pgEnum(
  'fluxcore_asset_permission_level',
  assetPermissionLevels,
);

/** `shared` and `public` are the original's names for a manual share and a public asset. */
export const assetPermissionSources = [
  'manual',
  'marketplace',
  'system',
  'shared',
  'public',
] as const;
export type AssetPermissionSource = (typeof assetPermissionSources)[number];
export const assetPermissionSourceEnum = pgEnum(
  'fluxcore_asset_permission_source',
  assetPermissionSources,
);

/** `output`: an asset the plan produces rather than needs. */
export const planAssetDependencyTypes = ['required', 'optional', 'output'] as const;
export type PlanAssetDependencyType = (typeof planAssetDependencyTypes)[number];
export const planAssetDependencyTypeEnum = pgEnum(
  'plan_asset_dependency_type',
  planAssetDependencyTypes,
);

export const marketplacePricingModels = ['free', 'one_time', 'subscription', 'usage'] as const;
export type MarketplacePricingModel = (typeof marketplacePricingModels)[number];
export const marketplacePricingModelEnum = pgEnum(
  'fluxcore_marketplace_pricing_model',
  marketplacePricingModels,
);

export const marketplaceBillingPeriods = ['monthly', 'yearly'] as const;
export type MarketplaceBillingPeriod = (typeof marketplaceBillingPeriods)[number];
export const marketplaceBillingPeriodEnum = pgEnum(
  'fluxcore_marketplace_billing_period',
  marketplaceBillingPeriods,
);

/** `pending_review` and `active` are the original's review step and its name for published. */
export const marketplaceListingStatuses = [
  'draft',
  'published',
  'suspended',
  'archived',
  'pending_review',
  'active',
] as const;
export type MarketplaceListingStatus = (typeof marketplaceListingStatuses)[number];
export const marketplaceListingStatusEnum = pgEnum(
  'fluxcore_marketplace_listing_status',
  marketplaceListingStatuses,
);

export const marketplaceReviewStatuses = ['pending', 'published', 'hidden', 'flagged'] as const;
export type MarketplaceReviewStatus = (typeof marketplaceReviewStatuses)[number];
export const marketplaceReviewStatusEnum = pgEnum(
  'fluxcore_marketplace_review_status',
  marketplaceReviewStatuses,
);

export const marketplaceSubscriptionStatuses = [
  'active',
  'paused',
  'cancelled',
  'expired',
] as const;
export type MarketplaceSubscriptionStatus = (typeof marketplaceSubscriptionStatuses)[number];
export const marketplaceSubscriptionStatusEnum = pgEnum(
  'fluxcore_marketplace_subscription_status',
  marketplaceSubscriptionStatuses,
);

export const creditPlanTypes = ['free', 'starter', 'pro', 'enterprise'] as const;
export type CreditPlanType = (typeof creditPlanTypes)[number];
export const creditPlanTypeEnum = pgEnum('fluxcore_credit_plan_type', creditPlanTypes);

export const creditTransactionTypes = [
  'purchase',
  'usage',
  'refund',
  'adjustment',
  'subscription_grant',
  // The original's names for a promotional grant and a subscription charge.
  'bonus',
  'subscription',
] as const;
export type CreditTransactionType = (typeof creditTransactionTypes)[number];
export const creditTransactionTypeEnum = pgEnum(
  'fluxcore_credit_transaction_type',
  creditTransactionTypes,
);

// The original's names for these sets, as its app imports them.
export type DedupPolicy = AssetDedupPolicy;
export type AuditAction = AssetAuditAction;
export type PermissionLevel = AssetPermissionLevel;
export type PermissionSource = AssetPermissionSource;
export type DependencyType = PlanAssetDependencyType;
export type PlanType = CreditPlanType;
export type TransactionType = CreditTransactionType;
export type PricingModel = MarketplacePricingModel;
export type ListingStatus = MarketplaceListingStatus;
export type SubscriptionStatus = MarketplaceSubscriptionStatus;
export type BillingPeriod = MarketplaceBillingPeriod;
export type UploadSessionStatus = AssetUploadSessionStatus;
/** What a permission or a listing is about: one of the three kinds of FluxCore asset. */
export type AssetType = 'vector_store' | 'instruction' | 'tool';

/** A placeholder of a template's content and how to fill it. */
export type TemplateVariable = {
  name: string;
  type: 'text' | 'number' | 'date' | 'contact' | 'custom';
  label?: string;
  defaultValue?: string;
  required?: boolean;
  placeholder?: string;
};

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
    index('assets_hard_delete_at_idx')
      .on(t.hardDeleteAt)
      .where(sql`${t.hardDeleteAt} is not null`),
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
    unique('asset_policies_account_name_key')
      .on(t.accountId, t.name)
      .nullsNotDistinct(),
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

export const templates = pgTable(
  'templates',
  {
    id: id(),
    accountId: uuid('account_id').notNull(),
    name: varchar('name', { length: 255 }).notNull(),
    content: text('content').notNull(),
    category: varchar('category', { length: 100 }),
    /** The placeholders used in content, with how to fill them. */
    variables: jsonb('variables').$type<TemplateVariable[]>().notNull().default([]),
    tags: jsonb('tags').$type<string[]>().notNull().default([]),
    isActive: boolean('is_active').notNull().default(true),
    usageCount: integer('usage_count').notNull().default(0),
    ...timestamps(),
  },
  (t) => [
    ...reference(t.accountId, () => accounts.id, 'cascade', { indexed: false }),
    uniqueIndex('templates_account_name_key').on(t.accountId, t.name),
    check('templates_usage_count_check', sql`${t.usageCount} >= 0`),
  ],
);

/**
 * FluxCore's AI settings of a template, one row per template (script 034 moved
 * templates.authorize_for_ai here).
 */
export const fluxcoreTemplateSettings = pgTable(
  'fluxcore_template_settings',
  {
    templateId: uuid('template_id').primaryKey(),
    authorizeForAI: boolean('authorize_for_ai').notNull().default(false),
    /** When and how the AI should use this template. */
    aiUsageInstructions: text('ai_usage_instructions'),
    aiIncludeName: boolean('ai_include_name').notNull().default(true),
    aiIncludeContent: boolean('ai_include_content').notNull().default(true),
    aiIncludeInstructions: boolean('ai_include_instructions').notNull().default(true),
    ...timestamps(),
  },
  (t) => [...reference(t.templateId, () => templates.id, 'cascade', { indexed: false })],
);

/** The assets an execution plan needs. Plans live outside this schema: no foreign key. */
export const planAssets = pgTable(
  'plan_assets',
  {
    planId: uuid('plan_id').notNull(),
    assetId: uuid('asset_id').notNull(),
    stepId: varchar('step_id', { length: 100 }),
    version: integer('version').notNull().default(1),
    dependencyType: planAssetDependencyTypeEnum('dependency_type').notNull().default('required'),
    isReady: boolean('is_ready').notNull().default(false),
    readyAt: moment('ready_at'),
    linkedAt: moment('linked_at').notNull().defaultNow(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ name: 'plan_assets_pkey', columns: [t.planId, t.assetId] }),
    ...reference(t.assetId, () => assets.id, 'cascade'),
  ],
);

/**
 * Assets placed in a template's named slots. The key keeps the seed's (template, asset, slot):
 * a slot may hold several assets (a gallery) and an asset may fill several slots.
 */
export const templateAssets = pgTable(
  'template_assets',
  {
    templateId: uuid('template_id').notNull(),
    assetId: uuid('asset_id').notNull(),
    slot: varchar('slot', { length: 100 }).notNull().default('default'),
    version: integer('version').notNull().default(1),
    linkedAt: moment('linked_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'template_assets_pkey', columns: [t.templateId, t.assetId, t.slot] }),
    ...reference(t.templateId, () => templates.id, 'cascade', { indexed: false }),
    ...reference(t.assetId, () => assets.id, 'cascade'),
  ],
);

/** A message's assets, in display order. */
export const messageAssets = pgTable(
  'message_assets',
  {
    messageId: uuid('message_id').notNull(),
    assetId: uuid('asset_id').notNull(),
    position: integer('position').notNull().default(0),
    version: integer('version').notNull().default(1),
    linkedAt: moment('linked_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'message_assets_pkey', columns: [t.messageId, t.assetId] }),
    ...reference(t.messageId, () => messages.id, 'cascade', { indexed: false }),
    ...reference(t.assetId, () => assets.id, 'cascade'),
    check('message_assets_position_check', sql`${t.position} >= 0`),
  ],
);

/** Shares one vector store, instruction or tool with another account. */
export const fluxcoreAssetPermissions = pgTable(
  'fluxcore_asset_permissions',
  {
    id: id(),
    vectorStoreId: uuid('vector_store_id'),
    instructionId: uuid('instruction_id'),
    toolDefinitionId: uuid('tool_definition_id'),
    granteeAccountId: uuid('grantee_account_id').notNull(),
    /** The grant survives the granting account (set null). */
    grantedByAccountId: uuid('granted_by_account_id'),
    permissionLevel: assetPermissionLevelEnum('permission_level').notNull().default('read'),
    source: assetPermissionSourceEnum('source').notNull().default('manual'),
    grantedAt: moment('granted_at').notNull().defaultNow(),
    expiresAt: moment('expires_at'),
    notes: text('notes'),
    ...timestamps(),
  },
  (t) => [
    ...reference(t.vectorStoreId, () => fluxcoreVectorStores.id, 'cascade', { indexed: false }),
    ...reference(t.instructionId, () => fluxcoreInstructions.id, 'cascade'),
    ...reference(t.toolDefinitionId, () => fluxcoreToolDefinitions.id, 'cascade'),
    ...reference(t.granteeAccountId, () => accounts.id, 'cascade'),
    ...reference(t.grantedByAccountId, () => accounts.id, 'set null'),
    check(
      'fluxcore_asset_permissions_one_scope_check',
      exactlyOneOf(t.vectorStoreId, t.instructionId, t.toolDefinitionId),
    ),
    // One grant per (asset, grantee); the two unused asset columns are null, hence nulls not
    // distinct (a unique constraint: drizzle's uniqueIndex has no nullsNotDistinct).
    unique('fluxcore_asset_permissions_asset_grantee_key')
      .on(t.vectorStoreId, t.instructionId, t.toolDefinitionId, t.granteeAccountId)
      .nullsNotDistinct(),
  ],
);

/** Kept by the listing as counters; the source of truth is subscriptions and reviews. */
/** What a buyer may do with a listing's content. */
export const marketplaceLicenseTypes = ['personal', 'commercial', 'enterprise'] as const;
export type MarketplaceLicenseType = (typeof marketplaceLicenseTypes)[number];

/** Sells exactly one vector store, instruction or tool. */
export const fluxcoreMarketplaceListings = pgTable(
  'fluxcore_marketplace_listings',
  {
    id: id(),
    vectorStoreId: uuid('vector_store_id'),
    instructionId: uuid('instruction_id'),
    toolDefinitionId: uuid('tool_definition_id'),
    sellerAccountId: uuid('seller_account_id').notNull(),
    title: varchar('title', { length: 255 }).notNull(),
    shortDescription: varchar('short_description', { length: 500 }),
    longDescription: text('long_description'),
    category: varchar('category', { length: 100 }),
    tags: jsonb('tags').$type<string[]>().notNull().default([]),
    pricingModel: marketplacePricingModelEnum('pricing_model').notNull().default('free'),
    currency: char('currency', { length: 3 }).notNull().default('USD'),
    billingPeriod: marketplaceBillingPeriodEnum('billing_period'),
    status: marketplaceListingStatusEnum('status').notNull().default('draft'),
    /** Per purchase or per billing period, by pricing_model, in cents of currency. */
    priceCents: integer('price_cents').notNull().default(0),
    /** For pricing_model usage: cents per 1,000 tokens. */
    usagePricePer1kTokens: integer('usage_price_per_1k_tokens'),
    licenseType: varchar('license_type', { length: 50 })
      .$type<MarketplaceLicenseType>()
      .notNull()
      .default('personal'),
    termsUrl: text('terms_url'),
    demoUrl: text('demo_url'),
    screenshots: jsonb('screenshots').$type<string[]>().notNull().default([]),
    searchKeywords: jsonb('search_keywords').$type<string[]>().notNull().default([]),
    /** Buyers may try the first preview_chunk_limit chunks before subscribing. */
    previewEnabled: boolean('preview_enabled').notNull().default(true),
    previewChunkLimit: integer('preview_chunk_limit').notNull().default(5),
    featured: boolean('featured').notNull().default(false),
    featuredUntil: moment('featured_until'),
    // Counters, kept by the listing's subscriptions and reviews.
    totalSubscribers: integer('total_subscribers').notNull().default(0),
    totalRevenueCents: bigint('total_revenue_cents', { mode: 'number' }).notNull().default(0),
    totalQueries: bigint('total_queries', { mode: 'number' }).notNull().default(0),
    ratingAverage: numeric('rating_average', { precision: 3, scale: 2 }),
    ratingCount: integer('rating_count').notNull().default(0),
    coverImageUrl: text('cover_image_url'),
    publishedAt: moment('published_at'),
    ...timestamps(),
  },
  (t) => [
    ...reference(t.vectorStoreId, () => fluxcoreVectorStores.id, 'cascade'),
    ...reference(t.instructionId, () => fluxcoreInstructions.id, 'cascade'),
    ...reference(t.toolDefinitionId, () => fluxcoreToolDefinitions.id, 'cascade'),
    ...reference(t.sellerAccountId, () => accounts.id, 'cascade'),
    // Hot query: the catalogue, newest published first.
    index('fluxcore_marketplace_listings_status_published_idx').on(t.status, t.publishedAt.desc()),
    // The catalogue's featured shelf.
    index('fluxcore_marketplace_listings_featured_idx')
      .on(t.featuredUntil)
      .where(sql`${t.featured}`),
    check(
      'fluxcore_marketplace_listings_counters_check',
      sql`${t.priceCents} >= 0 and ${t.totalSubscribers} >= 0 and ${t.totalRevenueCents} >= 0 and ${t.totalQueries} >= 0 and ${t.ratingCount} >= 0 and ${t.previewChunkLimit} >= 0`,
    ),
    check(
      'fluxcore_marketplace_listings_one_scope_check',
      exactlyOneOf(t.vectorStoreId, t.instructionId, t.toolDefinitionId),
    ),
    check(
      'fluxcore_marketplace_listings_price_check',
      sql`${t.pricingModel} <> 'free' or ${t.priceCents} = 0`,
    ),
    check('fluxcore_marketplace_listings_currency_check', sql`${t.currency} ~ '^[A-Z]{3}$'`),
    check(
      'fluxcore_marketplace_listings_billing_period_check',
      sql`(${t.pricingModel} = 'subscription') = (${t.billingPeriod} is not null)`,
    ),
  ],
);

export const fluxcoreMarketplaceReviews = pgTable(
  'fluxcore_marketplace_reviews',
  {
    id: id(),
    listingId: uuid('listing_id').notNull(),
    reviewerAccountId: uuid('reviewer_account_id').notNull(),
    /** The subscription the review was written under; the review survives it. */
    subscriptionId: uuid('subscription_id'),
    rating: integer('rating').notNull(),
    title: varchar('title', { length: 255 }),
    content: text('content'),
    status: marketplaceReviewStatusEnum('status').notNull().default('published'),
    helpfulCount: integer('helpful_count').notNull().default(0),
    ...timestamps(),
  },
  (t) => [
    ...reference(t.listingId, () => fluxcoreMarketplaceListings.id, 'cascade', { indexed: false }),
    ...reference(t.reviewerAccountId, () => accounts.id, 'cascade'),
    ...reference(t.subscriptionId, () => fluxcoreMarketplaceSubscriptions.id, 'set null'),
    uniqueIndex('fluxcore_marketplace_reviews_listing_reviewer_key').on(
      t.listingId,
      t.reviewerAccountId,
    ),
    check('fluxcore_marketplace_reviews_rating_check', sql`${t.rating} between 1 and 5`),
    check('fluxcore_marketplace_reviews_helpful_count_check', sql`${t.helpfulCount} >= 0`),
  ],
);

export const fluxcoreMarketplaceSubscriptions = pgTable(
  'fluxcore_marketplace_subscriptions',
  {
    id: id(),
    listingId: uuid('listing_id').notNull(),
    subscriberAccountId: uuid('subscriber_account_id').notNull(),
    status: marketplaceSubscriptionStatusEnum('status').notNull().default('active'),
    startedAt: moment('started_at').notNull().defaultNow(),
    currentPeriodStart: moment('current_period_start'),
    currentPeriodEnd: moment('current_period_end'),
    cancelledAt: moment('cancelled_at'),
    /** The billing provider's subscription id. */
    externalSubscriptionId: varchar('external_subscription_id', { length: 255 }),
    /** What the subscriber can do with the store, its usage counters and payments. */
    accessMode: vectorStoreAccessModeEnum('access_mode').notNull().default('read'),
    tokensUsedThisPeriod: bigint('tokens_used_this_period', { mode: 'number' })
      .notNull()
      .default(0),
    tokensUsedTotal: bigint('tokens_used_total', { mode: 'number' }).notNull().default(0),
    queriesThisPeriod: integer('queries_this_period').notNull().default(0),
    queriesTotal: integer('queries_total').notNull().default(0),
    totalPaidCents: bigint('total_paid_cents', { mode: 'number' }).notNull().default(0),
    lastPaymentAt: moment('last_payment_at'),
    nextPaymentAt: moment('next_payment_at'),
    ...timestamps(),
  },
  (t) => [
    ...reference(t.listingId, () => fluxcoreMarketplaceListings.id, 'cascade', {
      indexed: false,
    }),
    ...reference(t.subscriberAccountId, () => accounts.id, 'cascade'),
    uniqueIndex('fluxcore_marketplace_subscriptions_listing_subscriber_key').on(
      t.listingId,
      t.subscriberAccountId,
    ),
    check(
      'fluxcore_marketplace_subscriptions_period_check',
      sql`${t.currentPeriodEnd} is null or ${t.currentPeriodStart} is null or ${t.currentPeriodEnd} > ${t.currentPeriodStart}`,
    ),
    check(
      'fluxcore_marketplace_subscriptions_counters_check',
      sql`${t.totalPaidCents} >= 0 and ${t.tokensUsedThisPeriod} >= 0 and ${t.tokensUsedTotal} >= 0 and ${t.queriesThisPeriod} >= 0 and ${t.queriesTotal} >= 0`,
    ),
  ],
);

/** An account's FluxCore credit balance, limits and billing plan: one row per account. */
export const fluxcoreAccountCredits = pgTable(
  'fluxcore_account_credits',
  {
    id: id(),
    accountId: uuid('account_id').notNull(),
    balanceCredits: numeric('balance_credits', { precision: 12, scale: 4 }).notNull().default('0'),
    /** Held by operations in flight, not yet spent. */
    reserved: numeric('reserved', { precision: 12, scale: 4 }).notNull().default('0'),
    /** Null: no limit. */
    monthlyLimitCredits: numeric('monthly_limit_credits', { precision: 12, scale: 4 }),
    dailyLimitCredits: numeric('daily_limit_credits', { precision: 12, scale: 4 }),
    usedThisMonth: numeric('used_this_month', { precision: 12, scale: 4 }).notNull().default('0'),
    usedToday: numeric('used_today', { precision: 12, scale: 4 }).notNull().default('0'),
    planType: creditPlanTypeEnum('plan_type').notNull().default('free'),
    stripeCustomerId: varchar('stripe_customer_id', { length: 255 }),
    stripeSubscriptionId: varchar('stripe_subscription_id', { length: 255 }),
    alertThresholdPercent: integer('alert_threshold_percent').notNull().default(80),
    lastAlertSentAt: moment('last_alert_sent_at'),
    ...timestamps(),
  },
  (t) => [
    ...reference(t.accountId, () => accounts.id, 'cascade', { indexed: false }),
    uniqueIndex('fluxcore_account_credits_account_id_key').on(t.accountId),
    // Billing webhooks find the account by the provider's customer id.
    uniqueIndex('fluxcore_account_credits_stripe_customer_id_key')
      .on(t.stripeCustomerId)
      .where(sql`${t.stripeCustomerId} is not null`),
    check(
      'fluxcore_account_credits_amounts_check',
      sql`${t.balanceCredits} >= 0 and ${t.reserved} >= 0 and ${t.usedThisMonth} >= 0 and ${t.usedToday} >= 0`,
    ),
    check(
      'fluxcore_account_credits_limits_check',
      sql`(${t.monthlyLimitCredits} is null or ${t.monthlyLimitCredits} >= 0) and (${t.dailyLimitCredits} is null or ${t.dailyLimitCredits} >= 0)`,
    ),
    check(
      'fluxcore_account_credits_alert_threshold_check',
      sql`${t.alertThresholdPercent} between 0 and 100`,
    ),
  ],
);

export type CreditTransactionMetadata = Record<string, unknown>;

/** Append-only ledger of fluxcore_account_credits: positive amounts add, negative spend. */
export const fluxcoreCreditTransactions = pgTable(
  'fluxcore_credit_transactions',
  {
    id: id(),
    accountId: uuid('account_id').notNull(),
    transactionType: creditTransactionTypeEnum('transaction_type').notNull(),
    amountCredits: numeric('amount_credits', { precision: 12, scale: 4 }).notNull(),
    balanceAfter: numeric('balance_after', { precision: 12, scale: 4 }).notNull(),
    description: text('description'),
    /** The entry outlives the usage log and the subscription it came from (set null). */
    usageLogId: uuid('usage_log_id'),
    subscriptionId: uuid('subscription_id'),
    stripePaymentIntentId: varchar('stripe_payment_intent_id', { length: 255 }),
    metadata: jsonb('metadata').$type<CreditTransactionMetadata>().notNull().default({}),
    createdAt: createdAt(),
  },
  (t) => [
    ...reference(t.accountId, () => accounts.id, 'cascade', { indexed: false }),
    ...reference(t.usageLogId, () => fluxcoreUsageLogs.id, 'set null'),
    ...reference(t.subscriptionId, () => fluxcoreMarketplaceSubscriptions.id, 'set null'),
    // Hot query: an account's ledger, newest first.
    index('fluxcore_credit_transactions_account_created_idx').on(t.accountId, t.createdAt.desc()),
    // A payment is credited once: webhook retries insert ... on conflict do nothing.
    uniqueIndex('fluxcore_credit_transactions_stripe_payment_intent_id_key')
      .on(t.stripePaymentIntentId)
      .where(sql`${t.stripePaymentIntentId} is not null`),
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

export const templatesRelations = relations(templates, ({ one, many }) => ({
  account: one(accounts, { fields: [templates.accountId], references: [accounts.id] }),
  settings: one(fluxcoreTemplateSettings),
  assetLinks: many(templateAssets),
}));

export const fluxcoreTemplateSettingsRelations = relations(fluxcoreTemplateSettings, ({ one }) => ({
  template: one(templates, {
    fields: [fluxcoreTemplateSettings.templateId],
    references: [templates.id],
  }),
}));

export const planAssetsRelations = relations(planAssets, ({ one }) => ({
  asset: one(assets, { fields: [planAssets.assetId], references: [assets.id] }),
}));

export const templateAssetsRelations = relations(templateAssets, ({ one }) => ({
  template: one(templates, { fields: [templateAssets.templateId], references: [templates.id] }),
  asset: one(assets, { fields: [templateAssets.assetId], references: [assets.id] }),
}));

export const messageAssetsRelations = relations(messageAssets, ({ one }) => ({
  message: one(messages, { fields: [messageAssets.messageId], references: [messages.id] }),
  asset: one(assets, { fields: [messageAssets.assetId], references: [assets.id] }),
}));

export const fluxcoreAssetPermissionsRelations = relations(fluxcoreAssetPermissions, ({ one }) => ({
  vectorStore: one(fluxcoreVectorStores, {
    fields: [fluxcoreAssetPermissions.vectorStoreId],
    references: [fluxcoreVectorStores.id],
  }),
  instruction: one(fluxcoreInstructions, {
    fields: [fluxcoreAssetPermissions.instructionId],
    references: [fluxcoreInstructions.id],
  }),
  toolDefinition: one(fluxcoreToolDefinitions, {
    fields: [fluxcoreAssetPermissions.toolDefinitionId],
    references: [fluxcoreToolDefinitions.id],
  }),
  grantee: one(accounts, {
    fields: [fluxcoreAssetPermissions.granteeAccountId],
    references: [accounts.id],
  }),
  grantedBy: one(accounts, {
    fields: [fluxcoreAssetPermissions.grantedByAccountId],
    references: [accounts.id],
  }),
}));

export const fluxcoreMarketplaceListingsRelations = relations(
  fluxcoreMarketplaceListings,
  ({ one, many }) => ({
    vectorStore: one(fluxcoreVectorStores, {
      fields: [fluxcoreMarketplaceListings.vectorStoreId],
      references: [fluxcoreVectorStores.id],
    }),
    instruction: one(fluxcoreInstructions, {
      fields: [fluxcoreMarketplaceListings.instructionId],
      references: [fluxcoreInstructions.id],
    }),
    toolDefinition: one(fluxcoreToolDefinitions, {
      fields: [fluxcoreMarketplaceListings.toolDefinitionId],
      references: [fluxcoreToolDefinitions.id],
    }),
    seller: one(accounts, {
      fields: [fluxcoreMarketplaceListings.sellerAccountId],
      references: [accounts.id],
    }),
    reviews: many(fluxcoreMarketplaceReviews),
    subscriptions: many(fluxcoreMarketplaceSubscriptions),
  }),
);

export const fluxcoreMarketplaceReviewsRelations = relations(
  fluxcoreMarketplaceReviews,
  ({ one }) => ({
    listing: one(fluxcoreMarketplaceListings, {
      fields: [fluxcoreMarketplaceReviews.listingId],
      references: [fluxcoreMarketplaceListings.id],
    }),
    reviewer: one(accounts, {
      fields: [fluxcoreMarketplaceReviews.reviewerAccountId],
      references: [accounts.id],
    }),
    subscription: one(fluxcoreMarketplaceSubscriptions, {
      fields: [fluxcoreMarketplaceReviews.subscriptionId],
      references: [fluxcoreMarketplaceSubscriptions.id],
    }),
  }),
);

export const fluxcoreMarketplaceSubscriptionsRelations = relations(
  fluxcoreMarketplaceSubscriptions,
  ({ one, many }) => ({
    listing: one(fluxcoreMarketplaceListings, {
      fields: [fluxcoreMarketplaceSubscriptions.listingId],
      references: [fluxcoreMarketplaceListings.id],
    }),
    subscriber: one(accounts, {
      fields: [fluxcoreMarketplaceSubscriptions.subscriberAccountId],
      references: [accounts.id],
    }),
    reviews: many(fluxcoreMarketplaceReviews),
    creditTransactions: many(fluxcoreCreditTransactions),
  }),
);

export const fluxcoreAccountCreditsRelations = relations(fluxcoreAccountCredits, ({ one }) => ({
  account: one(accounts, { fields: [fluxcoreAccountCredits.accountId], references: [accounts.id] }),
}));

export const fluxcoreCreditTransactionsRelations = relations(
  fluxcoreCreditTransactions,
  ({ one }) => ({
    account: one(accounts, {
      fields: [fluxcoreCreditTransactions.accountId],
      references: [accounts.id],
    }),
    usageLog: one(fluxcoreUsageLogs, {
      fields: [fluxcoreCreditTransactions.usageLogId],
      references: [fluxcoreUsageLogs.id],
    }),
    subscription: one(fluxcoreMarketplaceSubscriptions, {
      fields: [fluxcoreCreditTransactions.subscriptionId],
      references: [fluxcoreMarketplaceSubscriptions.id],
    }),
  }),
);

export type Asset = typeof assets.$inferSelect;
export type NewAsset = typeof assets.$inferInsert;
export type AssetUploadSession = typeof assetUploadSessions.$inferSelect;
export type NewAssetUploadSession = typeof assetUploadSessions.$inferInsert;
export type AssetPolicy = typeof assetPolicies.$inferSelect;
export type NewAssetPolicy = typeof assetPolicies.$inferInsert;
export type AssetAuditLog = typeof assetAuditLogs.$inferSelect;
export type NewAssetAuditLog = typeof assetAuditLogs.$inferInsert;
export type Template = typeof templates.$inferSelect;
export type NewTemplate = typeof templates.$inferInsert;
export type FluxcoreTemplateSetting = typeof fluxcoreTemplateSettings.$inferSelect;
export type NewFluxcoreTemplateSetting = typeof fluxcoreTemplateSettings.$inferInsert;
export type PlanAsset = typeof planAssets.$inferSelect;
export type NewPlanAsset = typeof planAssets.$inferInsert;
export type TemplateAsset = typeof templateAssets.$inferSelect;
export type NewTemplateAsset = typeof templateAssets.$inferInsert;
export type MessageAsset = typeof messageAssets.$inferSelect;
export type NewMessageAsset = typeof messageAssets.$inferInsert;
export type FluxcoreAssetPermission = typeof fluxcoreAssetPermissions.$inferSelect;
export type NewFluxcoreAssetPermission = typeof fluxcoreAssetPermissions.$inferInsert;
export type FluxcoreMarketplaceListing = typeof fluxcoreMarketplaceListings.$inferSelect;
export type NewFluxcoreMarketplaceListing = typeof fluxcoreMarketplaceListings.$inferInsert;
export type FluxcoreMarketplaceReview = typeof fluxcoreMarketplaceReviews.$inferSelect;
export type NewFluxcoreMarketplaceReview = typeof fluxcoreMarketplaceReviews.$inferInsert;
export type FluxcoreMarketplaceSubscription = typeof fluxcoreMarketplaceSubscriptions.$inferSelect;
export type NewFluxcoreMarketplaceSubscription =
  typeof fluxcoreMarketplaceSubscriptions.$inferInsert;
export type FluxcoreAccountCredit = typeof fluxcoreAccountCredits.$inferSelect;
/** The original's name for an account's credits row. */
export type FluxcoreAccountCredits = FluxcoreAccountCredit;
export type NewFluxcoreAccountCredit = typeof fluxcoreAccountCredits.$inferInsert;
export type FluxcoreCreditTransaction = typeof fluxcoreCreditTransactions.$inferSelect;
export type NewFluxcoreCreditTransaction = typeof fluxcoreCreditTransactions.$inferInsert;

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
export const templateSchemas = {
  select: createSelectSchema(templates),
  insert: createInsertSchema(templates),
};
export const fluxcoreTemplateSettingSchemas = {
  select: createSelectSchema(fluxcoreTemplateSettings),
  insert: createInsertSchema(fluxcoreTemplateSettings),
};
export const planAssetSchemas = {
  select: createSelectSchema(planAssets),
  insert: createInsertSchema(planAssets),
};
export const templateAssetSchemas = {
  select: createSelectSchema(templateAssets),
  insert: createInsertSchema(templateAssets),
};
export const messageAssetSchemas = {
  select: createSelectSchema(messageAssets),
  insert: createInsertSchema(messageAssets),
};
export const fluxcoreAssetPermissionSchemas = {
  select: createSelectSchema(fluxcoreAssetPermissions),
  insert: createInsertSchema(fluxcoreAssetPermissions),
};
export const fluxcoreMarketplaceListingSchemas = {
  select: createSelectSchema(fluxcoreMarketplaceListings),
  insert: createInsertSchema(fluxcoreMarketplaceListings),
};
export const fluxcoreMarketplaceReviewSchemas = {
  select: createSelectSchema(fluxcoreMarketplaceReviews),
  insert: createInsertSchema(fluxcoreMarketplaceReviews),
};
export const fluxcoreMarketplaceSubscriptionSchemas = {
  select: createSelectSchema(fluxcoreMarketplaceSubscriptions),
  insert: createInsertSchema(fluxcoreMarketplaceSubscriptions),
};
export const fluxcoreAccountCreditSchemas = {
  select: createSelectSchema(fluxcoreAccountCredits),
  insert: createInsertSchema(fluxcoreAccountCredits),
};
export const fluxcoreCreditTransactionSchemas = {
  select: createSelectSchema(fluxcoreCreditTransactions),
  insert: createInsertSchema(fluxcoreCreditTransactions),
};
