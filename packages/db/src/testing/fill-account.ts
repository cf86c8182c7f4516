/**
 * An account with rows in every table it owns, for the deletion tests, the worker's tests and
 * the deletion benchmark. Written through the typed API, so a schema change that breaks it
 * fails to compile.
 */
import { randomUUID } from 'node:crypto';
import {
  accountAiEntitlements,
  accountLocations,
  accountRuntimeConfig,
  actors,
  aiSignals,
  aiSuggestions,
  aiTraces,
  appointmentServices,
  appointmentStaff,
  appointments,
  assetAuditLogs,
  assetEnrichments,
  assetPolicies,
  assets,
  assetUploadSessions,
  automationRules,
  chatcoreOutbox,
  conversationParticipants,
  creditsConversationSessions,
  creditsLedger,
  creditsWallets,
  extensionContexts,
  extensionInstallations,
  fluxcoreAccountActorContexts,
  fluxcoreAccountCredits,
  fluxcoreAccountPolicies,
  fluxcoreActionAudit,
  fluxcoreActors,
  fluxcoreAgentAssistants,
  fluxcoreAgents,
  fluxcoreAssetPermissions,
  fluxcoreAssistantInstructions,
  fluxcoreAssistants,
  fluxcoreAssistantTools,
  fluxcoreAssistantVectorStores,
  fluxcoreCognitionQueue,
  fluxcoreCreditTransactions,
  fluxcoreDocumentChunks,
  fluxcoreFiles,
  fluxcoreInstructions,
  fluxcoreInstructionVersions,
  fluxcoreMarketplaceListings,
  fluxcoreMarketplaceReviews,
  fluxcoreMarketplaceSubscriptions,
  fluxcoreRagConfigurations,
  fluxcoreSessionProjection,
  fluxcoreTemplateSettings,
  fluxcoreToolConnections,
  fluxcoreToolDefinitions,
  fluxcoreUsageLogs,
  fluxcoreVectorStoreFiles,
  fluxcoreVectorStores,
  mediaAttachments,
  messageAssets,
  messageEnrichments,
  messages,
  messageVisibility,
  planAssets,
  signalDeliveryLog,
  signals,
  templateAssets,
  templates,
  websiteConfigs,
  workspaceInvitations,
  workspaceMembers,
  workspaces,
} from '../schema/index.ts';
import { createConversation, first, unique, type Writer } from './factories.ts';
import { axisEmbedding } from './factories-content.ts';

/**
 * Rows in every table the account owns (every table that reaches `accounts` through cascading
 * foreign keys), several of them linked to `peer`'s account the way real data is. `peer`'s own
 * rows are not touched.
 */
