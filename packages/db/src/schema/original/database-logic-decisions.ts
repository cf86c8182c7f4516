/**
 * The data of originalDatabaseLogic (database-logic.ts): every function, trigger and schema the
 * original FluxCore database holds besides its tables (reference README, "Logic the original
 * keeps in the database"), with what this package decided for it, and the functions and
 * triggers this package itself creates (pure data: database-logic.ts applies it to the schema's
 * tables). The audit reads the list; test/schema-database-logic.test.ts
 * proves the package's own objects are exactly the ones a migrated database has.
 */
/**
 * The logic the original keeps in the database (triggers and functions, see the reference
 * README). For each one: the package provides it (a migration it owns, or a typed operation
 * that replaces it), or it belongs to the deployment. The audit reads this list: a declared
 * object is reported as such, an undeclared one as unexpected.
 */
export interface DatabaseLogicDecision {
  readonly kind: 'function' | 'trigger' | 'view' | 'schema';
  /** Schema-qualified for functions and views (`public.get_monthly_usage`); for triggers, the trigger name. */
  readonly name: string;
  /** For triggers: the table it is on. */
  readonly table?: string;
  /** `package`: this package ships it (migration) or replaces it (operation). `deployment`: kept by whoever runs the database. */
  readonly owner: 'package' | 'deployment';
  /** Where the package provides it (migration tag or operation name), or why it is the deployment's. */
  readonly how: string;
}

const triggersMigration = '0029_updated_at_and_counter_triggers';

/** The May lineage's tables with updated_at, which got the touch trigger later. */
const mayTouchMigration = '0039_may_tables_in_package_triggers';
export const mayTablesTouched = [
  'account_locations',
  'account_runtime_config',
  'fluxcore_account_actor_contexts',
  'fluxcore_account_policies',
  'fluxcore_actors',
  'fluxcore_agents',
  'fluxcore_session_projection',
  'fluxcore_works',
  'signal_delivery_log',
  'signal_preferences',
  'signals',
];

const own = (
  kind: 'function' | 'trigger',
  name: string,
  how: string,
  table?: string,
): DatabaseLogicDecision => ({ kind, name, owner: 'package', how, ...(table ? { table } : {}) });

/**
 * The functions and triggers this package's migrations create, given the tables that have an
 * updated_at column (0029 gives each one the touch trigger). A function of that list, so the
 * audit can build it from the snapshot without loading the schema's table objects.
 */
