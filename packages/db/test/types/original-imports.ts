/**
 * Compile test (part of `bun run typecheck`): every symbol the original FluxCore app imports
 * from '@fluxcore/db' (test/fixtures/fluxcore-2026-02.imports.tsv) resolves at the top level
 * with the meaning the app relies on. Each table is used in a typed select, each type in an
 * assignment that checks its fields. Nothing here runs: test/original-imports.test.ts checks
 * this file imports exactly the listed symbols.
 */
import {
  type AccessibleAssetsFilter,
  type AccountBillingInfo,
  type AccountDeletionJob,
  type Asset,
  type AssetAccessInfo,
  type AssetAuditLog,
  type AssetPolicy,
  type AssetScope,
  type AssetSearchParams,
  type AssetStatus,
  type AssetType,
  type AssetUploadSession,
  type AssistantModelConfig,
  type AuditAction,
  type AuditQueryParams,
  type AutomationConfig,
  type AutomationMode,
  type AutomationRule,
  type AutomationTrigger,
  accountAiEntitlements,
  accountDeletionJobs,
  accountDeletionLogs,
  accounts,
  actors,
  appointmentServices,
  appointmentStaff,
  appointments,
  assetAuditLogs,
  assetPolicies,
  assets,
  assetUploadSessions,
  automationRules,
  type ChunkingConfig,
  type ContextEntry,
  type CreateAssetParams,
  type CreateUploadSessionParams,
  type CreditsConversationSession,
  conversations,
  creditsConversationSessions,
  creditsLedger,
  creditsPolicies,
  creditsWallets,
  DEFAULT_RAG_CONFIG,
  type DedupPolicy,
  type DependencyType,
  db,
  type EvaluatePolicyParams,
  extensionContexts,
  extensionInstallations,
  type FluxcoreAccountCredits,
  type FluxcoreAssetPermission,
  type FluxcoreAssistant,
  type FluxcoreFile,
  type FluxcoreInstruction,
  type FluxcoreMarketplaceListing,
  type FluxcoreMarketplaceSubscription,
  type FluxcoreToolConnection,
  type FluxcoreToolDefinition,
  type FluxcoreVectorStore,
  type FluxcoreVectorStoreFile,
  fluxcoreAccountCredits,
  fluxcoreAssetPermissions,
  fluxcoreAssistantInstructions,
  fluxcoreAssistants,
  fluxcoreAssistantTools,
  fluxcoreAssistantVectorStores,
  fluxcoreCreditTransactions,
  fluxcoreDocumentChunks,
  fluxcoreFiles,
  fluxcoreInstructions,
  fluxcoreInstructionVersions,
  fluxcoreMarketplaceListings,
  fluxcoreMarketplaceReviews,
  fluxcoreMarketplaceSubscriptions,
  fluxcoreRagConfigurations,
  fluxcoreTemplateSettings,
  fluxcoreToolConnections,
  fluxcoreToolDefinitions,
  fluxcoreUsageLogs,
  fluxcoreVectorStoreFiles,
  fluxcoreVectorStores,
  type LinkAssetToMessageParams,
  type LinkAssetToPlanParams,
  type LinkAssetToTemplateParams,
  type LogAuditEventParams,
  type MarketplaceListingDetails,
  type MarketplaceSearchFilter,
  type MessageAsset,
  type MessageContent,
  mediaAttachments,
  messageAssets,
  messageEnrichments,
  messages,
  type NewAsset,
  type NewFluxcoreAssetPermission,
  type NewFluxcoreAssistant,
  type NewFluxcoreDocumentChunk,
  type NewFluxcoreInstruction,
  type NewFluxcoreMarketplaceListing,
  type NewFluxcoreRagConfiguration,
  type NewFluxcoreToolConnection,
  type NewFluxcoreVectorStore,
  type NewFluxcoreVectorStoreFile,
  type PermissionLevel,
  type PlanAsset,
  type PlanAssetStatus,
  type PlanType,
  type PolicyContext,
  type PolicyEvaluationResult,
  passwordResetTokens,
  planAssets,
  protectedAccounts,
  type RAGConfig,
  type RelationshipContext,
  type RelationshipPerspective,
  type ResourceType,
  type RevokeAssetRequest,
  relationships,
  type ShareAssetRequest,
  type SystemAdmin,
  type SystemAdminScopes,
  systemAdmins,
  type Template,
  type TemplateAsset,
  type TemplateVariable,
  templateAssets,
  templates,
  toRAGConfig,
  type UploadSessionProgress,
  type UsageSummary,
  users,
  websiteConfigs,
  workspaceInvitations,
  workspaceMembers,
  workspaces,
} from '@fluxcore/db';

