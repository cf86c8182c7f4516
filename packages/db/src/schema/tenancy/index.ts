/**
 * Who may see each table's rows: the contract row-level security (issue 24), its audit, its
 * converge and its generated tests share. The roles and the setting are fixed here; the
 * registry (`tableTenancy`) is filled table by table by the migration that enables the policies.
 */

/** The per-transaction setting that names the tenant (an account id), set by `withTenant`. */
export const tenantSetting = 'fluxcore.account_id';

/**
 * The runtime roles, created by the migrations, neither owner nor superuser nor BYPASSRLS:
 * `app` for the API, `system` for the worker's jobs (account deletion) and admin tasks.
 * Logins are members of them (`create role … login in role fluxcore_app`).
 */
export const runtimeRoles = { app: 'fluxcore_app', system: 'fluxcore_system' } as const;

/** How a table's rows belong to a tenant. */
export type TableTenancy =
  /** Each row belongs to the account in `column`. */
  | { kind: 'tenant'; column: string }
  /**
   * Each row belongs to the tenant of its parent row, reached through `column`. `carries`: the
   * parent's tenants copied onto the row by triggers, which its policy reads instead of probing
   * the parent (a plain column test, planned and run as cheaply as the owner's query).
   */
  | { kind: 'child'; column: string; parent: string; carries?: readonly string[] }
  /** Rows several accounts may see (workspaces, relationships, marketplace): policies say who. */
  | { kind: 'shared'; columns: readonly string[]; who: string }
  /** Rows of no tenant (reference data, the migrator's own): no row-level security. */
  | { kind: 'global'; reason: string };

