import { pgEnum } from 'drizzle-orm/pg-core';

/** Who may see a vector store, an instruction or a tool (one enum for the three). */
export const assetVisibilities = ['private', 'shared', 'public', 'marketplace'] as const;
export type AssetVisibility = (typeof assetVisibilities)[number];

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

/** `visitor` came with the May lineage's widget threads (050_asset_actor_type_visitor). */
export const assetAuditActorTypes = ['user', 'assistant', 'system', 'api', 'visitor'] as const;

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

// The original's names for these sets, as its app imports them.
export type DedupPolicy = AssetDedupPolicy;

export type AuditAction = AssetAuditAction;

export type PermissionLevel = AssetPermissionLevel;

export type PermissionSource = AssetPermissionSource;

export type DependencyType = PlanAssetDependencyType;

export type PricingModel = MarketplacePricingModel;

export type ListingStatus = MarketplaceListingStatus;

export type SubscriptionStatus = MarketplaceSubscriptionStatus;

export type BillingPeriod = MarketplaceBillingPeriod;

export type UploadSessionStatus = AssetUploadSessionStatus;

/** What a permission or a listing is about: one of the three kinds of FluxCore asset. */
export type AssetType = 'vector_store' | 'instruction' | 'tool';

/** Kept by the listing as counters; the source of truth is subscriptions and reviews. */
/** What a buyer may do with a listing's content. */
export const marketplaceLicenseTypes = ['personal', 'commercial', 'enterprise'] as const;

export type MarketplaceLicenseType = (typeof marketplaceLicenseTypes)[number];
