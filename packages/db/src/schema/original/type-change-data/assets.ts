import type { TypeChangeRows } from './index.ts';

/** The assets domain's tightened column types, by table (index.ts: the row format). */
export const assetsTypeChanges: TypeChangeRows = {
  asset_audit_logs: [
    ['actor_type', 'asset_actor_type!', 'asset_audit_actor_type!', 'enumRenamed'],
    ['ip_address', 'varchar(45)', 'inet', 'inet'],
    ['metadata', 'text', 'jsonb', 'jsonText'],
    ['success', 'varchar(10)', 'boolean', 'booleanText'],
  ],
  asset_policies: [
    ['allowed_contexts', 'text!', 'jsonb!', 'jsonText'],
    ['allowed_mime_types', 'text', 'jsonb', 'jsonText'],
  ],
  asset_upload_sessions: [
    ['allowed_mime_types', 'text', 'jsonb', 'jsonText'],
    ['status', 'upload_session_status!', 'asset_upload_session_status!', 'enumRenamed'],
  ],
  assets: [
    ['checksum_sha256', 'varchar(64)', 'char(64)', 'checksum'],
    ['dedup_policy', 'dedup_policy!', 'asset_dedup_policy!', 'enumRenamed'],
    ['metadata', 'text', 'jsonb', 'jsonText'],
  ],
  fluxcore_asset_permissions: [
    ['created_at', 'timestamp!', 'timestamptz!', 'timestamptz'],
    ['expires_at', 'timestamp', 'timestamptz', 'timestamptz'],
    ['granted_at', 'timestamp!', 'timestamptz!', 'timestamptz'],
    ['permission_level', 'varchar(20)!', 'fluxcore_asset_permission_level!', 'closedSet'],
    ['source', 'varchar(20)!', 'fluxcore_asset_permission_source!', 'closedSet'],
    ['updated_at', 'timestamp!', 'timestamptz!', 'timestamptz'],
  ],
  fluxcore_marketplace_listings: [
    ['billing_period', 'varchar(20)', 'fluxcore_marketplace_billing_period', 'closedSet'],
    ['created_at', 'timestamp!', 'timestamptz!', 'timestamptz'],
    ['currency', 'varchar(3)', 'char(3)', 'currency'],
    ['featured_until', 'timestamp', 'timestamptz', 'timestamptz'],
    ['pricing_model', 'varchar(20)!', 'fluxcore_marketplace_pricing_model!', 'closedSet'],
    ['published_at', 'timestamp', 'timestamptz', 'timestamptz'],
    ['status', 'varchar(20)!', 'fluxcore_marketplace_listing_status!', 'closedSet'],
    ['updated_at', 'timestamp!', 'timestamptz!', 'timestamptz'],
  ],
  fluxcore_marketplace_reviews: [
    ['created_at', 'timestamp!', 'timestamptz!', 'timestamptz'],
    ['updated_at', 'timestamp!', 'timestamptz!', 'timestamptz'],
  ],
  fluxcore_marketplace_subscriptions: [
    ['cancelled_at', 'timestamp', 'timestamptz', 'timestamptz'],
    ['created_at', 'timestamp!', 'timestamptz!', 'timestamptz'],
    ['current_period_end', 'timestamp', 'timestamptz', 'timestamptz'],
    ['current_period_start', 'timestamp', 'timestamptz', 'timestamptz'],
    ['last_payment_at', 'timestamp', 'timestamptz', 'timestamptz'],
    ['next_payment_at', 'timestamp', 'timestamptz', 'timestamptz'],
    ['started_at', 'timestamp!', 'timestamptz!', 'timestamptz'],
    ['status', 'varchar(20)!', 'fluxcore_marketplace_subscription_status!', 'closedSet'],
    ['updated_at', 'timestamp!', 'timestamptz!', 'timestamptz'],
  ],
  fluxcore_pricing_config: [
    ['created_at', 'timestamp!', 'timestamptz!', 'timestamptz'],
    ['effective_from', 'timestamp!', 'timestamptz!', 'timestamptz'],
    ['effective_until', 'timestamp', 'timestamptz', 'timestamptz'],
    ['is_active', 'boolean', 'boolean!', 'notNullSqlOnly'],
    ['resource_type', 'varchar(50)!', 'usage_resource_type!', 'closedSet'],
  ],
  fluxcore_system_metrics: [
    ['dimensions', 'jsonb', 'jsonb!', 'notNullSqlOnly'],
    ['recorded_at', 'timestamp(3)!', 'timestamptz(3)!', 'timestamptz'],
  ],
  plan_assets: [['dependency_type', 'varchar(50)!', 'plan_asset_dependency_type!', 'closedSet']],
};
