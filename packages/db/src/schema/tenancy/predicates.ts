/**
 * The SQL of each table's row-level security, derived from `tableTenancy`: the tenant
 * predicate in its `(select …)` form (computed once per statement, never per row), a child's
 * through its parent (whose own policy applies inside the subquery, on the parent's primary
 * key), and the shared tables' rules, written out here because each says who sees what in its
 * own way. Plain SQL text: policies.ts wraps it for drizzle, the tests and docs read it as is.
 */
import { tableTenancy, tenantSetting } from './index.ts';

/** The tenant of the transaction as a uuid, or null when none is set: no row matches null. */
export const currentTenant = `(select nullif(current_setting('${tenantSetting}', true), '')::uuid)`;
/** The same as text, for the few May tables whose account column is text. */
export const currentTenantText = `(select nullif(current_setting('${tenantSetting}', true), ''))`;

/** Account columns stored as text (May's kernel and runtime tables), by table. */
export const textTenantColumns: Readonly<Record<string, string>> = {
  fluxcore_action_audit: 'account_id',
  fluxcore_actor_identity_links: 'tenant_id',
  fluxcore_actors: 'tenant_id',
  fluxcore_session_projection: 'account_id',
};

/** `column` names the tenant. */
export const isTenant = (column: string, table = '') =>
  `"${column}" = ${textTenantColumns[table] === column ? currentTenantText : currentTenant}`;
/**
 * `column` names a row of `parent` the tenant sees: one probe of the parent's primary key per
 * row read (its own policy applies there), where `column in (select id from parent)` would hash
 * every parent row the tenant sees on each statement (76.8 ms against 0.58 ms a keyset page of
 * messages with 101,000 conversations, bench `rls`). `{table}` is the policy's own table, set
 * by rulesOf, so the column is never taken for one of the parent's.
 */
const under = (column: string, parent: string) =>
  `exists (select 1 from "${parent}" "parent" where "parent"."id" = {table}."${column}")`;
/** Names the policy's own table in its rule's `under` probes. */
const on = (table: string, rule: string) => rule.replaceAll('{table}', `"${table}"`);
const or = (...parts: string[]) => parts.join(' or ');

/** A shared table's rule: who reads its rows, and who writes them (the same when absent). */
export interface SharedRule {
  read: string;
  write?: string;
}

const ownerOrLocation: SharedRule = {
  read: or(isTenant('owner_id'), under('owner_id', 'account_locations')),
};

/** Every shared table's rule (tableTenancy's `who` says it in words). */
export const sharedRules: Readonly<Record<string, SharedRule>> = {
  relationships: { read: or(isTenant('account_a_id'), isTenant('account_b_id')) },
  conversations: { read: under('relationship_id', 'relationships') },
  appointments: {
    read: or(isTenant('account_id'), isTenant('client_account_id')),
    write: isTenant('account_id'),
  },
  workspace_members: {
    read: or(
      under('workspace_id', 'workspaces'),
      `"user_id" in (select "owner_user_id" from "accounts")`,
    ),
    write: under('workspace_id', 'workspaces'),
  },
  signals: { read: or(isTenant('recipient_account_id'), isTenant('sender_account_id')) },
  extension_contexts: {
    read: or(
      isTenant('account_id'),
      under('relationship_id', 'relationships'),
      under('conversation_id', 'conversations'),
    ),
  },
  fluxcore_rag_configurations: {
    read: or(isTenant('account_id'), under('vector_store_id', 'fluxcore_vector_stores')),
  },
  fluxcore_tool_definitions: {
    read: or(`"account_id" is null`, isTenant('account_id')),
    write: isTenant('account_id'),
  },
  asset_policies: {
    read: or(`"account_id" is null`, isTenant('account_id')),
    write: isTenant('account_id'),
  },
  fluxcore_asset_permissions: {
    read: or(isTenant('granted_by_account_id'), isTenant('grantee_account_id')),
    write: isTenant('granted_by_account_id'),
  },
  fluxcore_marketplace_listings: {
    read: or(isTenant('seller_account_id'), `"status" = 'published'`),
    write: isTenant('seller_account_id'),
  },
  fluxcore_marketplace_reviews: {
    read: under('listing_id', 'fluxcore_marketplace_listings'),
    write: isTenant('reviewer_account_id'),
  },
  fluxcore_marketplace_subscriptions: {
    read: or(
      isTenant('subscriber_account_id'),
      `"listing_id" in (select "id" from "fluxcore_marketplace_listings" where ${isTenant('seller_account_id')})`,
    ),
    write: isTenant('subscriber_account_id'),
  },
  special_dates: ownerOrLocation,
  weekly_intervals: ownerOrLocation,
  weekly_schedules: ownerOrLocation,
  actors: {
    read: or(isTenant('account_id'), isTenant('tenant_id'), isTenant('linked_account_id')),
  },
};

/** The predicate a tenant or child table's rows meet. */
export function ownRows(table: string): string {
  const tenancy = tableTenancy[table];
  if (tenancy?.kind === 'tenant') return isTenant(tenancy.column, table);
  if (tenancy?.kind === 'child' && tenancy.carries?.length)
    return or(...tenancy.carries.map((column) => isTenant(column, table)));
  if (tenancy?.kind === 'child') return on(table, under(tenancy.column, tenancy.parent));
  throw new Error(`${table} is neither a tenant nor a child table in tableTenancy`);
}

/** Who reads and who writes a table's rows, for every table with row-level security. */
export function rulesOf(table: string): { read: string; write: string } | undefined {
  const tenancy = tableTenancy[table];
  if (!tenancy || tenancy.kind === 'global') return undefined;
  if (tenancy.kind === 'shared') {
    const rule = sharedRules[table];
    if (!rule) throw new Error(`${table} is shared in tableTenancy but has no rule in sharedRules`);
    return { read: on(table, rule.read), write: on(table, rule.write ?? rule.read) };
  }
  const own = ownRows(table);
  return { read: own, write: own };
}