export const packageDatabaseLogicFor = (
  tablesWithUpdatedAt: readonly string[],
): readonly DatabaseLogicDecision[] => [
  own(
    'function',
    'public.fluxcore_apply_credits_gating',
    '0034_credits_gating_function: the credits gating decision in one statement (applyCreditsGating)',
  ),
  own(
    'function',
    'public.fluxcore_accounts_alias_from_username',
    "0042_accounts_alias_from_username: a row written without an alias takes its username (as May's 045 filled it)",
  ),
  own(
    'trigger',
    'accounts_alias_from_username',
    '0042_accounts_alias_from_username: public.fluxcore_accounts_alias_from_username, before insert or update when the alias is null',
    'accounts',
  ),
  own(
    'function',
    'public.fluxcore_clear_account_references',
    "0053_clear_account_references: the deletion worker clears other accounts' set-null references to the account it deletes (issue 24)",
  ),
  own(
    'function',
    'public.fluxcore_listing_stays_visible',
    '0057_marketplace_writes_need_a_visible_listing: a review or subscription moved to another listing must move to one its writer sees (issue 24)',
  ),
  own(
    'trigger',
    'fluxcore_marketplace_reviews_listing_stays_visible',
    '0057_marketplace_writes_need_a_visible_listing: public.fluxcore_listing_stays_visible, before update of listing_id',
    'fluxcore_marketplace_reviews',
  ),
  own(
    'trigger',
    'fluxcore_marketplace_subscriptions_listing_stays_visible',
    '0057_marketplace_writes_need_a_visible_listing: public.fluxcore_listing_stays_visible, before update of listing_id',
    'fluxcore_marketplace_subscriptions',
  ),
  own(
    'function',
    'public.fluxcore_message_tenants',
    "0059_messages_carry_their_tenants: gives a message written or moved its conversation's two accounts (issue 24)",
  ),
  own(
    'trigger',
    'messages_carry_tenants',
    '0059_messages_carry_their_tenants: public.fluxcore_message_tenants, before insert or update of conversation_id, tenant_a_id, tenant_b_id',
    'messages',
  ),
  own(
    'function',
    'public.fluxcore_conversation_passes_tenants',
    "0059_messages_carry_their_tenants: passes a conversation's new relationship's accounts to its messages",
  ),
  own(
    'trigger',
    'conversations_pass_tenants',
    '0059_messages_carry_their_tenants: public.fluxcore_conversation_passes_tenants, after update of relationship_id',
    'conversations',
  ),
  own(
    'function',
    'public.fluxcore_relationship_passes_tenants',
    "0059_messages_carry_their_tenants: passes a relationship's new accounts to its conversations' messages",
  ),
  own(
    'trigger',
    'relationships_pass_tenants',
    '0059_messages_carry_their_tenants: public.fluxcore_relationship_passes_tenants, after update of account_a_id or account_b_id',
    'relationships',
  ),
  own(
    'function',
    'public.fluxcore_conversation_accounts',
    '0051_conversation_accounts_function: the two accounts of a conversation, for choosing the tenant (issue 24)',
  ),
  own(
    'function',
    'public.fluxcore_touch_updated_at',
    `${triggersMigration}: sets updated_at = now() before every update`,
  ),
  ...tablesWithUpdatedAt.map((table) =>
    own(
      'trigger',
      `${table}_touch_updated_at`,
      `${mayTablesTouched.includes(table) ? mayTouchMigration : triggersMigration}: public.fluxcore_touch_updated_at`,
      table,
    ),
  ),
  own(
    'function',
    'public.fluxcore_marketplace_count_subscribers',
    `${triggersMigration}: moves a listing's total_subscribers with its subscriptions`,
  ),
  own(
    'trigger',
    'fluxcore_marketplace_subscriptions_count_added',
    `${triggersMigration}: public.fluxcore_marketplace_count_subscribers`,
    'fluxcore_marketplace_subscriptions',
  ),
  own(
    'trigger',
    'fluxcore_marketplace_subscriptions_count_removed',
    `${triggersMigration}: public.fluxcore_marketplace_count_subscribers`,
    'fluxcore_marketplace_subscriptions',
  ),
  own(
    'function',
    'public.fluxcore_marketplace_rate_listing',
    `${triggersMigration}: recomputes a listing's rating_average and rating_count from its published reviews`,
  ),
  own(
    'trigger',
    'fluxcore_marketplace_reviews_rate_listing',
    `${triggersMigration}: public.fluxcore_marketplace_rate_listing`,
    'fluxcore_marketplace_reviews',
  ),
  own(
    'function',
    'public.fluxcore_vector_store_count_chunks',
    `${triggersMigration} (${mayTouchMigration} skips May's chunks, which name no store): keeps chunk_count, embedded_chunk_count, total_tokens and embedding_coverage_percent of fluxcore_vector_store_stats`,
  ),
  own(
    'trigger',
    'fluxcore_document_chunks_count_added',
    `${triggersMigration}: public.fluxcore_vector_store_count_chunks`,
    'fluxcore_document_chunks',
  ),
  own(
    'trigger',
    'fluxcore_document_chunks_count_removed',
    `${triggersMigration}: public.fluxcore_vector_store_count_chunks`,
    'fluxcore_document_chunks',
  ),
  own(
    'function',
    'public.fluxcore_vector_store_count_files',
    `${triggersMigration}: keeps file_count, total_size_bytes and last_file_added_at of fluxcore_vector_store_stats`,
  ),
  own(
    'trigger',
    'fluxcore_vector_store_files_count_added',
    `${triggersMigration}: public.fluxcore_vector_store_count_files`,
    'fluxcore_vector_store_files',
  ),
  own(
    'trigger',
    'fluxcore_vector_store_files_count_removed',
    `${triggersMigration}: public.fluxcore_vector_store_count_files`,
    'fluxcore_vector_store_files',
  ),
];

