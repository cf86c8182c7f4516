/**
 * Improved, never narrower than the original: every CHECK, unique and enum of this schema that
 * could refuse a value, with the evidence that the original app never writes such a value, or
 * that writing one is a bug a user would call one. Read by db:docs (the schema reference shows
 * each beside its table) and by describeError, which names the bug when a write hits one.
 * test/schema-tightenings.test.ts proves every check, unique and enum of the schema is listed.
 *
 * The evidence was read in the original (harvan88/FluxCoreChat) at f07159b (February) and
 * 239c046 (May): its own types and schema, and its write paths. NOT NULL needs no entry here: a
 * column is NOT NULL only where the original's own Drizzle type is notNull at both commits, or
 * where its table is one the original writes only through SQL this package replaces (those are
 * in originalTypeChanges, reason notNullSqlOnly), or where a trigger fills every write without
 * a value (accounts.alias); see relaxedTightenings for the 117 this schema gave back.
 */

export type TighteningKind = 'check' | 'unique' | 'enum';

/**
 * - `original`: the original has the same rule (its own constraint, closed type, or a write
 *   path that needs the unique, such as an `onConflict` target);
 * - `package-columns`: the rule reads only columns the original does not have, so no write of
 *   the original can break it;
 * - `bug`: a value the original could write, refused because writing it is a bug a user would
 *   call one. `refusal` is the line a refused write shows.
 */
export type TighteningEvidence = 'original' | 'package-columns' | 'bug';

export interface KeptTightening {
  readonly table: string;
  /** The constraint or unique index; for an enum, the column. */
  readonly name: string;
  readonly kind: TighteningKind;
  readonly evidence: TighteningEvidence;
  /** Where the original shows it, or what the bug is. One line. */
  readonly detail: string;
  /** For a bug: what went wrong and how to fix it, one line, for the write it refuses. */
  readonly refusal?: string;
}

type Row = readonly [table: string, name: string, kind: TighteningKind, detail: string];
type BugRow = readonly [
  table: string,
  name: string,
  kind: TighteningKind,
  detail: string,
  refusal: string,
];

const t = '239c046 packages/db/src/schema';
const types = 'packages/types/src/entities';