export async function fillAccount(
  db: Writer,
  owner: { userId: string; accountId: string },
  peer: { userId: string; accountId: string },
): Promise<void> {
  const accountId = owner.accountId;
  const actor = await first(
    db.insert(actors).values({ userId: owner.userId, accountId, actorType: 'account' }).returning(),
  );
  const { relationship, conversation } = await createConversation(db, accountId, peer.accountId);
  const message = await first(
    db
      .insert(messages)
      .values({
        conversationId: conversation.id,
        senderAccountId: accountId,
        content: { text: 'hello' },
        type: 'outgoing',
        fromActorId: actor.id,
      })
      .returning(),
  );
  const peerMessage = await first(
    db
      .insert(messages)
      .values({
        conversationId: conversation.id,
        senderAccountId: peer.accountId,
        type: 'incoming',
      })
      .returning(),
  );
  await db
    .insert(messageEnrichments)
    .values({ messageId: message.id, extensionId: 'x', type: 't' });
  await db.insert(mediaAttachments).values({ messageId: message.id, type: 'image', url: 'u' });
  await db.insert(automationRules).values({ accountId, relationshipId: relationship.id });
  await db.insert(extensionContexts).values([
    { extensionId: 'x', contextType: 'a', accountId },
    { extensionId: 'x', contextType: 'r', relationshipId: relationship.id },
    { extensionId: 'x', contextType: 'c', conversationId: conversation.id },
  ]);
  await db
    .insert(extensionInstallations)
    .values({ accountId, extensionId: 'x', version: '1', grantedBy: peer.accountId });
  const workspace = await first(
    db.insert(workspaces).values({ ownerAccountId: accountId, name: 'w' }).returning(),
  );
  await db
    .insert(workspaceMembers)
    .values({ workspaceId: workspace.id, userId: peer.userId, invitedBy: owner.userId });
  await db.insert(workspaceInvitations).values({
    workspaceId: workspace.id,
    email: 'i@example.test',
    tokenHash: unique(),
    expiresAt: new Date(Date.now() + 86_400_000),
  });
  await db.insert(websiteConfigs).values({ accountId });
  const service = await first(
    db
      .insert(appointmentServices)
      .values({ accountId, name: 's', durationMinutes: 30 })
      .returning(),
  );
  const staff = await first(
    db
      .insert(appointmentStaff)
      .values({ accountId, name: 'st', services: [service.id] })
      .returning(),
  );
  await db.insert(appointments).values({
    accountId,
    serviceId: service.id,
    staffId: staff.id,
    clientAccountId: peer.accountId,
    scheduledAt: new Date(),
    durationMinutes: 30,
  });
  await db.insert(accountAiEntitlements).values({ accountId, enabled: true });
  const wallet = await first(
    db.insert(creditsWallets).values({ accountId, balance: 4 }).returning(),
  );
  const session = await first(
    db
      .insert(creditsConversationSessions)
      .values({
        accountId,
        conversationId: conversation.id,
        featureKey: 'ai.session',
        engine: 'e',
        model: 'm',
        costCredits: 1,
        tokenBudget: 10,
        expiresAt: new Date(Date.now() + 3_600_000),
      })
      .returning(),
  );
  await db.insert(creditsLedger).values([
    { walletId: wallet.id, accountId, delta: 5, entryType: 'grant', idempotencyKey: 'g' },
    {
      walletId: wallet.id,
      accountId,
      delta: -1,
      entryType: 'spend',
      conversationId: conversation.id,
      sessionId: session.id,
    },
  ]);
  const assistant = await first(
    db.insert(fluxcoreAssistants).values({ accountId, name: 'a' }).returning(),
  );
  const instruction = await first(
    db.insert(fluxcoreInstructions).values({ accountId, name: 'i' }).returning(),
  );
  const version = await first(
    db
      .insert(fluxcoreInstructionVersions)
      .values({ instructionId: instruction.id, versionNumber: 1, content: 'c' })
      .returning(),
  );
  await db.insert(fluxcoreAssistantInstructions).values({
    assistantId: assistant.id,
    instructionId: instruction.id,
    versionId: version.id,
  });
  const tool = await first(
    db
      .insert(fluxcoreToolDefinitions)
      .values({ accountId, slug: `t_${unique()}`, name: 't', category: 'c' })
      .returning(),
  );
  const connection = await first(
    db.insert(fluxcoreToolConnections).values({ accountId, toolDefinitionId: tool.id }).returning(),
  );
  await db
    .insert(fluxcoreAssistantTools)
    .values({ assistantId: assistant.id, toolConnectionId: connection.id });
  const usage = await first(
    db
      .insert(fluxcoreUsageLogs)
      .values({ accountId, resourceType: 'assistant', operation: 'chat_completion' })
      .returning(),
  );
  const store = await first(
    db.insert(fluxcoreVectorStores).values({ accountId, name: 'vs' }).returning(),
  );
  const file = await first(
    db
      .insert(fluxcoreFiles)
      .values({ accountId, name: 'f', contentHash: unique(), uploadedBy: owner.userId })
      .returning(),
  );
  await db
    .insert(fluxcoreVectorStoreFiles)
    .values({ vectorStoreId: store.id, fileId: file.id, name: 'f' });
  await db.insert(fluxcoreDocumentChunks).values({
    vectorStoreId: store.id,
    fileId: file.id,
    accountId,
    content: 'chunk',
    chunkIndex: 0,
    embedding: axisEmbedding(0),
  });
  await db
    .insert(fluxcoreAssistantVectorStores)
    .values({ assistantId: assistant.id, vectorStoreId: store.id });
  await db.insert(fluxcoreRagConfigurations).values([{ vectorStoreId: store.id }, { accountId }]);
  const asset = await first(
    db
      .insert(assets)
      .values({ accountId, workspaceId: workspace.id, name: 'a', storageKey: unique() })
      .returning(),
  );
  const upload = await first(
    db
      .insert(assetUploadSessions)
      .values({
        accountId,
        totalBytes: 1,
        chunksTotal: 1,
        assetId: asset.id,
        expiresAt: new Date(Date.now() + 3_600_000),
      })
      .returning(),
  );
  await db.insert(assetAuditLogs).values({
    accountId,
    assetId: asset.id,
    sessionId: upload.id,
    action: 'upload_completed',
  });
  await db.insert(assetPolicies).values({ accountId, name: 'p', scope: 'message_attachment' });
  await db.insert(fluxcoreAssetPermissions).values({
    vectorStoreId: store.id,
    granteeAccountId: peer.accountId,
    grantedByAccountId: accountId,
  });
  await db.insert(planAssets).values({ planId: randomUUID(), assetId: asset.id });
  await db.insert(messageAssets).values({ messageId: message.id, assetId: asset.id });
  const template = await first(
    db.insert(templates).values({ accountId, name: 't', content: 'c' }).returning(),
  );
  await db.insert(fluxcoreTemplateSettings).values({ templateId: template.id });
  await db.insert(templateAssets).values({ templateId: template.id, assetId: asset.id });
  const listing = await first(
    db
      .insert(fluxcoreMarketplaceListings)
      .values({ instructionId: instruction.id, sellerAccountId: accountId, title: 'l' })
      .returning(),
  );
  const subscription = await first(
    db
      .insert(fluxcoreMarketplaceSubscriptions)
      .values({ listingId: listing.id, subscriberAccountId: peer.accountId })
      .returning(),
  );
  await db.insert(fluxcoreMarketplaceReviews).values({
    listingId: listing.id,
    reviewerAccountId: peer.accountId,
    subscriptionId: subscription.id,
    rating: 5,
  });
  await db.insert(fluxcoreAccountCredits).values({ accountId });
  await db.insert(fluxcoreCreditTransactions).values({
    accountId,
    transactionType: 'usage',
    amountCredits: '1',
    balanceAfter: '0',
    usageLogId: usage.id,
    subscriptionId: subscription.id,
  });
  await fillMayTables(db, {
    accountId,
    peerAccountId: peer.accountId,
    actorId: actor.id,
    relationshipId: relationship.id,
    conversationId: conversation.id,
    messageId: message.id,
    peerMessageId: peerMessage.id,
    assistantId: assistant.id,
    assetId: asset.id,
  });
}