/** Every table of the schema, by its SQL name. */
export const tableTenancy: Readonly<Record<string, TableTenancy>> = {
  // An account is its own tenant.
  accounts: { kind: 'tenant', column: 'id' },
  account_ai_entitlements: { kind: 'tenant', column: 'account_id' },
  account_deletion_jobs: { kind: 'tenant', column: 'account_id' },
  account_deletion_logs: { kind: 'tenant', column: 'account_id' },
  account_locations: { kind: 'tenant', column: 'account_id' },
  account_runtime_config: { kind: 'tenant', column: 'account_id' },
  ai_signals: { kind: 'tenant', column: 'account_id' },
  ai_suggestions: { kind: 'tenant', column: 'account_id' },
  ai_traces: { kind: 'tenant', column: 'account_id' },
  appointment_services: { kind: 'tenant', column: 'account_id' },
  appointment_staff: { kind: 'tenant', column: 'account_id' },
  asset_audit_logs: { kind: 'tenant', column: 'account_id' },
  asset_upload_sessions: { kind: 'tenant', column: 'account_id' },
  assets: { kind: 'tenant', column: 'account_id' },
  automation_rules: { kind: 'tenant', column: 'account_id' },
  conversation_participants: { kind: 'tenant', column: 'account_id' },
  credits_conversation_sessions: { kind: 'tenant', column: 'account_id' },
  credits_ledger: { kind: 'tenant', column: 'account_id' },
  credits_wallets: { kind: 'tenant', column: 'account_id' },
  extension_installations: { kind: 'tenant', column: 'account_id' },
  fluxcore_account_actor_contexts: { kind: 'tenant', column: 'account_id' },
  fluxcore_account_credits: { kind: 'tenant', column: 'account_id' },
  fluxcore_account_policies: { kind: 'tenant', column: 'account_id' },
  fluxcore_action_audit: { kind: 'tenant', column: 'account_id' },
  fluxcore_actor_identity_links: { kind: 'tenant', column: 'tenant_id' },
  fluxcore_actors: { kind: 'tenant', column: 'tenant_id' },
  fluxcore_agents: { kind: 'tenant', column: 'account_id' },
  fluxcore_assistants: { kind: 'tenant', column: 'account_id' },
  fluxcore_cognition_queue: { kind: 'tenant', column: 'account_id' },
  fluxcore_credit_transactions: { kind: 'tenant', column: 'account_id' },
  fluxcore_decision_events: { kind: 'tenant', column: 'account_id' },
  fluxcore_document_chunks: { kind: 'tenant', column: 'account_id' },
  fluxcore_external_effect_claims: { kind: 'tenant', column: 'account_id' },
  fluxcore_external_effects: { kind: 'tenant', column: 'account_id' },
  fluxcore_files: { kind: 'tenant', column: 'account_id' },
  fluxcore_instructions: { kind: 'tenant', column: 'account_id' },
  fluxcore_proposed_works: { kind: 'tenant', column: 'account_id' },
  fluxcore_semantic_contexts: { kind: 'tenant', column: 'account_id' },
  fluxcore_session_projection: { kind: 'tenant', column: 'account_id' },
  fluxcore_tool_connections: { kind: 'tenant', column: 'account_id' },
  fluxcore_usage_logs: { kind: 'tenant', column: 'account_id' },
  fluxcore_vector_stores: { kind: 'tenant', column: 'account_id' },
  fluxcore_work_definitions: { kind: 'tenant', column: 'account_id' },
  fluxcore_work_events: { kind: 'tenant', column: 'account_id' },
  fluxcore_work_slots: { kind: 'tenant', column: 'account_id' },
  fluxcore_works: { kind: 'tenant', column: 'account_id' },
  protected_accounts: { kind: 'tenant', column: 'account_id' },
  templates: { kind: 'tenant', column: 'account_id' },
  website_configs: { kind: 'tenant', column: 'account_id' },
  workspaces: { kind: 'tenant', column: 'owner_account_id' },

  // Rows of a parent row's tenant (the parent's key is its primary key, `id`).
  asset_enrichments: { kind: 'child', column: 'asset_id', parent: 'assets' },
  chatcore_outbox: { kind: 'child', column: 'message_id', parent: 'messages' },
  fluxcore_actor_address_links: { kind: 'child', column: 'actor_id', parent: 'fluxcore_actors' },
  fluxcore_agent_assistants: { kind: 'child', column: 'agent_id', parent: 'fluxcore_agents' },
  fluxcore_assistant_instructions: {
    kind: 'child',
    column: 'assistant_id',
    parent: 'fluxcore_assistants',
  },
  fluxcore_assistant_tools: {
    kind: 'child',
    column: 'assistant_id',
    parent: 'fluxcore_assistants',
  },
  fluxcore_assistant_vector_stores: {
    kind: 'child',
    column: 'assistant_id',
    parent: 'fluxcore_assistants',
  },
  fluxcore_instruction_versions: {
    kind: 'child',
    column: 'instruction_id',
    parent: 'fluxcore_instructions',
  },
  fluxcore_template_settings: { kind: 'child', column: 'template_id', parent: 'templates' },
  fluxcore_vector_store_files: {
    kind: 'child',
    column: 'vector_store_id',
    parent: 'fluxcore_vector_stores',
  },
  fluxcore_vector_store_stats: {
    kind: 'child',
    column: 'vector_store_id',
    parent: 'fluxcore_vector_stores',
  },
  media_attachments: { kind: 'child', column: 'message_id', parent: 'messages' },
  message_assets: { kind: 'child', column: 'message_id', parent: 'messages' },
  message_enrichments: { kind: 'child', column: 'message_id', parent: 'messages' },
  message_visibility: { kind: 'child', column: 'message_id', parent: 'messages' },
  // Its conversation's relationship's two accounts, carried (migration 0059): the keyset page
  // as the runtime role planned two nested policy subqueries on every call (bench `rls`).
  messages: {
    kind: 'child',
    column: 'conversation_id',
    parent: 'conversations',
    carries: ['tenant_a_id', 'tenant_b_id'],
  },
  plan_assets: { kind: 'child', column: 'asset_id', parent: 'assets' },
  signal_delivery_log: { kind: 'child', column: 'signal_id', parent: 'signals' },
  special_intervals: { kind: 'child', column: 'special_date_id', parent: 'special_dates' },
  template_assets: { kind: 'child', column: 'template_id', parent: 'templates' },
  workspace_invitations: { kind: 'child', column: 'workspace_id', parent: 'workspaces' },

  // Rows several accounts see (policies.ts has each one's SQL).
  relationships: {
    kind: 'shared',
    columns: ['account_a_id', 'account_b_id'],
    who: 'both sides see and change it',
  },
  conversations: {
    kind: 'shared',
    columns: ['relationship_id'],
    who: 'both sides of its relationship see and change it',
  },
  appointments: {
    kind: 'shared',
    columns: ['account_id', 'client_account_id'],
    who: 'the business (account_id) sees and changes it; the client account sees it',
  },
  workspace_members: {
    kind: 'shared',
    columns: ['workspace_id', 'user_id'],
    who: 'the workspace owner sees and changes them; a member (the user who owns the tenant account) sees their own memberships',
  },
  signals: {
    kind: 'shared',
    columns: ['recipient_account_id', 'sender_account_id'],
    who: 'the recipient and the sender see it and change it (the recipient marks it read)',
  },
  extension_contexts: {
    kind: 'shared',
    columns: ['account_id', 'relationship_id', 'conversation_id'],
    who: 'the account it is attached to, or the accounts that see its relationship or conversation',
  },
  fluxcore_rag_configurations: {
    kind: 'shared',
    columns: ['account_id', 'vector_store_id'],
    who: 'the account it is attached to, or the owner of its vector store',
  },
  fluxcore_tool_definitions: {
    kind: 'shared',
    columns: ['account_id'],
    who: 'every account sees the built-in ones (account_id null); an account sees and changes its own',
  },
  asset_policies: {
    kind: 'shared',
    columns: ['account_id'],
    who: 'every account sees the global ones (account_id null); an account sees and changes its own',
  },
  fluxcore_asset_permissions: {
    kind: 'shared',
    columns: ['granted_by_account_id', 'grantee_account_id'],
    who: 'the granting account sees and changes it; the grantee sees it',
  },
  fluxcore_marketplace_listings: {
    kind: 'shared',
    columns: ['seller_account_id', 'status'],
    who: 'the seller sees and changes it; every account (a buyer) sees it once published',
  },
  fluxcore_marketplace_reviews: {
    kind: 'shared',
    columns: ['reviewer_account_id', 'listing_id'],
    who: 'whoever sees the listing sees its reviews; the reviewer writes one',
  },
  fluxcore_marketplace_subscriptions: {
    kind: 'shared',
    columns: ['subscriber_account_id', 'listing_id'],
    who: 'the subscriber sees and changes it; the seller of the listing sees it',
  },
  special_dates: {
    kind: 'shared',
    columns: ['owner_id'],
    who: 'the account that owns it, directly or through one of its locations',
  },
  weekly_intervals: {
    kind: 'shared',
    columns: ['owner_id'],
    who: 'the account that owns it, directly or through one of its locations',
  },
  weekly_schedules: {
    kind: 'shared',
    columns: ['owner_id'],
    who: 'the account that owns it, directly or through one of its locations',
  },
  actors: {
    kind: 'shared',
    columns: ['account_id', 'tenant_id', 'linked_account_id'],
    who: 'the account it is, belongs to (tenant_id) or is linked to',
  },

  // No tenant's rows.
  users: {
    kind: 'global',
    reason:
      'identities, above accounts: the runtime roles may read only id (a column grant); email and password hash stay with the owner',
  },
  password_reset_tokens: {
    kind: 'global',
    reason: "a user's credentials: no grant to the runtime roles",
  },
  signal_preferences: {
    kind: 'global',
    reason: "a user's settings: no grant to the runtime roles",
  },
  system_admins: {
    kind: 'global',
    reason: 'staff scopes: the runtime roles read them to authorize, only the owner writes them',
  },
  credits_policies: {
    kind: 'global',
    reason: 'the price list: read by the runtime roles, written by the owner',
  },
  fluxcore_pricing_config: {
    kind: 'global',
    reason: 'the price list: read by the runtime roles, written by the owner',
  },
  fluxcore_system_metrics: {
    kind: 'global',
    reason: 'system metrics: no grant to the runtime roles',
  },
  fluxcore_query_cache: {
    kind: 'global',
    reason: 'the kernel query cache (no account column): no grant to the runtime roles',
  },
  fluxcore_signals: {
    kind: 'global',
    reason: 'the kernel journal (no account column): no grant to the runtime roles',
  },
  fluxcore_outbox: {
    kind: 'global',
    reason: "the kernel journal's outbox: no grant to the runtime roles",
  },
  fluxcore_projector_cursors: {
    kind: 'global',
    reason: "the kernel projectors' positions: no grant to the runtime roles",
  },
  fluxcore_projector_errors: {
    kind: 'global',
    reason: "the kernel projectors' errors: no grant to the runtime roles",
  },
  fluxcore_reality_adapters: {
    kind: 'global',
    reason: 'the kernel adapters registry: no grant to the runtime roles',
  },
  fluxcore_addresses: {
    kind: 'global',
    reason: 'kernel addresses (driver and external id, no account): no grant to the runtime roles',
  },
};

/**
 * Creates the runtime roles where they are missing, as migration 0048 does (an existing role is
 * kept): for db:push and the db:serve that serves `drizzle-kit push`, which reach a database
 * without the migrations, while the schema's policies name the roles.
 */
export const createRuntimeRolesSql = `do $$
declare
  role_name text;
begin
  foreach role_name in array array['${runtimeRoles.app}', '${runtimeRoles.system}'] loop
    if not exists (select 1 from pg_roles where rolname = role_name) then
      begin
        execute format('create role %I nologin nosuperuser nobypassrls', role_name);
      exception when duplicate_object or unique_violation then null;
      end;
    end if;
  end loop;
end $$`;
