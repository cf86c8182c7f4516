/**
 * The parameter and result types of the original FluxCore app's services (assets, uploads,
 * policies, audit, sharing, marketplace, billing, plans and templates), as it imports them from
 * `@fluxcore/db`. Types only: the services themselves live in the app.
 */
import type {
  AssetAuditActorType,
  AssetScope,
  AssetStatus,
  AssetType,
  AuditAction,
  DedupPolicy,
  DependencyType,
  FluxcoreMarketplaceListing,
  PermissionLevel,
  PlanType,
  PricingModel,
  ResourceType,
  UploadSessionStatus,
} from '../schema/index.ts';

export interface CreateAssetParams {
  accountId: string;
  workspaceId?: string;
  name: string;
  originalName?: string;
  mimeType?: string;
  sizeBytes?: number;
  storageKey: string;
  storageProvider?: string;
  scope?: AssetScope;
  dedupPolicy?: DedupPolicy;
  uploadedBy?: string;
  metadata?: Record<string, unknown>;
}

export interface AssetSearchParams {
  accountId: string;
  workspaceId?: string;
  scope?: AssetScope;
  status?: AssetStatus;
  mimeType?: string;
  /** Matched against the asset's name. */
  search?: string;
  limit?: number;
  offset?: number;
}

export interface CreateUploadSessionParams {
  accountId: string;
  uploadedBy?: string;
  maxSizeBytes?: number;
  allowedMimeTypes?: string[];
  fileName?: string;
  mimeType?: string;
  totalBytes?: number;
  /** How long the session stays open; the original's default is 10 minutes. */
  ttlMinutes?: number;
}

export interface UploadSessionProgress {
  sessionId: string;
  status: UploadSessionStatus;
  bytesUploaded: number;
  totalBytes: number | null;
  chunksReceived: number;
  /** 0 to 100. */
  percentComplete: number;
  expiresAt: Date;
}

/** Who asks for an asset, and why. */
export interface PolicyContext {
  action: 'download' | 'preview' | 'internal';
  channel: 'web' | 'api' | 'assistant' | 'compliance';
}

export interface EvaluatePolicyParams {
  assetId: string;
  actorId: string;
  /** A widget visitor too (the May lineage's 050_asset_actor_type_visitor). */
  actorType: 'user' | 'assistant' | 'system' | 'visitor';
  context: PolicyContext;
}

export interface PolicyEvaluationResult {
  allowed: boolean;
  /** The signed URL's lifetime when allowed. */
  ttlSeconds: number;
  reason?: string;
  policyId?: string;
}

export interface LogAuditEventParams {
  assetId?: string;
  sessionId?: string;
  action: AuditAction;
  actorId?: string;
  actorType?: AssetAuditActorType;
  context?: string;
  accountId?: string;
  metadata?: Record<string, unknown>;
  ipAddress?: string;
  userAgent?: string;
  success?: boolean;
  errorMessage?: string;
}

export interface AuditQueryParams {
  assetId?: string;
  accountId?: string;
  action?: AuditAction;
  actorId?: string;
  startDate?: Date;
  endDate?: Date;
  limit?: number;
  offset?: number;
}

/** How an account reaches a vector store, instruction or tool. */
export interface AssetAccessInfo {
  assetId: string;
  assetType: AssetType;
  assetName: string;
  accessType: 'owned' | 'shared' | 'marketplace' | 'public';
  permissionLevel: PermissionLevel;
  grantedAt?: Date;
  expiresAt?: Date;
}

export interface ShareAssetRequest {
  assetId: string;
  assetType: AssetType;
  granteeAccountId: string;
  permissionLevel: PermissionLevel;
  expiresAt?: Date;
  notes?: string;
}

export interface RevokeAssetRequest {
  assetId: string;
  assetType: AssetType;
  granteeAccountId: string;
}

export interface AccessibleAssetsFilter {
  accountId: string;
  assetType?: AssetType;
  accessType?: 'owned' | 'shared' | 'marketplace' | 'public' | 'all';
  includeExpired?: boolean;
}

/** A listing with its seller and what it sells, as the marketplace pages show it. */
export interface MarketplaceListingDetails extends FluxcoreMarketplaceListing {
  seller?: { id: string; displayName: string; verified: boolean };
  asset?: { name: string; type: AssetType; fileCount?: number; chunkCount?: number };
}

export interface MarketplaceSearchFilter {
  query?: string;
  category?: string;
  pricingModel?: PricingModel;
  /** In cents, like price_cents. */
  minPrice?: number;
  maxPrice?: number;
  minRating?: number;
  tags?: string[];
  sortBy?: 'newest' | 'popular' | 'rating' | 'price_asc' | 'price_desc';
  page?: number;
  limit?: number;
}

/** One resource type's usage over a period. */
export interface UsageSummary {
  resourceType: ResourceType;
  totalTokens: number;
  totalCost: number;
  operationCount: number;
}

export interface AccountBillingInfo {
  accountId: string;
  planType: PlanType;
  balanceCredits: number;
  usedThisMonth: number;
  monthlyLimit?: number;
  /** usedThisMonth as a percentage of monthlyLimit; 0 without a limit. */
  usagePercentage: number;
}

export interface LinkAssetToMessageParams {
  messageId: string;
  assetId: string;
  version?: number;
  position?: number;
}

export interface LinkAssetToPlanParams {
  planId: string;
  stepId?: string;
  assetId: string;
  version?: number;
  dependencyType?: DependencyType;
}

/** Whether an execution plan has the assets it needs. */
export interface PlanAssetStatus {
  planId: string;
  totalAssets: number;
  readyAssets: number;
  pendingAssets: number;
  canProceed: boolean;
}

export interface LinkAssetToTemplateParams {
  templateId: string;
  assetId: string;
  version?: number;
  slot?: string;
}