const replacedTrigger = (
  name: string,
  table: string,
  by: string,
  migration = triggersMigration,
): DatabaseLogicDecision => ({
  kind: 'trigger',
  name,
  table,
  owner: 'package',
  how: `replaced by ${by} (${migration}); converge drops the original's trigger so the work is not done twice`,
});

const replacedFunction = (name: string, by: string): DatabaseLogicDecision => ({
  kind: 'function',
  name,
  owner: 'package',
  how: `replaced by ${by}; converge drops the original's function once nothing uses it`,
});

const deployment = (name: string, why: string): DatabaseLogicDecision => ({
  kind: 'function',
  name,
  owner: 'deployment',
  how: `${why} No package code calls it and converge leaves it in place; a deployment that relies on it keeps it, and checks it against the renamed and retyped columns of originalRenames and originalTypeChanges.`,
});

/** The original's own logic (reference README), each with this package's decision. */
export const originalOnlyDatabaseLogic: readonly DatabaseLogicDecision[] = [
  ...(
    [
      ['trigger_assets_updated_at', 'assets'],
      ['trigger_asset_upload_sessions_updated_at', 'asset_upload_sessions'],
      ['trigger_asset_policies_updated_at', 'asset_policies'],
      ['trigger_document_chunks_updated_at', 'fluxcore_document_chunks'],
      ['trigger_asset_permissions_updated_at', 'fluxcore_asset_permissions'],
      ['trigger_rag_configurations_updated_at', 'fluxcore_rag_configurations'],
      ['trigger_listings_updated_at', 'fluxcore_marketplace_listings'],
      ['trigger_subscriptions_updated_at', 'fluxcore_marketplace_subscriptions'],
      ['trigger_account_credits_updated_at', 'fluxcore_account_credits'],
      ['trigger_fluxcore_files_updated_at', 'fluxcore_files'],
    ] as const
  ).map(([name, table]) => replacedTrigger(name, table, `${table}_touch_updated_at`)),
  replacedTrigger(
    'trigger_subscription_count',
    'fluxcore_marketplace_subscriptions',
    'fluxcore_marketplace_subscriptions_count_added and _count_removed',
  ),
  replacedTrigger(
    'trigger_review_rating',
    'fluxcore_marketplace_reviews',
    'fluxcore_marketplace_reviews_rate_listing',
  ),
  replacedTrigger(
    'trigger_vs_stats_files',
    'fluxcore_vector_store_files',
    'fluxcore_vector_store_files_count_added and _count_removed',
  ),
  replacedTrigger(
    'trigger_vs_stats_chunks',
    'fluxcore_document_chunks',
    'fluxcore_document_chunks_count_added and _count_removed',
  ),
  // May's signal tables (s/032_fluxcore_signals): their own updated_at trigger each, which
  // the package's touch trigger of 0039 replaces (kept beside it, updated_at would be set twice).
  ...(['signals', 'signal_preferences', 'signal_delivery_log'] as const).map((table) =>
    replacedTrigger(
      `tr_${table}_updated_at`,
      table,
      `${table}_touch_updated_at`,
      mayTouchMigration,
    ),
  ),
  ...(['signals', 'signal_preferences', 'signal_delivery_log'] as const).map((table) =>
    replacedFunction(
      `public.update_${table}_updated_at`,
      `public.fluxcore_touch_updated_at (${mayTouchMigration})`,
    ),
  ),
  // May's asset shield (m/052, m/053): the deployment's rule that an assets row is deleted
  // only on purpose. The package keeps it: its own deletions say so (deleteAccountRows sets
  // fluxcore.allowed_delete_account_id, as the original's vector-store service does), and
  // converge runs the kept trigger through a real delete in a savepoint.
  {
    kind: 'trigger',
    name: 'protect_assets_from_deletion',
    table: 'assets',
    owner: 'deployment',
    how: "May's asset shield: refuses to delete an assets row unless the session sets fluxcore.allow_asset_deletion or fluxcore.allowed_delete_account_id (the account's id). Kept: the package's account deletion sets the latter; converge runs it once through a delete in a savepoint to show it still runs on the converged columns.",
  },
  deployment(
    'public.prevent_asset_deletion',
    "The function of May's asset shield (protect_assets_from_deletion), kept with it.",
  ),
  ...[
    'update_updated_at_column',
    'update_document_chunks_updated_at',
    'update_asset_permissions_updated_at',
    'update_rag_configurations_updated_at',
    'update_marketplace_updated_at',
    'update_account_credits_updated_at',
    'update_fluxcore_files_updated_at',
  ].map((name) =>
    replacedFunction(`public.${name}`, `public.fluxcore_touch_updated_at (${triggersMigration})`),
  ),
  replacedFunction(
    'public.update_listing_subscriber_count',
    `public.fluxcore_marketplace_count_subscribers (${triggersMigration})`,
  ),
  replacedFunction(
    'public.update_listing_rating',
    `public.fluxcore_marketplace_rate_listing (${triggersMigration})`,
  ),
  replacedFunction(
    'public.update_vs_stats_on_file_change',
    `public.fluxcore_vector_store_count_files (${triggersMigration})`,
  ),
  replacedFunction(
    'public.update_vs_stats_on_chunk_change',
    `public.fluxcore_vector_store_count_chunks (${triggersMigration})`,
  ),
  replacedFunction(
    'public.search_document_chunks',
    'the typed operation searchChunks (src/operations/rag/search.ts): cosine top-k with a minimum similarity, exact on a small store and through the store’s own HNSW index on a large one',
  ),
  replacedFunction(
    'public.get_effective_rag_config',
    'the typed operation getEffectiveRagConfig (src/operations/rag/config.ts): the store’s configuration, else its account’s, else DEFAULT_RAG_CONFIG',
  ),
  replacedFunction(
    'public.recalculate_vs_stats',
    `the recount at the end of ${triggersMigration}, after which the triggers keep the counters`,
  ),
  replacedFunction(
    'monitoring.check_account_references',
    'the typed operation countAccountRows (src/operations/deletion/plan.ts), which counts an account’s rows through the foreign keys',
  ),
  replacedFunction(
    'monitoring.list_account_reference_orphans',
    'the foreign keys this schema adds to every account reference (an orphan cannot exist); converge lists orphans before it adds them',
  ),
  deployment(
    'public.log_usage_and_deduct',
    'Pricing and charging a usage is billing policy of the deployment (its prices live in fluxcore_pricing_config, which this schema keeps).',
  ),
  deployment(
    'public.get_monthly_usage',
    'A report over fluxcore_usage_logs for the deployment’s billing pages; the columns it reads keep their original names.',
  ),
  deployment(
    'public.check_vector_store_access',
    'Access to a vector store (owner, permission or marketplace) is decided by the app’s services, which read fluxcore_asset_permissions and the marketplace tables directly.',
  ),
  deployment(
    'public.get_accessible_vector_stores',
    'The list behind check_vector_store_access, decided by the same app services.',
  ),
  deployment(
    'public.cleanup_expired_cache',
    'Deleting expired fluxcore_query_cache rows is a scheduled job of the deployment (the table has an index on expires_at for it).',
  ),
  deployment(
    'public.fluxcore_upload_file',
    'Uploading a file (dedup by content hash) belongs to the app’s file service; the unique (account_id, content_hash) of fluxcore_files enforces the dedup.',
  ),
  deployment(
    'public.fluxcore_link_file_to_vector_store',
    'Linking a file to a store belongs to the app’s file service; the unique (vector_store_id, file_id) makes the link an upsert.',
  ),
  {
    kind: 'schema',
    name: 'monitoring',
    owner: 'deployment',
    how: 'The original’s schema for its two monitoring functions, which this package replaces; converge leaves the schema, the deployment may drop it once nothing uses it.',
  },
];