const id = '00000000-0000-4000-8000-000000000000';

const contextEntry: ContextEntry = {
  author_account_id: id,
  content: 'Prefers mornings',
  type: 'preference',
  created_at: '2026-02-01T10:00:00Z',
};
const templateVariable: TemplateVariable = { name: 'date', type: 'date', required: true };
const accessibleAssetsFilter: AccessibleAssetsFilter = {
  accountId: id,
  assetType: 'vector_store',
  accessType: 'all',
};
const accountBillingInfo: AccountBillingInfo = {
  accountId: id,
  planType: 'pro',
  balanceCredits: 10,
  usedThisMonth: 2,
  usagePercentage: 20,
};
const accountDeletionJob: Pick<AccountDeletionJob, 'status' | 'snapshotUrl'> = {
  status: 'pending',
  snapshotUrl: null,
};
const asset: Pick<Asset, 'name' | 'checksumSHA256'> = { name: 'logo.png', checksumSHA256: null };
const assetAccessInfo: AssetAccessInfo = {
  assetId: id,
  assetType: 'tool',
  assetName: 'Calendar',
  accessType: 'shared',
  permissionLevel: 'read',
};
const assetAuditLog: Pick<AssetAuditLog, 'action' | 'timestamp'> = {
  action: 'download',
  timestamp: new Date(),
};
const assetPolicy: Pick<AssetPolicy, 'defaultTtlSeconds' | 'requireEncryption'> = {
  defaultTtlSeconds: 3600,
  requireEncryption: false,
};
const assetScope: AssetScope = 'template_asset';
const assetSearchParams: AssetSearchParams = {
  accountId: id,
  status: 'ready',
  search: 'logo',
  limit: 20,
};
const assetStatus: AssetStatus = 'archived';
const assetType: AssetType = 'instruction';
const assetUploadSession: Pick<AssetUploadSession, 'bytesUploaded' | 'maxSizeBytes'> = {
  bytesUploaded: 0,
  maxSizeBytes: 104_857_600,
};
const assistantModelConfig: AssistantModelConfig = {
  provider: 'openai',
  model: 'gpt-4o',
  temperature: 0.7,
  topP: 1,
  responseFormat: 'text',
};
const auditAction: AuditAction = 'url_signed';
const auditQueryParams: AuditQueryParams = {
  accountId: id,
  action: 'download',
  startDate: new Date(),
  limit: 50,
};
const automationConfig: AutomationConfig = {
  triggers: [{ type: 'keyword', value: 'hola' }],
  delayMs: 1500,
  rateLimit: 10,
};
const automationMode: AutomationMode = 'supervised';
const automationRule: Pick<AutomationRule, 'mode' | 'enabled'> = {
  mode: 'automatic',
  enabled: true,
};
const automationTrigger: AutomationTrigger = { type: 'schedule', value: '0 9 * * *' };
const chunkingConfig: ChunkingConfig = {
  strategy: 'recursive',
  sizeTokens: 512,
  overlapTokens: 50,
  separators: ['\n\n'],
  minSize: 50,
  maxSize: 2000,
};
const createAssetParams: CreateAssetParams = {
  accountId: id,
  name: 'logo.png',
  storageKey: 'a/b',
  scope: 'profile_avatar',
  dedupPolicy: 'intra_account',
};
const createUploadSessionParams: CreateUploadSessionParams = {
  accountId: id,
  maxSizeBytes: 1024,
  allowedMimeTypes: ['image/png'],
  ttlMinutes: 10,
};
const creditsConversationSession: Pick<CreditsConversationSession, 'tokensUsed' | 'expiresAt'> = {
  tokensUsed: 0,
  expiresAt: new Date(),
};
const dedupPolicy: DedupPolicy = 'intra_workspace';
const dependencyType: DependencyType = 'output';
const evaluatePolicyParams: EvaluatePolicyParams = {
  assetId: id,
  actorId: id,
  actorType: 'assistant',
  context: { action: 'preview', channel: 'web' },
};
const fluxcoreAccountCreditsRow: Pick<FluxcoreAccountCredits, 'balanceCredits' | 'planType'> = {
  balanceCredits: '10.0000',
  planType: 'free',
};
const fluxcoreAssetPermission: Pick<FluxcoreAssetPermission, 'permissionLevel' | 'grantedAt'> = {
  permissionLevel: 'write',
  grantedAt: new Date(),
};
const fluxcoreAssistant: Pick<FluxcoreAssistant, 'runtime' | 'tokensUsed'> = {
  runtime: 'openai',
  tokensUsed: 0,
};
const fluxcoreFile: Pick<FluxcoreFile, 'contentHash' | 'sizeBytes'> = {
  contentHash: 'ab'.repeat(32),
  sizeBytes: 10,
};
const fluxcoreInstruction: Pick<FluxcoreInstruction, 'visibility' | 'lastModifiedBy'> = {
  visibility: 'marketplace',
  lastModifiedBy: null,
};
const fluxcoreMarketplaceListing: Pick<
  FluxcoreMarketplaceListing,
  'priceCents' | 'totalSubscribers'