/** The rows `fillAccount` already made that the May lineage's tables hang off. */
interface MayParents {
  accountId: string;
  peerAccountId: string;
  actorId: string;
  relationshipId: string;
  conversationId: string;
  messageId: string;
  peerMessageId: string;
  assistantId: string;
  assetId: string;
}

/**
 * The May lineage's tables (issue 22): the account's settings, AI traces and suggestions,
 * agents, signals, a conversation's participants and outbox, and what its actor hid. Two rows
 * stay with the peer when the account goes: the peer's participant row in their shared
 * conversation, and the peer's kernel identity the account's actor context named.
 */
async function fillMayTables(db: Writer, p: MayParents): Promise<void> {
  const { accountId, conversationId } = p;
  await db.insert(accountLocations).values({ accountId, name: 'shop' });
  await db.insert(accountRuntimeConfig).values({ accountId });
  await db.insert(fluxcoreAccountPolicies).values({ accountId, mode: 'suggest' });
  const trace = await first(
    db
      .insert(aiTraces)
      .values({
        accountId,
        conversationId,
        messageId: p.messageId,
        runtime: 'fluxcore',
        provider: 'groq',
        model: 'm',
        mode: 'suggest',
      })
      .returning(),
  );
  await db.insert(aiSignals).values({
    traceId: trace.id,
    accountId,
    conversationId,
    relationshipId: p.relationshipId,
    signalType: 'intent',
    signalValue: 'purchase',
  });
  await db.insert(aiSuggestions).values({ conversationId, accountId, content: 'c', model: 'm' });
  await db.insert(assetEnrichments).values({ assetId: p.assetId, type: 'ocr', payload: {} });
  await db.insert(chatcoreOutbox).values({ messageId: p.messageId, payload: '{}' });
  await db.insert(conversationParticipants).values([
    { conversationId, accountId, role: 'initiator', actorId: p.actorId },
    { conversationId, accountId: p.peerAccountId, role: 'recipient' },
  ]);
  // The account's actor hid the peer's message from its own view.
  await db.insert(messageVisibility).values({ messageId: p.peerMessageId, actorId: p.actorId });
  const agent = await first(db.insert(fluxcoreAgents).values({ accountId, name: 'a' }).returning());
  await db
    .insert(fluxcoreAgentAssistants)
    .values({ agentId: agent.id, assistantId: p.assistantId });
  // The peer as the account's customer: a kernel identity of its own, in the account's context.
  const peerIdentity = await first(
    db
      .insert(fluxcoreActors)
      .values({ externalKey: `peer:${p.peerAccountId}` })
      .returning(),
  );
  await db
    .insert(fluxcoreAccountActorContexts)
    .values({ accountId, actorId: peerIdentity.id, displayName: 'peer' });
  const signal = await first(
    db
      .insert(signals)
      .values({
        recipientAccountId: accountId,
        senderAccountId: p.peerAccountId,
        type: 'channel_message',
        title: 't',
        body: 'b',
      })
      .returning(),
  );
  await db
    .insert(signalDeliveryLog)
    .values({ signalId: signal.id, channel: 'in_app', status: 'sent' });
  // Kept without a foreign key, as the original keeps them (the plan finds them by column).
  await db.insert(fluxcoreActionAudit).values({
    conversationId,
    accountId,
    runtimeId: 'fluxcore',
    actionType: 'send_message',
    status: 'executed',
  });
  await db.insert(fluxcoreSessionProjection).values({
    sessionId: randomUUID(),
    actorId: p.actorId,
    accountId,
  });
  await db.insert(fluxcoreCognitionQueue).values({
    conversationId,
    accountId,
    targetAccountId: p.peerAccountId,
    turnWindowExpiresAt: new Date(Date.now() + 3_000),
  });
}
