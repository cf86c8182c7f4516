/**
 * How the API reaches the database (issue 24, docs/tenancy.md): every query runs in a
 * transaction as the API's runtime role (FLUXCORE_DB_ROLE, fluxcore_app by default), with the
 * account the request acts for as the tenant, so row-level security decides which rows it sees
 * whatever a query's own `where` says. Only who is calling (the token's user) is read with no
 * tenant, where the role sees user ids and staff scopes, and no tenant's rows.
 */
import {
  type Database,
  type RuntimeRole,
  runtimeRoles,
  type Transaction,
  withRole,
  withTenant,
} from '@fluxcore/db';

export interface Tenancy {
  /** Runs `fn` for one account: its tenant is `accountId`. */
  as<T>(accountId: string, fn: (tx: Transaction) => Promise<T>): Promise<T>;
  /** Runs `fn` before any account is known (who is calling): no tenant. */
  none<T>(fn: (tx: Transaction) => Promise<T>): Promise<T>;
}

export function tenancy(db: Database, role: RuntimeRole = runtimeRoles.app): Tenancy {
  return {
    as: (accountId, fn) => withTenant(db, accountId, fn, { role }),
    none: (fn) => withRole(db, role, fn),
  };
}