/** Rules the original has itself: its constraint, its closed type or a write path that needs it. */
const original: readonly Row[] = [
  [
    'account_ai_entitlements',
    'default_provider',
    'enum',
    `AIProviderId ('groq' | 'openai' | 'google'), services/ai-entitlements.service.ts`,
  ],
  [
    'account_deletion_jobs',
    'status',
    'enum',
    `DeletionJobStatus, workers/account-deletion.processor.ts, and the states its service writes (pending, snapshot_ready)`,
  ],
  [
    'accounts',
    'account_type',
    'enum',
    `AccountType ('personal' | 'business'), ${types}/account.ts at both commits`,
  ],
  ['accounts', 'accounts_username_key', 'unique', `accounts_username_unique in both references`],
  [
    'actors',
    'actor_type',
    'enum',
    `ActorType (services/actor.service.ts) and May's actors schema ('visitor')`,
  ],
  ['asset_audit_logs', 'action', 'enum', `the original's enum asset_audit_action, label for label`],
  [
    'asset_audit_logs',
    'actor_type',
    'enum',
    `the original's enum asset_actor_type (May adds 'visitor')`,
  ],
  ['asset_upload_sessions', 'status', 'enum', `the original's enum upload_session_status`],
  [
    'assets',
    'assets_account_checksum_key',
    'unique',
    `assets_unique_checksum_account in both references`,
  ],
  ['assets', 'dedup_policy', 'enum', `the original's enum dedup_policy`],
  ['assets', 'scope', 'enum', `the original's enum asset_scope`],
  ['assets', 'status', 'enum', `the original's enum asset_status`],
  [
    'automation_rules',
    'mode',
    'enum',
    `AutomationMode: automatic/supervised/disabled at f07159b, auto/suggest/off at 239c046`,
  ],
  [
    'conversations',
    'channel',
    'enum',
    `ConversationChannel (${types}/conversation.ts) and May's conversation_channel_valid`,
  ],
  ['conversations', 'conversation_type_valid', 'check', `May's own check, the same set`],
  [
    'conversations',
    'status',
    'enum',
    `ConversationStatus (${types}/conversation.ts) and May's conversation_status_valid`,
  ],
  [
    'credits_wallets',
    'credits_wallets_account_id_key',
    'unique',
    `credits_wallets_account_unique in both references`,
  ],
  [
    'extension_contexts',
    'extension_contexts_one_scope_check',
    'check',
    `the original's schema: "only ONE of these FKs may be set (constraint check)"`,
  ],
  [
    'fluxcore_account_credits',
    'fluxcore_account_credits_account_id_key',
    'unique',
    `idx_credits_account_unique in both references`,
  ],
  ['fluxcore_account_credits', 'plan_type', 'enum', `PlanType, ${t}/fluxcore-billing.ts`],
  [
    'fluxcore_asset_permissions',
    'fluxcore_asset_permissions_asset_grantee_key',
    'unique',
    `idx_permissions_{vs,inst,tool}_grantee in both references`,
  ],
  [
    'fluxcore_asset_permissions',
    'fluxcore_asset_permissions_one_scope_check',
    'check',
    `a grant is on one AssetType ('vector_store' | 'instruction' | 'tool'), ${t}/fluxcore-asset-permissions.ts`,
  ],
  [
    'fluxcore_asset_permissions',
    'permission_level',
    'enum',
    `PermissionLevel, ${t}/fluxcore-asset-permissions.ts`,
  ],
  [
    'fluxcore_asset_permissions',
    'source',
    'enum',
    `PermissionSource ('shared' | 'marketplace' | 'public'), ${t}/fluxcore-asset-permissions.ts`,
  ],
  [
    'fluxcore_assistants',
    'runtime',
    'enum',
    `runtime: 'local' | 'openai' in the original's assistant types; its test-persistence script writes 'diagnostic'`,
  ],
  [
    'fluxcore_credit_transactions',
    'transaction_type',
    'enum',
    `TransactionType, ${t}/fluxcore-billing.ts`,
  ],
  [
    'fluxcore_files',
    'fluxcore_files_account_content_hash_key',
    'unique',
    `fluxcore_files_unique_hash in both references`,
  ],
  [
    'fluxcore_marketplace_listings',
    'billing_period',
    'enum',
    `BillingPeriod, ${t}/fluxcore-marketplace.ts`,
  ],
  [
    'fluxcore_marketplace_listings',
    'fluxcore_marketplace_listings_one_scope_check',
    'check',
    `a listing offers one AssetType, ${t}/fluxcore-marketplace.ts`,
  ],
  [
    'fluxcore_marketplace_listings',
    'pricing_model',
    'enum',
    `PricingModel, ${t}/fluxcore-marketplace.ts`,
  ],
  [
    'fluxcore_marketplace_listings',
    'status',
    'enum',
    `ListingStatus, ${t}/fluxcore-marketplace.ts`,
  ],
  [
    'fluxcore_marketplace_reviews',
    'fluxcore_marketplace_reviews_listing_reviewer_key',
    'unique',
    `idx_mp_review_unique in both references`,
  ],
  [
    'fluxcore_marketplace_subscriptions',
    'fluxcore_marketplace_subscriptions_listing_subscriber_key',
    'unique',
    `idx_mp_sub_unique in both references`,
  ],
  [
    'fluxcore_marketplace_subscriptions',
    'status',
    'enum',
    `SubscriptionStatus, ${t}/fluxcore-marketplace.ts`,
  ],
  ['fluxcore_pricing_config', 'resource_type', 'enum', `ResourceType, ${t}/fluxcore-billing.ts`],
  [
    'fluxcore_query_cache',
    'fluxcore_query_cache_query_hash_vector_store_ids_key',
    'unique',
    `the same constraint in both references`,
  ],
  [
    'fluxcore_tool_definitions',
    'fluxcore_tool_definitions_slug_key',
    'unique',
    `fluxcore_tool_definitions_slug_unique in both references`,
  ],
  [
    'fluxcore_vector_stores',
    'backend',
    'enum',
    `backend: 'local' | 'openai' in the original's vector store types`,
  ],
  ['fluxcore_usage_logs', 'resource_type', 'enum', `ResourceType, ${t}/fluxcore-billing.ts`],
  ['media_attachments', 'type', 'enum', `the media type union of ${types}/message.ts (f07159b)`],
  [
    'message_assets',
    'message_assets_pkey',
    'unique',
    `the target of the original's onConflict (asset-relations.service.ts)`,
  ],
  [
    'messages',
    'generated_by',
    'enum',
    `'human' | 'ai' | 'system' (239c046 apps/api/src/core/types.ts); 'extension' in its create-schema-simple check`,
  ],
  [
    'messages',
    'message_deleted_scope_valid',
    'check',
    `May's own check; DeletionScope ('self' | 'all'), services/message-deletion.service.ts`,
  ],
  [
    'messages',
    'type',
    'enum',
    `MessageType ('incoming' | 'outgoing' | 'system'), ${types}/message.ts`,
  ],
  ['plan_assets', 'dependency_type', 'enum', `DependencyType, ${t}/plan-assets.ts`],
  [
    'protected_accounts',
    'protected_accounts_account_id_key',
    'unique',
    `the target of the original's onConflictDoNothing (account-deletion.guard.ts)`,
  ],
  ['relationships', 'no_self_relationship', 'check', `May's own check`],
  ['signals', 'priority', 'enum', `the original's enum signal_priority`],
  ['signals', 'status', 'enum', `the original's enum signal_status`],
  ['signals', 'type', 'enum', `the original's enum signal_type`],
  ['signals', 'delivered_via', 'enum', `the original's enum signal_delivery_channel`],
  ['signals', 'signals_sender_type_check', 'check', `May's own check`],
  ['signal_delivery_log', 'channel', 'enum', `the original's enum signal_delivery_channel`],
  ['signal_delivery_log', 'signal_delivery_log_status_check', 'check', `May's own check`],
  [
    'signal_preferences',
    'signal_preferences_email_digest_frequency_check',
    'check',
    `May's own check`,
  ],
  ['signal_preferences', 'signal_preferences_user_id_key', 'unique', `May's own constraint`],
  [
    'templates',
    'templates_account_name_key',
    'unique',
    `the target of the original's onConflictDoUpdate (core/capabilities/platform.capability.ts)`,
  ],
  [
    'template_assets',
    'template_assets_pkey',
    'unique',
    `the target of the original's onConflict (asset-relations.service.ts)`,
  ],
  [
    'plan_assets',
    'plan_assets_pkey',
    'unique',
    `the target of the original's onConflict (asset-relations.service.ts)`,
  ],
  ['website_configs', 'status', 'enum', `WebsiteStatus, ${t}/website-configs.ts`],
  [
    'website_configs',
    'website_configs_account_id_key',
    'unique',
    `website_configs_account_id_unique in both references`,
  ],
  ['workspace_invitations', 'role', 'enum', `WorkspaceRole, ${types}/workspace.ts`],
  ['workspace_members', 'role', 'enum', `WorkspaceRole, ${types}/workspace.ts`],
  [
    'asset_enrichments',
    'ux_asset_enrichments_type',
    'unique',
    `May's own index, the target of its onConflict (audio-enrichment.service.ts)`,
  ],
  [
    'conversation_participants',
    'ux_conversation_participants_account',
    'unique',
    `May's own index, the target of its onConflict (conversation-participant.service.ts)`,
  ],
  [
    'conversation_participants',
    'conversation_participants_identity_valid',
    'check',
    `May's own check; ParticipantIdentity`,
  ],
  [
    'conversation_participants',
    'conversation_participants_role_valid',
    'check',
    `May's own check; ParticipantRole`,
  ],
  ['chatcore_outbox', 'chatcore_outbox_pkey', 'unique', `May's own key`],
  ['fluxcore_outbox', 'fluxcore_outbox_status_check', 'check', `May's own check`],
  [
    'fluxcore_external_effects',
    'fluxcore_external_effects_account_id_idempotency_key_unique',
    'unique',
    `May's own constraint`,
  ],
  [
    'fluxcore_work_definitions',
    'fluxcore_work_definitions_account_id_type_id_version_unique',
    'unique',
    `May's own constraint`,
  ],
  [
    'fluxcore_work_slots',
    'fluxcore_work_slots_work_id_path_unique',
    'unique',
    `May's own constraint`,
  ],
  ['messages', 'ux_messages_signal_id', 'unique', `May's own index`],
  [
    'fluxcore_signals',
    'fluxcore_signals_signal_fingerprint_unique',
    'unique',
    `${t}/fluxcore-journal.ts: signalFingerprint .unique()`,
  ],
  [
    'fluxcore_signals',
    'ux_fluxcore_adapter_external',
    'unique',
    `${t}/fluxcore-journal.ts: unique('ux_fluxcore_adapter_external')`,
  ],
  [
    'fluxcore_addresses',
    'fluxcore_addresses_driver_id_external_id_unique',
    'unique',
    `${t}/fluxcore-identity.ts: unique().on(driverId, externalId)`,
  ],
  [
    'fluxcore_actor_identity_links',
    'fluxcore_actor_identity_links_provisional_actor_id_unique',
    'unique',
    `${t}/fluxcore-identity.ts: provisionalActorId .unique()`,
  ],
  [
    'fluxcore_cognition_queue',
    'ux_cognition_queue_pending_conversation',
    'unique',
    `${t}/fluxcore-cognition.ts: uniqueIndex where processed_at is null`,
  ],
  [
    'special_dates',
    'special_dates_owner_type_owner_id_date_unique',
    'unique',
    `${t}/schedules.ts: unique().on(ownerType, ownerId, date)`,
  ],
  [
    'message_visibility',
    'ux_message_visibility_message_actor',
    'unique',
    `${t}/message-visibility.ts: uniqueIndex('ux_message_visibility_message_actor')`,
  ],
];

