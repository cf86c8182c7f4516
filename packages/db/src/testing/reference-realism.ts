/** The reference database's own oddities, applied after the generator wrote its rows. */
import type { LiveSchema } from '../catalog/introspect.ts';
import type { SqlSession } from '../connection/client.ts';

/** The reference's own oddities, as its code and triggers left them. */
export async function realism(session: SqlSession, live: LiveSchema): Promise<void> {
  const has = (table: string, ...columns: string[]) =>
    columns.every((c) => live.tables.get(table)?.columns.has(c));
  if (has('credits_policies', 'feature_key', 'engine', 'model', 'cost_credits', 'token_budget')) {
    // The original seeded 'ai_session'; its own code looks up 'ai.session'. (A database built
    // by the original's own scripts has them already.)
    await session.exec(`insert into credits_policies (feature_key, engine, model, cost_credits, token_budget, duration_hours, active)
      select v.* from (values ('ai_session', 'openai_chat', 'gpt-4o-mini-2024-07-18', 1, 120000, 24, true),
             ('ai_session', 'groq_chat', 'llama-3.1-8b-instant', 1, 120000, 24, true))
        as v(feature_key, engine, model, cost_credits, token_budget, duration_hours, active)
      where not exists (select 1 from credits_policies p where p.feature_key = v.feature_key
                          and p.engine = v.engine and p.model = v.model)`);
  }
  if (has('fluxcore_marketplace_reviews', 'rating'))
    await session.exec('update fluxcore_marketplace_reviews set rating = 1 + rating % 5');
  if (has('fluxcore_marketplace_listings', 'total_subscribers', 'rating_average', 'rating_count')) {
    await session.exec(`update fluxcore_marketplace_listings l set
      total_subscribers = (select count(*) from fluxcore_marketplace_subscriptions s where s.listing_id = l.id),
      rating_count = (select count(*) from fluxcore_marketplace_reviews r where r.listing_id = l.id and r.status = 'published'),
      rating_average = (select round(avg(r.rating)::numeric, 2) from fluxcore_marketplace_reviews r where r.listing_id = l.id and r.status = 'published')`);
  }
  if (has('account_ai_entitlements', 'allowed_providers', 'default_provider')) {
    // The app only offers a default among the allowed providers.
    await session.exec(`update account_ai_entitlements set allowed_providers = allowed_providers || to_jsonb(default_provider)
      where default_provider is not null and not allowed_providers ? default_provider`);
  }
  if (has('fluxcore_marketplace_listings', 'pricing_model', 'billing_period')) {
    await session.exec(
      `update fluxcore_marketplace_listings set billing_period = case when pricing_model = 'subscription' then 'monthly' end`,
    );
  }
  if (has('fluxcore_marketplace_subscriptions', 'current_period_start', 'current_period_end')) {
    await session.exec(`update fluxcore_marketplace_subscriptions set current_period_end = current_period_start + interval '30 days'
      where current_period_start is not null`);
  }
  if (has('fluxcore_tool_connections', 'auth_config')) {
    // Connections as the app stores them: secrets live elsewhere, referenced by id.
    await session.exec(
      `update fluxcore_tool_connections set auth_config = jsonb_build_object('secretRef', 'vault:' || id::text)`,
    );
  }
  if (has('credits_policies', 'token_budget')) {
    // A session's budget is thousands of tokens.
    await session.exec(
      'update credits_policies set token_budget = 1000 * (1 + abs(token_budget)) where token_budget <= 0',
    );
  }
  if (
    has('appointment_staff', 'services', 'account_id') &&
    has('appointment_services', 'account_id')
  ) {
    // A staff member offers some of their account's services, by id.
    await session.exec(`update appointment_staff st set services = coalesce((select jsonb_agg(s.id)
      from appointment_services s where s.account_id = st.account_id), '[]'::jsonb)`);
  }
  if (has('asset_policies', 'default_ttl_seconds', 'max_ttl_seconds', 'max_file_size_bytes')) {
    // TTLs of hours, a ceiling of days; sizes in MiB; retention in days.
    await session.exec(`update asset_policies set
      default_ttl_seconds = 3600 * (1 + abs(default_ttl_seconds) % 24),
      max_ttl_seconds = 86400 * (1 + abs(max_ttl_seconds) % 7),
      max_file_size_bytes = 1048576 * (1 + abs(max_file_size_bytes) % 100),
      retention_days = 1 + abs(retention_days) % 365`);
  }
  if (has('asset_upload_sessions', 'total_bytes', 'bytes_uploaded', 'chunks_received')) {
    // An upload of a few MiB, part of it received, in 5 MiB chunks.
    await session.exec(
      `update asset_upload_sessions set total_bytes = (1 + total_bytes % 40) * 1048576`,
    );
    await session.exec(`update asset_upload_sessions set bytes_uploaded = case
        when total_bytes is null then abs(bytes_uploaded) * 1048576
        else total_bytes * (abs(bytes_uploaded) % 101) / 100 end`);
    await session.exec(
      `update asset_upload_sessions set chunks_received = ceil(coalesce(bytes_uploaded, 0) / 5242880.0)`,
    );
  }
  if (
    has('credits_ledger', 'entry_type', 'delta', 'account_id') &&
    has('credits_wallets', 'account_id')
  ) {
    // Grants and refunds add, spends and expiries take away; every entry moved its account's
    // wallet, which the original creates with the account's first grant.
    await session.exec(`update credits_ledger set delta = case
        when entry_type in ('grant', 'refund') then 1 + abs(delta)
        when entry_type in ('spend', 'expiry') then -(1 + abs(delta)) else delta end`);
    await session.exec(`insert into credits_wallets (account_id, balance)
      select distinct account_id, 0 from credits_ledger l
      where not exists (select 1 from credits_wallets w where w.account_id = l.account_id)`);
  }
  if (has('fluxcore_marketplace_listings', 'pricing_model', 'price_cents')) {
    await session.exec(
      `update fluxcore_marketplace_listings set price_cents = 0 where pricing_model = 'free'`,
    );
  }
  if (has('fluxcore_pricing_config', 'effective_from', 'effective_until')) {
    await session.exec(`update fluxcore_pricing_config set effective_until = effective_from + interval '90 days'
      where effective_until is not null`);
  }
  if (
    has(
      'fluxcore_rag_configurations',
      'chunk_size_tokens',
      'chunk_overlap_tokens',
      'retrieval_min_score',
    )
  ) {
    await session.exec(`update fluxcore_rag_configurations set
      chunk_size_tokens = 256 * (1 + abs(chunk_size_tokens) % 4),
      chunk_overlap_tokens = abs(chunk_overlap_tokens) % 64,
      retrieval_min_score = round((abs(retrieval_min_score) % 1)::numeric, 3)`);
  }
  if (has('extension_contexts', 'account_id', 'relationship_id', 'conversation_id')) {
    // Exactly one owner per context, as the app writes them.
    await session.exec(`update extension_contexts set relationship_id = null, conversation_id = null,
      account_id = coalesce(account_id, (select id from accounts order by id limit 1))`);
  }
}
