/**
 * Every table's row-level security policies, declared for drizzle-kit (which generates the
 * CREATE POLICY statements and enables row-level security on each table that has one): one
 * export per policy, since drizzle-kit finds policies among the schema's exports. Each is
 * built from tableTenancy by build.ts; test/tenancy-registry.test.ts checks that every table
 * with row-level security has exactly the policies its tenancy asks for.
 */
import { getTableName, sql } from 'drizzle-orm';
import { type PgTable, pgPolicy } from 'drizzle-orm/pg-core';
import {
  appointmentServices,
  appointmentStaff,
  appointments,
  automationRules,
  extensionContexts,
  extensionInstallations,
  websiteConfigs,
  workspaceInvitations,
  workspaceMembers,
  workspaces,
} from '../apps/index.ts';
import {
  assetAuditLogs,
  assetEnrichments,
  assetPolicies,
  assets,
  assetUploadSessions,
  fluxcoreAssetPermissions,
  fluxcoreMarketplaceListings,
  fluxcoreMarketplaceReviews,
  fluxcoreMarketplaceSubscriptions,
  fluxcoreTemplateSettings,
  messageAssets,
  planAssets,
  templateAssets,
  templates,
} from '../assets/index.ts';
import {
  aiSignals,
  aiSuggestions,
  aiTraces,
  fluxcoreAgentAssistants,
  fluxcoreAgents,
  fluxcoreAssistantInstructions,
  fluxcoreAssistants,
  fluxcoreAssistantTools,
  fluxcoreAssistantVectorStores,
  fluxcoreInstructions,
  fluxcoreInstructionVersions,
  fluxcoreToolConnections,
  fluxcoreToolDefinitions,
  fluxcoreUsageLogs,
} from '../assistants/index.ts';
import {
  accounts,
  actors,
  chatcoreOutbox,
  conversationParticipants,
  conversations,
  mediaAttachments,
  messageEnrichments,
  messages,
  messageVisibility,
  relationships,
} from '../chat/index.ts';
import {
  accountAiEntitlements,
  accountDeletionJobs,
  accountDeletionLogs,
  creditsConversationSessions,
  creditsLedger,
  creditsWallets,
  fluxcoreAccountCredits,
  fluxcoreCreditTransactions,
  protectedAccounts,
} from '../credits-and-access/index.ts';
import {
  fluxcoreAccountActorContexts,
  fluxcoreActorAddressLinks,
  fluxcoreActorIdentityLinks,
  fluxcoreActors,
  fluxcoreSessionProjection,
} from '../kernel/index.ts';
import {
  accountLocations,
  specialDates,
  specialIntervals,
  weeklyIntervals,
  weeklySchedules,
} from '../locations/index.ts';
import {
  fluxcoreDocumentChunks,
  fluxcoreFiles,
  fluxcoreRagConfigurations,
  fluxcoreVectorStoreFiles,
  fluxcoreVectorStoreStats,
  fluxcoreVectorStores,
} from '../rag/index.ts';
import {
  accountRuntimeConfig,
  fluxcoreAccountPolicies,
  fluxcoreActionAudit,
  fluxcoreCognitionQueue,
} from '../runtime/index.ts';
import { signalDeliveryLog, signals } from '../signals/index.ts';
import {
  fluxcoreDecisionEvents,
  fluxcoreExternalEffectClaims,
  fluxcoreExternalEffects,
  fluxcoreProposedWorks,
  fluxcoreSemanticContexts,
  fluxcoreWorkDefinitions,
  fluxcoreWorkEvents,
  fluxcoreWorkSlots,
  fluxcoreWorks,
} from '../works/index.ts';
import { readPolicy, systemReferencesPolicy, tenantPolicy, writePolicy } from './build.ts';
import { runtimeRoles } from './index.ts';
import { isTenant } from './predicates.ts';