/** Rules on columns the original does not have: none of its writes can break them. */
const packageColumns: readonly Row[] = [
  [
    'account_deletion_jobs',
    'account_deletion_jobs_attempts_check',
    'check',
    "attempts and max_attempts are this package's worker columns",
  ],
  [
    'account_deletion_jobs',
    'account_deletion_jobs_lease_check',
    'check',
    "locked_by, locked_at and lease_expires_at are this package's worker columns",
  ],
  [
    'credits_ledger',
    'credits_ledger_wallet_idempotency_key',
    'unique',
    'the original writes no wallet_id (null rows never collide)',
  ],
];

/** Values the original could write, refused because each is a bug a user would call one. */
const bugs: readonly BugRow[] = [
  [
    'users',
    'users_email_lower_key',
    'unique',
    'a case-twin email: two users whose addresses differ only in case, so one person has two sign-ins and a reset mail reaches the wrong one',
    'users.email: another user has this address in another case (a case-twin email); sign in with that account, or use another address',
  ],
  [
    'website_configs',
    'website_configs_custom_domain_key',
    'unique',
    'two sites on one domain (compared as DNS does, whatever the case): the domain would serve one at random',
    'website_configs.custom_domain: another site already serves this domain (compared without case); choose another domain or remove it from the other site',
  ],
  [
    'relationships',
    'relationships_pair_key',
    'unique',
    'two relationships for one pair of accounts: their conversations and context split in two',
    'relationships: these two accounts already have a relationship; use it',
  ],
  [
    'relationships',
    'relationships_distinct_accounts_check',
    'check',
    'an account in a relationship with itself',
    'relationships: an account cannot be in a relationship with itself; pick another account',
  ],
  [
    'password_reset_tokens',
    'password_reset_tokens_token_hash_key',
    'unique',
    'two reset tokens with one value (the original has password_reset_tokens_token_unique)',
    'password_reset_tokens.token_hash: this token already exists; generate a new one',
  ],
  [
    'workspace_invitations',
    'workspace_invitations_token_hash_key',
    'unique',
    'two invitations with one token: accepting it could join the wrong workspace',
    'workspace_invitations.token_hash: this token already exists; generate a new one',
  ],
  [
    'workspace_members',
    'workspace_members_workspace_user_key',
    'unique',
    'a user twice in one workspace, with two roles',
    'workspace_members: the user is already a member of this workspace; change their role instead',
  ],
  [
    'account_ai_entitlements',
    'account_ai_entitlements_account_id_key',
    'unique',
    'two entitlements for one account: which one applies is chance',
    'account_ai_entitlements: the account already has an entitlement; update it',
  ],
  [
    'account_ai_entitlements',
    'account_ai_entitlements_default_provider_check',
    'check',
    'a default AI provider the account is not allowed to use',
    'account_ai_entitlements.default_provider: it must be one of allowed_providers; allow it first or pick an allowed one',
  ],
  [
    'account_deletion_jobs',
    'account_deletion_jobs_active_account_key',
    'unique',
    'two deletions of one account running at once',
    'account_deletion_jobs: a deletion of this account is already running; wait for it or cancel it',
  ],
  [
    'automation_rules',
    'automation_rules_account_relationship_key',
    'unique',
    'two automation rules for one account and relationship: which one runs is chance',
    'automation_rules: a rule for this account and relationship exists; update it',
  ],
  [
    'extension_installations',
    'extension_installations_account_extension_key',
    'unique',
    'one extension installed twice on an account, with two configs',
    'extension_installations: the extension is already installed on this account; update it',
  ],
  [
    'fluxcore_assistants',
    'fluxcore_assistants_external_id_key',
    'unique',
    'two assistants bound to one provider assistant: syncing one overwrites the other',
    'fluxcore_assistants.external_id: another assistant is bound to this provider id; reuse it',
  ],
  [
    'fluxcore_vector_stores',
    'fluxcore_vector_stores_external_id_key',
    'unique',
    'two stores bound to one provider store: syncing one overwrites the other',
    'fluxcore_vector_stores.external_id: another store is bound to this provider id; reuse it',
  ],
  [
    'fluxcore_assistant_instructions',
    'fluxcore_assistant_instructions_assistant_instruction_key',
    'unique',
    "one instruction twice in an assistant's prompt",
    'fluxcore_assistant_instructions: the assistant already uses this instruction; change its order instead',
  ],
  [
    'fluxcore_assistant_vector_stores',
    'fluxcore_assistant_vector_stores_assistant_store_key',
    'unique',
    "one store twice in an assistant's search: its chunks count twice",
    'fluxcore_assistant_vector_stores: the assistant already reads this store',
  ],
  [
    'fluxcore_vector_store_files',
    'fluxcore_vector_store_files_store_file_key',
    'unique',
    'one file twice in a store: its chunks count twice',
    'fluxcore_vector_store_files: the file is already in this store',
  ],
  [
    'fluxcore_document_chunks',
    'fluxcore_document_chunks_file_model_chunk_key',
    'unique',
    "two chunks at one index of a file and model: a re-index that forgot to delete (May's own idx_document_chunks_file_chunk_model)",
    'fluxcore_document_chunks: the file already has a chunk at this index for this model; delete the old chunks before re-indexing',
  ],
  [
    'fluxcore_instruction_versions',
    'fluxcore_instruction_versions_instruction_version_key',
    'unique',
    'two versions of an instruction with one number',
    'fluxcore_instruction_versions: this version number exists; use the next one',
  ],
  [
    'fluxcore_instruction_versions',
    'fluxcore_instruction_versions_counters_check',
    'check',
    'a version number below 1 or a negative count',
    'fluxcore_instruction_versions: version numbers start at 1 and counts are never negative',
  ],
  [
    'fluxcore_tool_connections',
    'fluxcore_tool_connections_account_tool_key',
    'unique',
    'one tool connected twice to an account: which credentials apply is chance',
    'fluxcore_tool_connections: the account already has a connection to this tool; update it',
  ],
  [
    'fluxcore_tool_connections',
    'fluxcore_tool_connections_auth_config_check',
    'check',
    "a plain access or refresh token stored in the database, where a leak leaks live credentials (the original's ToolAuthConfig has accessToken and refreshToken; its type, clientId, expiresAt and scopes pass; see docs/migrating-from-the-original.md)",
    'fluxcore_tool_connections.auth_config: store the token as a secretRef, or as ciphertext with its keyId, never in plain',
  ],
  [
    'fluxcore_account_credits',
    'fluxcore_account_credits_stripe_customer_id_key',
    'unique',
    'one Stripe customer billed for two accounts',
    'fluxcore_account_credits.stripe_customer_id: another account has this Stripe customer',
  ],
  [
    'fluxcore_credit_transactions',
    'fluxcore_credit_transactions_stripe_payment_intent_id_key',
    'unique',
    'one payment credited twice',
    'fluxcore_credit_transactions.stripe_payment_intent_id: this payment is already recorded',
  ],
  [
    'credits_policies',
    'credits_policies_feature_engine_model_key',
    'unique',
    'two prices for one feature, engine and model: which one a session pays is chance',
    'credits_policies: a policy for this feature, engine and model exists; update it',
  ],
  [
    'asset_policies',
    'asset_policies_account_name_key',
    'unique',
    'two policies of one account under one name',
    'asset_policies: the account has a policy of this name; update it',
  ],
  [
    'assets',
    'assets_storage_key_key',
    'unique',
    "two assets on one stored object: deleting one deletes the other's file",
    'assets.storage_key: another asset uses this stored object; copy it under a new key',
  ],
  [
    'assets',
    'assets_checksum_sha256_check',
    'check',
    "a checksum that is no sha-256 (the original writes createHash('sha256').digest('hex'))",
    'assets.checksum_sha256: write the lowercase hex sha-256 of the content',
  ],
  [
    'credits_ledger',
    'credits_ledger_delta_sign_check',
    'check',
    'a grant or refund that takes credits away, or a spend or expiry that adds them (zero passes)',
    'credits_ledger.delta: grants and refunds are >= 0, spends and expiries <= 0',
  ],
  [
    'credits_wallets',
    'credits_wallets_balance_check',
    'check',
    'a wallet below zero: credits spent that were never there',
    'credits_wallets.balance: the wallet has too few credits for this; grant credits first',
  ],
];