> = { priceCents: 900, totalSubscribers: 0 };
const fluxcoreMarketplaceSubscription: Pick<
  FluxcoreMarketplaceSubscription,
  'accessMode' | 'queriesTotal'
> = { accessMode: 'read', queriesTotal: 0 };
const fluxcoreToolConnection: Pick<FluxcoreToolConnection, 'status'> = { status: 'connected' };
const fluxcoreToolDefinition: Pick<FluxcoreToolDefinition, 'isEnabled' | 'icon'> = {
  isEnabled: true,
  icon: 'calendar',
};
const fluxcoreVectorStore: Pick<FluxcoreVectorStore, 'fileCount' | 'expirationPolicy'> = {
  fileCount: 0,
  expirationPolicy: 'never',
};
const fluxcoreVectorStoreFile: Pick<FluxcoreVectorStoreFile, 'status' | 'errorMessage'> = {
  status: 'pending',
  errorMessage: null,
};
const linkAssetToMessageParams: LinkAssetToMessageParams = {
  messageId: id,
  assetId: id,
  position: 0,
};
const linkAssetToPlanParams: LinkAssetToPlanParams = {
  planId: id,
  assetId: id,
  dependencyType: 'required',
};
const linkAssetToTemplateParams: LinkAssetToTemplateParams = {
  templateId: id,
  assetId: id,
  slot: 'header',
};
const logAuditEventParams: LogAuditEventParams = {
  action: 'download',
  actorType: 'user',
  success: true,
  metadata: { via: 'web' },
};
const marketplaceListingDetails: Pick<MarketplaceListingDetails, 'seller' | 'title'> = {
  title: 'Recipes',
  seller: { id, displayName: 'Ana', verified: true },
};
const marketplaceSearchFilter: MarketplaceSearchFilter = {
  query: 'recipes',
  pricingModel: 'free',
  sortBy: 'rating',
  page: 1,
};
const messageAsset: Pick<MessageAsset, 'position' | 'linkedAt'> = {
  position: 0,
  linkedAt: new Date(),
};
const messageContent: MessageContent = {
  text: 'Hi',
  media: [{ type: 'image', url: 'https://example.test/a.png' }],
  buttons: [{ id: 'b', text: 'Yes', action: 'reply' }],
};
const newAsset: NewAsset = {
  accountId: id,
  name: 'logo.png',
  storageKey: 'a/b',
  encryption: 'aes-256-gcm',
};
const newFluxcoreAssetPermission: NewFluxcoreAssetPermission = {
  granteeAccountId: id,
  vectorStoreId: id,
  notes: 'shared',
};
const newFluxcoreAssistant: NewFluxcoreAssistant = {
  accountId: id,
  name: 'Helper',
  lastModifiedBy: 'ana',
};
const newFluxcoreDocumentChunk: NewFluxcoreDocumentChunk = {
  vectorStoreId: id,
  fileId: id,
  accountId: id,
  content: 'text',
  chunkIndex: 0,
  embedding: [0.1],
  pageNumber: 1,
};
const newFluxcoreInstruction: NewFluxcoreInstruction = { accountId: id, name: 'Tone' };
const newFluxcoreMarketplaceListing: NewFluxcoreMarketplaceListing = {
  sellerAccountId: id,
  vectorStoreId: id,
  title: 'Recipes',
  priceCents: 0,
  licenseType: 'commercial',
};
const newFluxcoreRagConfiguration: NewFluxcoreRagConfiguration = {
  vectorStoreId: id,
  chunkSizeTokens: 256,
  retrievalMinScore: '0.500',
};
const newFluxcoreToolConnection: NewFluxcoreToolConnection = {
  accountId: id,
  toolDefinitionId: id,
  status: 'disconnected',
};
const newFluxcoreVectorStore: NewFluxcoreVectorStore = {
  accountId: id,
  name: 'Recipes',
  expirationDays: 30,
};
const newFluxcoreVectorStoreFile: NewFluxcoreVectorStoreFile = {
  vectorStoreId: id,
  fileId: id,
  name: 'a.pdf',
  mimeType: 'application/pdf',
};
const permissionLevel: PermissionLevel = 'admin';
const planAsset: Pick<PlanAsset, 'isReady' | 'dependencyType'> = {
  isReady: false,
  dependencyType: 'optional',
};
const planAssetStatus: PlanAssetStatus = {
  planId: id,
  totalAssets: 2,
  readyAssets: 1,
  pendingAssets: 1,
  canProceed: false,
};
const planType: PlanType = 'enterprise';
const policyContext: PolicyContext = { action: 'download', channel: 'api' };
const policyEvaluationResult: PolicyEvaluationResult = {
  allowed: true,
  ttlSeconds: 300,
  policyId: id,
};
const ragConfig: RAGConfig = { id, ...DEFAULT_RAG_CONFIG, isDefault: false };
const relationshipContext: RelationshipContext = { entries: [contextEntry], total_chars: 16 };
const relationshipPerspective: RelationshipPerspective = {
  saved_name: 'Ana',
  tags: ['vip'],
  status: 'active',
};
// The original's AI onboarding writes only a camelCase saved name.
const onboardingPerspective: RelationshipPerspective = { savedName: 'FluxCore' };
const resourceType: ResourceType = 'document_processing';
const revokeAssetRequest: RevokeAssetRequest = {
  assetId: id,
  assetType: 'vector_store',
  granteeAccountId: id,
};
const shareAssetRequest: ShareAssetRequest = {
  assetId: id,
  assetType: 'tool',
  granteeAccountId: id,
  permissionLevel: 'read',
  notes: 'trial',
};
// The original's listAdmins builds its SystemAdmin from a select without updated_at.
const systemAdmin: SystemAdmin = {
  userId: id,
  scopes: { credits: true },
  createdBy: null,
  createdAt: new Date(),
};
const systemAdminScopes: SystemAdminScopes = { credits: true, policies: false };
const template: Pick<Template, 'variables'> = { variables: [templateVariable] };
const templateAsset: Pick<TemplateAsset, 'slot' | 'linkedAt'> = {
  slot: 'header',
  linkedAt: new Date(),
};
const uploadSessionProgress: UploadSessionProgress = {
  sessionId: id,
  status: 'uploading',
  bytesUploaded: 10,
  totalBytes: 100,
  chunksReceived: 1,
  percentComplete: 10,
  expiresAt: new Date(),
};
const usageSummary: UsageSummary = {
  resourceType: 'embedding',
  totalTokens: 1000,
  totalCost: 0.1,
  operationCount: 3,
};