export const accountAiEntitlementsTenant = tenantPolicy(accountAiEntitlements);
export const accountDeletionJobsTenant = tenantPolicy(accountDeletionJobs);
export const accountDeletionLogsTenant = tenantPolicy(accountDeletionLogs);
export const accountDeletionLogsSystemReferences = systemReferencesPolicy(accountDeletionLogs);
export const accountLocationsTenant = tenantPolicy(accountLocations);
export const accountRuntimeConfigTenant = tenantPolicy(accountRuntimeConfig);
export const accountsTenant = tenantPolicy(accounts);
export const actorsWrite = writePolicy(actors);
export const aiSignalsTenant = tenantPolicy(aiSignals);
export const aiSuggestionsTenant = tenantPolicy(aiSuggestions);
export const aiTracesTenant = tenantPolicy(aiTraces);
export const appointmentServicesTenant = tenantPolicy(appointmentServices);
export const appointmentStaffTenant = tenantPolicy(appointmentStaff);
export const appointmentsRead = readPolicy(appointments);
export const appointmentsWrite = writePolicy(appointments);
export const assetAuditLogsTenant = tenantPolicy(assetAuditLogs);
export const assetEnrichmentsTenant = tenantPolicy(assetEnrichments);
export const assetPoliciesRead = readPolicy(assetPolicies);
export const assetPoliciesWrite = writePolicy(assetPolicies);
export const assetUploadSessionsTenant = tenantPolicy(assetUploadSessions);
export const assetsTenant = tenantPolicy(assets);
export const automationRulesTenant = tenantPolicy(automationRules);
export const chatcoreOutboxTenant = tenantPolicy(chatcoreOutbox);
export const conversationParticipantsTenant = tenantPolicy(conversationParticipants);
export const conversationsWrite = writePolicy(conversations);
export const conversationsSystemReferences = systemReferencesPolicy(conversations);
export const creditsConversationSessionsTenant = tenantPolicy(creditsConversationSessions);
export const creditsLedgerTenant = tenantPolicy(creditsLedger);
export const creditsWalletsTenant = tenantPolicy(creditsWallets);
export const extensionContextsWrite = writePolicy(extensionContexts);
export const extensionInstallationsTenant = tenantPolicy(extensionInstallations);
export const extensionInstallationsSystemReferences =
  systemReferencesPolicy(extensionInstallations);