/** Counters, sizes, prices, durations and ranges that cannot be negative or out of range. */
const sane: readonly Row[] = [
  [
    'appointment_services',
    'appointment_services_currency_check',
    'check',
    'an ISO 4217 code is three capital letters',
  ],
  [
    'appointment_services',
    'appointment_services_duration_check',
    'check',
    'a service of zero minutes',
  ],
  ['appointment_services', 'appointment_services_price_check', 'check', 'a negative price'],
  ['appointments', 'appointments_duration_check', 'check', 'an appointment of zero minutes'],
  [
    'asset_policies',
    'asset_policies_limits_check',
    'check',
    'a time to live or size limit of zero or less',
  ],
  [
    'asset_upload_sessions',
    'asset_upload_sessions_bytes_check',
    'check',
    'more bytes uploaded than the upload has',
  ],
  [
    'asset_upload_sessions',
    'asset_upload_sessions_chunks_check',
    'check',
    'more chunks received than the upload has',
  ],
  ['assets', 'assets_size_check', 'check', 'a negative size'],
  ['assets', 'assets_version_check', 'check', 'a version below 1'],
  ['conversations', 'conversations_unread_counts_check', 'check', 'a negative unread count'],
  [
    'credits_conversation_sessions',
    'credits_conversation_sessions_cost_check',
    'check',
    'a negative cost',
  ],
  [
    'credits_conversation_sessions',
    'credits_conversation_sessions_token_budget_check',
    'check',
    'a negative token budget',
  ],
  [
    'credits_conversation_sessions',
    'credits_conversation_sessions_tokens_used_check',
    'check',
    'negative tokens used',
  ],
  ['credits_policies', 'credits_policies_cost_check', 'check', 'a negative price'],
  ['credits_policies', 'credits_policies_duration_check', 'check', 'a session of zero hours'],
  [
    'credits_policies',
    'credits_policies_token_budget_check',
    'check',
    'a session with no tokens to spend',
  ],
  [
    'fluxcore_account_credits',
    'fluxcore_account_credits_alert_threshold_check',
    'check',
    'an alert threshold outside 0 to 100 percent',
  ],
  [
    'fluxcore_account_credits',
    'fluxcore_account_credits_amounts_check',
    'check',
    'a negative balance, reserve or usage',
  ],
  [
    'fluxcore_account_credits',
    'fluxcore_account_credits_limits_check',
    'check',
    'a negative limit',
  ],
  [
    'fluxcore_assistant_instructions',
    'fluxcore_assistant_instructions_order_check',
    'check',
    'a negative position',
  ],
  [
    'fluxcore_document_chunks',
    'fluxcore_document_chunks_counts_check',
    'check',
    'a negative index or token count',
  ],
  ['fluxcore_files', 'fluxcore_files_size_check', 'check', 'a negative size'],
  [
    'fluxcore_marketplace_listings',
    'fluxcore_marketplace_listings_counters_check',
    'check',
    'a negative price or counter',
  ],
  [
    'fluxcore_marketplace_listings',
    'fluxcore_marketplace_listings_currency_check',
    'check',
    'an ISO 4217 code is three capital letters',
  ],
  [
    'fluxcore_marketplace_listings',
    'fluxcore_marketplace_listings_price_check',
    'check',
    'a free listing with a price',
  ],
  [
    'fluxcore_marketplace_reviews',
    'fluxcore_marketplace_reviews_helpful_count_check',
    'check',
    'a negative count',
  ],
  [
    'fluxcore_marketplace_reviews',
    'fluxcore_marketplace_reviews_rating_check',
    'check',
    'a rating outside 1 to 5 stars',
  ],
  [
    'fluxcore_marketplace_subscriptions',
    'fluxcore_marketplace_subscriptions_counters_check',
    'check',
    'a negative counter',
  ],
  [
    'fluxcore_marketplace_subscriptions',
    'fluxcore_marketplace_subscriptions_period_check',
    'check',
    'a period that ends before it starts',
  ],
  [
    'fluxcore_pricing_config',
    'fluxcore_pricing_config_period_check',
    'check',
    'a price valid until before it starts',
  ],
  ['fluxcore_pricing_config', 'fluxcore_pricing_config_price_check', 'check', 'a negative price'],
  [
    'fluxcore_query_cache',
    'fluxcore_query_cache_results_check',
    'check',
    'cached chunks and similarities of different lengths',
  ],
  [
    'fluxcore_rag_configurations',
    'fluxcore_rag_configurations_chunking_check',
    'check',
    'a chunk overlap as large as the chunk: chunking never advances',
  ],
  [
    'fluxcore_rag_configurations',
    'fluxcore_rag_configurations_min_score_check',
    'check',
    'a similarity outside 0 to 1',
  ],
  [
    'fluxcore_rag_configurations',
    'fluxcore_rag_configurations_top_k_check',
    'check',
    'a search for no results, or more than 100',
  ],
  [
    'fluxcore_rag_configurations',
    'fluxcore_rag_configurations_vector_store_id_key',
    'unique',
    'two configurations of one store: which one applies is chance',
  ],
  ['fluxcore_usage_logs', 'fluxcore_usage_logs_cost_check', 'check', 'a negative cost'],
  ['fluxcore_usage_logs', 'fluxcore_usage_logs_counts_check', 'check', 'negative tokens or counts'],
  [
    'fluxcore_vector_store_files',
    'fluxcore_vector_store_files_counts_check',
    'check',
    'a negative count or size',
  ],
  [
    'fluxcore_vector_store_stats',
    'fluxcore_vector_store_stats_counters_check',
    'check',
    'a negative counter',
  ],
  ['media_attachments', 'media_attachments_size_check', 'check', 'a negative size'],
  ['message_assets', 'message_assets_position_check', 'check', 'a negative position'],
  ['templates', 'templates_usage_count_check', 'check', 'a negative usage count'],
];