/** One typed select per table the app imports; never called. */
export async function selectEveryTable() {
  return {
    accountAiEntitlements: (await db
      .select()
      .from(accountAiEntitlements)
      .limit(1)) satisfies (typeof accountAiEntitlements.$inferSelect)[],
    accountDeletionJobs: (await db
      .select()
      .from(accountDeletionJobs)
      .limit(1)) satisfies (typeof accountDeletionJobs.$inferSelect)[],
    accountDeletionLogs: (await db
      .select()
      .from(accountDeletionLogs)
      .limit(1)) satisfies (typeof accountDeletionLogs.$inferSelect)[],
    accounts: (await db
      .select()
      .from(accounts)
      .limit(1)) satisfies (typeof accounts.$inferSelect)[],
    actors: (await db.select().from(actors).limit(1)) satisfies (typeof actors.$inferSelect)[],
    appointmentServices: (await db
      .select()
      .from(appointmentServices)
      .limit(1)) satisfies (typeof appointmentServices.$inferSelect)[],
    appointmentStaff: (await db
      .select()
      .from(appointmentStaff)
      .limit(1)) satisfies (typeof appointmentStaff.$inferSelect)[],
    appointments: (await db
      .select()
      .from(appointments)
      .limit(1)) satisfies (typeof appointments.$inferSelect)[],
    assetAuditLogs: (await db
      .select()
      .from(assetAuditLogs)
      .limit(1)) satisfies (typeof assetAuditLogs.$inferSelect)[],
    assetPolicies: (await db
      .select()
      .from(assetPolicies)
      .limit(1)) satisfies (typeof assetPolicies.$inferSelect)[],
    assetUploadSessions: (await db
      .select()
      .from(assetUploadSessions)
      .limit(1)) satisfies (typeof assetUploadSessions.$inferSelect)[],
    assets: (await db.select().from(assets).limit(1)) satisfies (typeof assets.$inferSelect)[],
    automationRules: (await db
      .select()
      .from(automationRules)
      .limit(1)) satisfies (typeof automationRules.$inferSelect)[],
    conversations: (await db
      .select()
      .from(conversations)
      .limit(1)) satisfies (typeof conversations.$inferSelect)[],
    creditsConversationSessions: (await db
      .select()
      .from(creditsConversationSessions)
      .limit(1)) satisfies (typeof creditsConversationSessions.$inferSelect)[],
    creditsLedger: (await db
      .select()
      .from(creditsLedger)
      .limit(1)) satisfies (typeof creditsLedger.$inferSelect)[],
    creditsPolicies: (await db
      .select()
      .from(creditsPolicies)
      .limit(1)) satisfies (typeof creditsPolicies.$inferSelect)[],
    creditsWallets: (await db
      .select()
      .from(creditsWallets)
      .limit(1)) satisfies (typeof creditsWallets.$inferSelect)[],
    extensionContexts: (await db
      .select()
      .from(extensionContexts)
      .limit(1)) satisfies (typeof extensionContexts.$inferSelect)[],
    extensionInstallations: (await db
      .select()
      .from(extensionInstallations)
      .limit(1)) satisfies (typeof extensionInstallations.$inferSelect)[],
    fluxcoreAccountCredits: (await db
      .select()
      .from(fluxcoreAccountCredits)
      .limit(1)) satisfies (typeof fluxcoreAccountCredits.$inferSelect)[],
    fluxcoreAssetPermissions: (await db
      .select()
      .from(fluxcoreAssetPermissions)
      .limit(1)) satisfies (typeof fluxcoreAssetPermissions.$inferSelect)[],
    fluxcoreAssistantInstructions: (await db
      .select()
      .from(fluxcoreAssistantInstructions)
      .limit(1)) satisfies (typeof fluxcoreAssistantInstructions.$inferSelect)[],
    fluxcoreAssistantTools: (await db
      .select()
      .from(fluxcoreAssistantTools)
      .limit(1)) satisfies (typeof fluxcoreAssistantTools.$inferSelect)[],
    fluxcoreAssistantVectorStores: (await db
      .select()
      .from(fluxcoreAssistantVectorStores)
      .limit(1)) satisfies (typeof fluxcoreAssistantVectorStores.$inferSelect)[],
    fluxcoreAssistants: (await db
      .select()
      .from(fluxcoreAssistants)
      .limit(1)) satisfies (typeof fluxcoreAssistants.$inferSelect)[],
    fluxcoreCreditTransactions: (await db
      .select()
      .from(fluxcoreCreditTransactions)
      .limit(1)) satisfies (typeof fluxcoreCreditTransactions.$inferSelect)[],
    fluxcoreDocumentChunks: (await db
      .select()
      .from(fluxcoreDocumentChunks)
      .limit(1)) satisfies (typeof fluxcoreDocumentChunks.$inferSelect)[],
    fluxcoreFiles: (await db
      .select()
      .from(fluxcoreFiles)
      .limit(1)) satisfies (typeof fluxcoreFiles.$inferSelect)[],
    fluxcoreInstructionVersions: (await db
      .select()
      .from(fluxcoreInstructionVersions)
      .limit(1)) satisfies (typeof fluxcoreInstructionVersions.$inferSelect)[],
    fluxcoreInstructions: (await db
      .select()
      .from(fluxcoreInstructions)
      .limit(1)) satisfies (typeof fluxcoreInstructions.$inferSelect)[],
    fluxcoreMarketplaceListings: (await db
      .select()
      .from(fluxcoreMarketplaceListings)
      .limit(1)) satisfies (typeof fluxcoreMarketplaceListings.$inferSelect)[],
    fluxcoreMarketplaceReviews: (await db
      .select()
      .from(fluxcoreMarketplaceReviews)
      .limit(1)) satisfies (typeof fluxcoreMarketplaceReviews.$inferSelect)[],
    fluxcoreMarketplaceSubscriptions: (await db
      .select()
      .from(fluxcoreMarketplaceSubscriptions)
      .limit(1)) satisfies (typeof fluxcoreMarketplaceSubscriptions.$inferSelect)[],
    fluxcoreRagConfigurations: (await db
      .select()
      .from(fluxcoreRagConfigurations)
      .limit(1)) satisfies (typeof fluxcoreRagConfigurations.$inferSelect)[],
    fluxcoreTemplateSettings: (await db
      .select()
      .from(fluxcoreTemplateSettings)
      .limit(1)) satisfies (typeof fluxcoreTemplateSettings.$inferSelect)[],
    fluxcoreToolConnections: (await db
      .select()
      .from(fluxcoreToolConnections)
      .limit(1)) satisfies (typeof fluxcoreToolConnections.$inferSelect)[],
    fluxcoreToolDefinitions: (await db
      .select()
      .from(fluxcoreToolDefinitions)
      .limit(1)) satisfies (typeof fluxcoreToolDefinitions.$inferSelect)[],
    fluxcoreUsageLogs: (await db
      .select()
      .from(fluxcoreUsageLogs)
      .limit(1)) satisfies (typeof fluxcoreUsageLogs.$inferSelect)[],
    fluxcoreVectorStoreFiles: (await db
      .select()
      .from(fluxcoreVectorStoreFiles)
      .limit(1)) satisfies (typeof fluxcoreVectorStoreFiles.$inferSelect)[],
    fluxcoreVectorStores: (await db
      .select()
      .from(fluxcoreVectorStores)
      .limit(1)) satisfies (typeof fluxcoreVectorStores.$inferSelect)[],
    mediaAttachments: (await db
      .select()
      .from(mediaAttachments)
      .limit(1)) satisfies (typeof mediaAttachments.$inferSelect)[],
    messageAssets: (await db
      .select()
      .from(messageAssets)
      .limit(1)) satisfies (typeof messageAssets.$inferSelect)[],
    messageEnrichments: (await db
      .select()
      .from(messageEnrichments)
      .limit(1)) satisfies (typeof messageEnrichments.$inferSelect)[],
    messages: (await db
      .select()
      .from(messages)
      .limit(1)) satisfies (typeof messages.$inferSelect)[],
    passwordResetTokens: (await db
      .select()
      .from(passwordResetTokens)
      .limit(1)) satisfies (typeof passwordResetTokens.$inferSelect)[],
    planAssets: (await db
      .select()
      .from(planAssets)
      .limit(1)) satisfies (typeof planAssets.$inferSelect)[],
    protectedAccounts: (await db
      .select()
      .from(protectedAccounts)
      .limit(1)) satisfies (typeof protectedAccounts.$inferSelect)[],
    relationships: (await db
      .select()
      .from(relationships)
      .limit(1)) satisfies (typeof relationships.$inferSelect)[],
    systemAdmins: (await db
      .select()
      .from(systemAdmins)
      .limit(1)) satisfies (typeof systemAdmins.$inferSelect)[],
    templateAssets: (await db
      .select()
      .from(templateAssets)
      .limit(1)) satisfies (typeof templateAssets.$inferSelect)[],
    templates: (await db
      .select()
      .from(templates)
      .limit(1)) satisfies (typeof templates.$inferSelect)[],
    users: (await db.select().from(users).limit(1)) satisfies (typeof users.$inferSelect)[],
    websiteConfigs: (await db
      .select()
      .from(websiteConfigs)
      .limit(1)) satisfies (typeof websiteConfigs.$inferSelect)[],
    workspaceInvitations: (await db
      .select()
      .from(workspaceInvitations)
      .limit(1)) satisfies (typeof workspaceInvitations.$inferSelect)[],
    workspaceMembers: (await db
      .select()
      .from(workspaceMembers)
      .limit(1)) satisfies (typeof workspaceMembers.$inferSelect)[],
    workspaces: (await db
      .select()
      .from(workspaces)
      .limit(1)) satisfies (typeof workspaces.$inferSelect)[],
  };
}