export const fluxcoreAccountActorContextsTenant = tenantPolicy(fluxcoreAccountActorContexts);
export const fluxcoreAccountCreditsTenant = tenantPolicy(fluxcoreAccountCredits);
export const fluxcoreAccountPoliciesTenant = tenantPolicy(fluxcoreAccountPolicies);
export const fluxcoreActionAuditTenant = tenantPolicy(fluxcoreActionAudit);
export const fluxcoreActorAddressLinksTenant = tenantPolicy(fluxcoreActorAddressLinks);
export const fluxcoreActorIdentityLinksTenant = tenantPolicy(fluxcoreActorIdentityLinks);
export const fluxcoreActorsTenant = tenantPolicy(fluxcoreActors);
export const fluxcoreAgentAssistantsTenant = tenantPolicy(fluxcoreAgentAssistants);
export const fluxcoreAgentsTenant = tenantPolicy(fluxcoreAgents);
export const fluxcoreAssetPermissionsRead = readPolicy(fluxcoreAssetPermissions);
export const fluxcoreAssetPermissionsWrite = writePolicy(fluxcoreAssetPermissions);
export const fluxcoreAssistantInstructionsTenant = tenantPolicy(fluxcoreAssistantInstructions);
export const fluxcoreAssistantToolsTenant = tenantPolicy(fluxcoreAssistantTools);
export const fluxcoreAssistantVectorStoresTenant = tenantPolicy(fluxcoreAssistantVectorStores);
export const fluxcoreAssistantsTenant = tenantPolicy(fluxcoreAssistants);
export const fluxcoreCognitionQueueTenant = tenantPolicy(fluxcoreCognitionQueue);
export const fluxcoreCreditTransactionsTenant = tenantPolicy(fluxcoreCreditTransactions);
export const fluxcoreDecisionEventsTenant = tenantPolicy(fluxcoreDecisionEvents);
export const fluxcoreDocumentChunksTenant = tenantPolicy(fluxcoreDocumentChunks);
export const fluxcoreExternalEffectClaimsTenant = tenantPolicy(fluxcoreExternalEffectClaims);
export const fluxcoreExternalEffectsTenant = tenantPolicy(fluxcoreExternalEffects);
export const fluxcoreFilesTenant = tenantPolicy(fluxcoreFiles);
export const fluxcoreInstructionVersionsTenant = tenantPolicy(fluxcoreInstructionVersions);
export const fluxcoreInstructionsTenant = tenantPolicy(fluxcoreInstructions);
export const fluxcoreMarketplaceListingsRead = readPolicy(fluxcoreMarketplaceListings);
export const fluxcoreMarketplaceListingsWrite = writePolicy(fluxcoreMarketplaceListings);
export const fluxcoreMarketplaceReviewsRead = readPolicy(fluxcoreMarketplaceReviews);
export const fluxcoreMarketplaceReviewsWrite = writePolicy(fluxcoreMarketplaceReviews);
export const fluxcoreMarketplaceSubscriptionsRead = readPolicy(fluxcoreMarketplaceSubscriptions);
export const fluxcoreMarketplaceSubscriptionsWrite = writePolicy(fluxcoreMarketplaceSubscriptions);
export const fluxcoreProposedWorksTenant = tenantPolicy(fluxcoreProposedWorks);
export const fluxcoreRagConfigurationsWrite = writePolicy(fluxcoreRagConfigurations);
export const fluxcoreSemanticContextsTenant = tenantPolicy(fluxcoreSemanticContexts);
export const fluxcoreSessionProjectionTenant = tenantPolicy(fluxcoreSessionProjection);
export const fluxcoreTemplateSettingsTenant = tenantPolicy(fluxcoreTemplateSettings);
export const fluxcoreToolConnectionsTenant = tenantPolicy(fluxcoreToolConnections);
export const fluxcoreToolDefinitionsRead = readPolicy(fluxcoreToolDefinitions);
export const fluxcoreToolDefinitionsWrite = writePolicy(fluxcoreToolDefinitions);
export const fluxcoreUsageLogsTenant = tenantPolicy(fluxcoreUsageLogs);
export const fluxcoreVectorStoreFilesTenant = tenantPolicy(fluxcoreVectorStoreFiles);
export const fluxcoreVectorStoreStatsTenant = tenantPolicy(fluxcoreVectorStoreStats);
export const fluxcoreVectorStoresTenant = tenantPolicy(fluxcoreVectorStores);
export const fluxcoreWorkDefinitionsTenant = tenantPolicy(fluxcoreWorkDefinitions);
export const fluxcoreWorkEventsTenant = tenantPolicy(fluxcoreWorkEvents);
export const fluxcoreWorkSlotsTenant = tenantPolicy(fluxcoreWorkSlots);
export const fluxcoreWorksTenant = tenantPolicy(fluxcoreWorks);
export const mediaAttachmentsTenant = tenantPolicy(mediaAttachments);
export const messageAssetsTenant = tenantPolicy(messageAssets);
export const messageEnrichmentsTenant = tenantPolicy(messageEnrichments);
export const messageVisibilityTenant = tenantPolicy(messageVisibility);
export const messagesTenant = tenantPolicy(messages);
export const messagesSystemReferences = systemReferencesPolicy(messages);
export const planAssetsTenant = tenantPolicy(planAssets);
export const protectedAccountsTenant = tenantPolicy(protectedAccounts);
export const relationshipsWrite = writePolicy(relationships);
export const signalDeliveryLogTenant = tenantPolicy(signalDeliveryLog);
export const signalsWrite = writePolicy(signals);
export const specialDatesWrite = writePolicy(specialDates);
export const specialIntervalsTenant = tenantPolicy(specialIntervals);
export const templateAssetsTenant = tenantPolicy(templateAssets);
export const templatesTenant = tenantPolicy(templates);
export const websiteConfigsTenant = tenantPolicy(websiteConfigs);
export const weeklyIntervalsWrite = writePolicy(weeklyIntervals);
export const weeklySchedulesWrite = writePolicy(weeklySchedules);
export const workspaceInvitationsTenant = tenantPolicy(workspaceInvitations);
export const workspaceMembersRead = readPolicy(workspaceMembers);
export const workspaceMembersWrite = writePolicy(workspaceMembers);
export const workspacesTenant = tenantPolicy(workspaces);