/** Every kept tightening with its evidence. */
export const keptTightenings: readonly KeptTightening[] = [
  ...original.map(([table, name, kind, detail]) => ({
    table,
    name,
    kind,
    evidence: 'original' as const,
    detail,
  })),
  ...packageColumns.map(([table, name, kind, detail]) => ({
    table,
    name,
    kind,
    evidence: 'package-columns' as const,
    detail,
  })),
  ...bugs.map(([table, name, kind, detail, refusal]) => ({
    table,
    name,
    kind,
    evidence: 'bug' as const,
    detail,
    refusal,
  })),
  ...sane.map(([table, name, kind, detail]) => ({
    table,
    name,
    kind,
    evidence: 'bug' as const,
    detail,
    refusal: `${table}: ${detail} is refused; write a value in range`,
  })),
];

/** A tightening this schema gave back, so the original's writes fit again. */
export interface RelaxedTightening {
  readonly table: string;
  readonly name: string;
  readonly was: string;
  readonly why: string;
}

/** What issue 22 gave back (migration 0036, and 0042 for the chunks' embedding), for the docs. */
export const relaxedTightenings: readonly RelaxedTightening[] = [
  {
    table: 'fluxcore_rag_configurations',
    name: 'fluxcore_rag_configurations_one_scope_check',
    was: 'exactly one of vector_store_id and account_id',
    why: "ragConfigService.create writes both; the seed row 'System Default' has neither",
  },
  {
    table: 'fluxcore_rag_configurations',
    name: 'fluxcore_rag_configurations_account_id_key',
    was: 'one configuration per account',
    why: 'listByAccount returns several per account',
  },
  {
    table: 'fluxcore_rag_configurations',
    name: 'fluxcore_rag_configurations_embedding_dimensions_check',
    was: 'embedding_dimensions = 1536',
    why: 'May embeds at any width (054_chunk_dimensions)',
  },
  {
    table: 'credits_ledger',
    name: 'credits_ledger_delta_check',
    was: 'delta <> 0',
    why: "the original spends a policy's cost, which may be 0",
  },
  {
    table: 'credits_ledger',
    name: 'wallet_id',
    was: 'NOT NULL',
    why: 'the original inserts ledger rows without a wallet',
  },
  {
    table: 'fluxcore_marketplace_listings',
    name: 'fluxcore_marketplace_listings_billing_period_check',
    was: 'a billing period exactly for subscriptions',
    why: 'the original sets billing_period freely (BillingPeriod | null)',
  },
  {
    table: 'website_configs',
    name: 'website_configs_custom_domain_lowercase_check',
    was: 'custom_domain stored lowercase',
    why: 'the original stores the domain as written; the unique index now compares lower()',
  },
  {
    table: 'fluxcore_document_chunks',
    name: 'embedding',
    was: 'NOT NULL',
    why: 'the original inserts chunks first and embeds them later',
  },
  {
    table: 'fluxcore_document_chunks',
    name: 'embedding',
    was: 'vector(1536)',
    why: "May's column is a vector of any dimension (054_chunk_dimensions writes each model's width); migration 0042 drops the type modifier and keeps every value, and each large store's HNSW index is on embedding::vector(N)",
  },
  {
    table: 'fluxcore_document_chunks',
    name: 'fluxcore_document_chunks_file_chunk_key',
    was: 'one chunk per index of a file',
    why: "May keeps a file's chunks once per embedding model",
  },
  {
    table: 'protected_accounts',
    name: 'enforced_by',
    was: 'uuid, a foreign key to users',
    why: "the original's account-deletion.guard.ts writes enforcedBy: 'system' (0044)",
  },
  {
    table: 'fluxcore_usage_logs',
    name: 'operation',
    was: 'the enum usage_operation',
    why: 'logUsage takes any string',
  },
  {
    table: 'messages',
    name: 'generated_by',
    was: 'human, ai, automation',
    why: "the original's type adds 'system' ('extension' in a script)",
  },
  {
    table: '21 columns',
    name: 'enum → varchar',
    was: 'an enum',
    why: 'no closed type in the original: appointments.status, credits_ledger.entry_type, account_deletion_logs.status, access_mode (2), fluxcore_assistants.status, fluxcore_instructions.status and visibility, fluxcore_marketplace_reviews.status, rag chunking_strategy, tool connection status, tool type, visibility and auth_type, vector store file status, vector store status, visibility and source, messages.status, asset_policies.scope and dedup_scope',
  },
  {
    table: '117 columns',
    name: 'NOT NULL',
    was: 'NOT NULL',
    why: "the original's Drizzle type is nullable (defaults kept); see the type changes table for the NOT NULLs kept",
  },
];

/** The refusal line of a bug this schema refuses, by constraint name, or undefined. */
export function tighteningRefusal(constraint: string): string | undefined {
  return keptTightenings.find((k) => k.name === constraint && k.refusal)?.refusal;
}