/** toRAGConfig reads a configuration row into RAGConfig; never called. */
export async function effectiveConfig(): Promise<RAGConfig> {
  const [row] = await db.select().from(fluxcoreRagConfigurations).limit(1);
  const sizeTokens: number = DEFAULT_RAG_CONFIG.chunking.sizeTokens;
  return row ? toRAGConfig(row) : { ...ragConfig, chunking: { ...chunkingConfig, sizeTokens } };
}

export const assignments = [
  contextEntry,
  templateVariable,
  accessibleAssetsFilter,
  accountBillingInfo,
  accountDeletionJob,
  asset,
  assetAccessInfo,
  assetAuditLog,
  assetPolicy,
  assetScope,
  assetSearchParams,
  assetStatus,
  assetType,
  assetUploadSession,
  assistantModelConfig,
  auditAction,
  auditQueryParams,
  automationConfig,
  automationMode,
  automationRule,
  automationTrigger,
  chunkingConfig,
  createAssetParams,
  createUploadSessionParams,
  creditsConversationSession,
  dedupPolicy,
  dependencyType,
  evaluatePolicyParams,
  fluxcoreAccountCreditsRow,
  fluxcoreAssetPermission,
  fluxcoreAssistant,
  fluxcoreFile,
  fluxcoreInstruction,
  fluxcoreMarketplaceListing,
  fluxcoreMarketplaceSubscription,
  fluxcoreToolConnection,
  fluxcoreToolDefinition,
  fluxcoreVectorStore,
  fluxcoreVectorStoreFile,
  linkAssetToMessageParams,
  linkAssetToPlanParams,
  linkAssetToTemplateParams,
  logAuditEventParams,
  marketplaceListingDetails,
  marketplaceSearchFilter,
  messageAsset,
  messageContent,
  newAsset,
  newFluxcoreAssetPermission,
  newFluxcoreAssistant,
  newFluxcoreDocumentChunk,
  newFluxcoreInstruction,
  newFluxcoreMarketplaceListing,
  newFluxcoreRagConfiguration,
  newFluxcoreToolConnection,
  newFluxcoreVectorStore,
  newFluxcoreVectorStoreFile,
  permissionLevel,
  planAsset,
  planAssetStatus,
  planType,
  policyContext,
  policyEvaluationResult,
  ragConfig,
  relationshipContext,
  relationshipPerspective,
  onboardingPerspective,
  resourceType,
  revokeAssetRequest,
  shareAssetRequest,
  systemAdmin,
  systemAdminScopes,
  template,
  templateAsset,
  uploadSessionProgress,
  usageSummary,
];