// Shared tables: every account column, for the worker to clear.
export const actorsSystemReferences = systemReferencesPolicy(actors);
export const appointmentsSystemReferences = systemReferencesPolicy(appointments);
export const assetPoliciesSystemReferences = systemReferencesPolicy(assetPolicies);
export const extensionContextsSystemReferences = systemReferencesPolicy(extensionContexts);
export const fluxcoreAssetPermissionsSystemReferences =
  systemReferencesPolicy(fluxcoreAssetPermissions);
export const fluxcoreMarketplaceListingsSystemReferences = systemReferencesPolicy(
  fluxcoreMarketplaceListings,
);
/**
 * A listing's reviews and subscriptions, whoever wrote them, are its seller's to delete with the
 * listing (the deletion plan owns them through it): the system role reaches them too, so the
 * worker deletes them itself, children first, rather than leaving them to the cascade.
 */
const onTenantListing = (table: string) =>
  `exists (select 1 from "fluxcore_marketplace_listings" "parent" where "parent"."id" = "${table}"."listing_id" and "parent".${isTenant('seller_account_id')})`;
export const fluxcoreMarketplaceReviewsSystemReferences = systemReferencesPolicy(
  fluxcoreMarketplaceReviews,
  onTenantListing('fluxcore_marketplace_reviews'),
);
export const fluxcoreMarketplaceSubscriptionsSystemReferences = systemReferencesPolicy(
  fluxcoreMarketplaceSubscriptions,
  onTenantListing('fluxcore_marketplace_subscriptions'),
);
export const fluxcoreRagConfigurationsSystemReferences =
  systemReferencesPolicy(fluxcoreRagConfigurations);
export const fluxcoreToolDefinitionsSystemReferences =
  systemReferencesPolicy(fluxcoreToolDefinitions);
export const relationshipsSystemReferences = systemReferencesPolicy(relationships);
export const signalsSystemReferences = systemReferencesPolicy(signals);

/** The deletion worker claims any account's due job (its queue): the system role sees them all. */
export const accountDeletionJobsWorkerQueue = pgPolicy('account_deletion_jobs_worker_queue', {
  for: 'all',
  to: runtimeRoles.system,
  using: sql`true`,
  withCheck: sql`true`,
}).link(accountDeletionJobs);

/**
 * The deletion worker removes a tombstone (an account whose own deletion has run) once the
 * last relationship naming it goes with the account it deletes now.
 */
export const accountsSystemTombstones = systemReferencesPolicy(
  accounts,
  `"id" in (select "account_id" from "account_deletion_jobs" where "status" in ('local_cleanup', 'completed'))`,
);

/**
 * A review or a subscription is written only to a listing its writer sees: one published, or
 * the writer's own. The foreign key is checked past every policy, so without this a tenant
 * could subscribe to, or review, another seller's unpublished listing by its id (found in the
 * issue 24 hostile pass). Restrictive and for inserts only: a subscriber still cancels, and a
 * reviewer still edits, what it wrote before the listing was unpublished. Moving a row to
 * another listing is checked by 0057's trigger (a policy cannot compare the new listing with
 * the old one: reading its own table from its policy is recursion).
 */
const listingPolicy = (table: PgTable) => {
  const name = getTableName(table);
  return pgPolicy(`${name}_visible_listing`, {
    as: 'restrictive',
    for: 'insert',
    to: [runtimeRoles.app, runtimeRoles.system],
    withCheck: sql.raw(
      `exists (select 1 from "fluxcore_marketplace_listings" "parent" where "parent"."id" = "${name}"."listing_id")`,
    ),
  }).link(table);
};
export const fluxcoreMarketplaceReviewsVisibleListing = listingPolicy(fluxcoreMarketplaceReviews);
export const fluxcoreMarketplaceSubscriptionsVisibleListing = listingPolicy(
  fluxcoreMarketplaceSubscriptions,
);
