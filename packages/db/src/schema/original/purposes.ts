/**
 * What each table is for, one line each, keyed by SQL table name. The one place a table's
 * purpose is written: db:docs reads it for the schema reference, and the audit can read it
 * for its report. A test fails when a table of the schema has no line here.
 */
export const tablePurposes: Record<string, string> = {
  // 1. Core chat
  users: 'A person who signs in: email (unique whatever its case), password hash and name.',
  accounts:
    'A personal or business identity owned by a user: username, display name, profile and private context.',
  actors:
    'Who speaks in a conversation: a user, an account, an extension or the system, with its role.',
  relationships:
    'The link between two accounts, with what each side knows of the other; one per unordered pair.',
  conversations:
    'A conversation on one relationship and channel, with its last message and unread counts per side.',
  messages:
    'One message of a conversation: content, direction, who or what generated it, delivery status and actors.',
  message_enrichments: 'Data an extension attaches to a message (a classification, a translation).',
  password_reset_tokens:
    'A single-use password reset for a user, stored as a hash, with its expiry and the moment it was used.',
  media_attachments:
    'A media file attached to a message: image, audio, video, document, sticker or location.',

  // 2. Extensions, automation, workspaces, website builder, appointments
  automation_rules:
    'Whether AI replies for an account run automatically, supervised or not at all; per relationship or for all.',
  extension_installations:
    'An extension installed on an account: version, enabled, config and the permissions granted to it.',
  extension_contexts:
    'Extension data attached to exactly one account, relationship or conversation.',
  workspaces: 'A team space owned by an account, with its settings.',
  workspace_members: 'A user in a workspace, with a role (owner, admin, operator, viewer).',
  workspace_invitations:
    'A pending invitation to a workspace by email, with its role, token hash and expiry.',
  website_configs:
    'The website builder ("Karen") site of an account: status, pages, config and custom domain.',
  appointment_services: 'A service an account offers for booking: duration and price.',
  appointment_staff: 'A person of an account who gives appointments: availability and services.',
  appointments: 'A booked appointment: service, staff member, client, time, duration and status.',

  // 3. Credits, AI entitlements, admins, account deletion, protection
  account_ai_entitlements:
    'Whether an account may use AI, with which providers, and its default provider.',
  credits_wallets: 'The credit balance of an account; never below zero.',
  credits_ledger:
    'Append-only credit movements of a wallet (grant, spend, refund, adjustment, expiry); they sum to the balance.',
  credits_policies:
    'The price in credits of an AI feature on an engine and model, with its token budget and duration.',
  credits_conversation_sessions:
    'A paid AI session on one conversation: its cost, token budget, tokens used and expiry.',
  system_admins: 'A user with internal access, and the scopes it covers (credits, policies, all).',
  account_deletion_jobs:
    'The deletion of an account, step by step, leased by the worker; outlives the account.',
  account_deletion_logs: 'Append-only log of what each account deletion job did and why.',
  protected_accounts: 'An account that can never be deleted, with the reason.',

  // 4. FluxCore AI: assistants, instructions, tools, usage
  fluxcore_assistants:
    'An AI assistant of an account: runtime (local or OpenAI), model and timing settings.',
  fluxcore_instructions:
    'A named instruction (system prompt) of an account, pointing at its current version.',
  fluxcore_instruction_versions: 'One numbered version of an instruction, with its content.',
  fluxcore_assistant_instructions:
    'Which instructions (and which version) an assistant uses, in order.',
  fluxcore_assistant_vector_stores: 'Which vector stores an assistant reads, and how.',
  fluxcore_assistant_tools: 'Which tool connections an assistant may call, each enabled or not.',
  fluxcore_tool_definitions:
    'A tool an assistant can call: slug, category, JSON schema and how it authenticates.',
  fluxcore_tool_connections:
    'An account connected to a tool definition, with its auth config (a reference, never a plain token).',
  fluxcore_usage_logs:
    'Append-only AI usage telemetry: resource, operation, tokens and cost; read by time range.',
  fluxcore_pricing_config:
    'The price per unit of a resource operation and provider, valid over a time range.',
  fluxcore_system_metrics:
    'A recorded system metric: name, type, value and dimensions, by time and date.',

  // 5. Vector stores and RAG
  fluxcore_vector_stores:
    'A knowledge base of an account (local or OpenAI backend), with its file counts, usage and expiry.',
  fluxcore_files:
    'A file an account uploaded once (deduplicated by content hash), with its extracted text.',
  fluxcore_vector_store_files:
    'A file in a vector store: processing status, chunking strategy, chunk count and last error.',
  fluxcore_document_chunks:
    'A chunk of a file in a vector store, with its pgvector embedding for cosine search.',
  fluxcore_rag_configurations:
    'RAG settings (chunking, embedding, retrieval) of one vector store or one account.',
  fluxcore_vector_store_stats:
    "A vector store's counters: files, chunks, tokens, embedding coverage and queries.",
  fluxcore_query_cache:
    'Cached results of a RAG query over some vector stores: the chunks found and their similarity, until expiry.',

  // 6. Assets, files, templates, marketplace, billing
  assets:
    'A stored file of an account: scope, status, storage key, checksum, version and retention.',
  asset_upload_sessions: 'A chunked upload in progress, and the asset it produced.',
  asset_policies:
    'Rules for assets (allowed contexts, time to live, flags), global or for one account.',
  asset_audit_logs:
    'Append-only log of actions on assets and uploads, who did them and the outcome.',
  fluxcore_asset_permissions:
    'A grant on one vector store, instruction or tool to another account (read, write, admin).',
  plan_assets: 'Links a plan to an asset.',
  template_assets: 'Links a template to an asset, in a named slot.',
  message_assets: 'Links a message to an asset, at a position.',
  templates:
    'A message template of an account: content, category, variables and how often it was used.',
  fluxcore_template_settings: 'Whether the AI may use a template, and how.',
  fluxcore_marketplace_listings:
    'A vector store, instruction or tool offered on the marketplace: pricing, status and stats.',
  fluxcore_marketplace_reviews: 'A rating (1 to 5) and review of a listing, one per reviewer.',
  fluxcore_marketplace_subscriptions:
    'An account subscribed to a listing: period and usage, one per subscriber.',
  fluxcore_account_credits:
    "An account's FluxCore billing: balances and limits, plan and billing provider ids.",
  fluxcore_credit_transactions:
    'A movement of FluxCore billing credits, with the usage or subscription behind it and the balance after.',

  // The May lineage (2026-03 to 05): signals, AI traces, agents, the work engine, outboxes.
  conversation_participants:
    'Who takes part in a conversation (initiator, recipient, observer), registered or an anonymous visitor.',
  chatcore_outbox:
    'Messages waiting to be certified by the kernel, with their attempts and last error.',
  fluxcore_outbox: 'Signals waiting to be sent on, with their attempts and last error.',
  asset_enrichments: 'Data derived from an asset (a transcription, a description), one per type.',
  signals: 'A notification to an account or user: type, priority, status, delivery and grouping.',
  signal_preferences: "A user's notification settings: per type, quiet hours and email digest.",
  signal_delivery_log: 'Each attempt to deliver a signal on a channel, with its outcome.',
  ai_traces:
    'One AI call: runtime, provider, model, tokens, the request and the response, for debugging.',
  ai_signals:
    'A signal an AI call detected in a conversation (an intent, a sentiment), with its confidence.',
  ai_suggestions: 'A reply the AI suggested for a conversation, and whether it was accepted.',
  fluxcore_agents: 'An AI agent of an account: its flow of steps, scopes and trigger.',
  fluxcore_agent_assistants: 'Which assistants an agent uses, in which role and step.',
  fluxcore_work_definitions:
    'A versioned definition of a kind of work (its slots and states) of an account.',
  fluxcore_works: 'A work in progress on a definition: its state, revision and conversation.',
  fluxcore_work_slots:
    'One value of a work, by path: its type, status, who set it and the evidence.',
  fluxcore_work_events: "Append-only history of a work's changes, by actor and trace.",
  fluxcore_semantic_contexts:
    'A value proposed in a conversation for a work slot, until confirmed or expired.',
  fluxcore_proposed_works: 'A work the AI proposed from a decision, and how it was resolved.',
  fluxcore_decision_events:
    'An AI decision: its input, the work it proposed, model, latency and tokens.',
  fluxcore_external_effects: 'A call a work made to the outside (a tool), idempotent by key.',
  fluxcore_external_effect_claims: 'A claim on an external effect before it runs, so it runs once.',

  // The kernel journal and its projections (May lineage; kernel/)
  fluxcore_reality_adapters:
    'A registered certifier of observations, with its driver, class and signing secret.',
  fluxcore_signals:
    'The kernel journal: one certified observation per row, in order, with its evidence and provenance.',
  fluxcore_projector_cursors: 'How far each projector has read the journal, and its last error.',
  fluxcore_projector_errors:
    'A journal signal a projector failed to project: the error, attempts and when it was resolved.',
  fluxcore_session_projection:
    'A sign-in session projected from the journal: actor, account, device, scopes and status.',
  fluxcore_actors: 'A source of will independent of accounts and channels: real or provisional.',
  fluxcore_addresses: 'A channel endpoint an actor speaks from: a driver and its external id.',
  fluxcore_actor_address_links: 'Which addresses belong to which actor, with a confidence.',
  fluxcore_account_actor_contexts:
    'What an actor means to one account: display name, notes and status.',
  fluxcore_actor_identity_links:
    'A provisional actor (a widget visitor) bound to the real account it signed in as.',

  // How the AI runs per account (May lineage; runtime/)
  account_runtime_config: "Which runtime processes an account's messages, and its settings.",
  fluxcore_account_policies:
    'How and when the AI replies for an account: mode, delays, turn windows and what it may read.',
  fluxcore_action_audit: 'Every action an AI runtime took or was refused, per conversation.',
  fluxcore_cognition_queue:
    'A conversation turn waiting for the AI, at most one pending per conversation.',

  // Locations and opening hours (May lineage; locations/)
  account_locations:
    'A place of an account: address, coordinates, service type and radius, contact and status.',
  weekly_schedules: 'Whether an owner (a location) is closed on a day of the week.',
  weekly_intervals: 'An opening interval of an owner on a day of the week.',
  special_dates: "A date (a holiday) on which an owner's weekly schedule does not apply.",
  special_intervals: 'An opening interval on a special date.',
  message_visibility: 'A message one actor deleted for themself; no row means visible.',
};
