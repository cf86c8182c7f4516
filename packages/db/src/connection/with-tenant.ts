/**
 * Row-level security from the application's side (issue 24, docs/tenancy.md): `withTenant`
 * runs work in one transaction that names its tenant (an account id) in `fluxcore.account_id`
 * and, when a runtime role is given, acts as that role. Both are local to the transaction
 * (`set_config(…, true)`, `set local role`): they end with it, never reach the next user of a
 * pooled connection, and pass db:serve's shared-session guard.
 *
 * On the server the API and the worker log in as members of their role; on the embedded
 * database (a superuser, which bypasses every policy) the role is what makes policies apply.
 */
import { sql } from 'drizzle-orm';
import { PgTransaction } from 'drizzle-orm/pg-core';
import { FluxDbError } from '../errors/flux-db-error.ts';
import { runtimeRoles, tenantSetting } from '../schema/tenancy/index.ts';
import { preparedPlanIsStale } from './stale-plan.ts';
import type { Database, Transaction } from './types.ts';

/** The setting's name as a literal (db:serve's session guard reads set_config's first argument). */
const tenantName = sql.raw(`'${tenantSetting}'`);

/** A runtime role's name (`fluxcore_app`, `fluxcore_system`). */
export type RuntimeRole = (typeof runtimeRoles)[keyof typeof runtimeRoles];

const runtimeRoleNames: readonly string[] = Object.values(runtimeRoles);

/** Any 8-4-4-4-12 hexadecimal id, as PostgreSQL's uuid reads it (RFC variant or not). */
const uuidText = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface TenantOptions {
  /** The runtime role to act as for the transaction; unset, the connection's own login. */
  role?: RuntimeRole;
}

/** Checks a role name against the runtime roles: only those may be set. */
export function runtimeRole(name: string): RuntimeRole {
  if (!runtimeRoleNames.includes(name)) {
    throw new FluxDbError(
      'CONFIG_INVALID',
      `"${name}" is not a runtime role`,
      `Name one of ${runtimeRoleNames.join(', ')}`,
    );
  }
  return name as RuntimeRole;
}

/**
 * Runs a transaction again when PostgreSQL refused a named statement's cached plan because
 * what it returns changed under it (0A000: a migration retyped a column it selects). The
 * transaction was rolled back whole, and the pool's connections prepare the statement anew
 * before they run it again (connection/client.ts), so the second run succeeds unless the
 * schema changed again meanwhile: at most three runs. `fn` runs again, as it would after any
 * transaction retry. Inside an outer transaction (a savepoint) nothing is run again: the
 * outer transaction is aborted and its caller decides.
 */
async function retryStalePlan<T>(db: Database | Transaction, run: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (error) {
      if (attempt >= 3 || db instanceof PgTransaction || !preparedPlanIsStale(error)) throw error;
    }
  }
}

/**
 * Names the transaction's tenant (an account id), local to it: for work that learns its tenant
 * inside the transaction (the deletion worker, once it has locked a job). The owner is not
 * subject to the policies, so it is harmless there.
 */
export async function setTenant(tx: Transaction, accountId: string): Promise<void> {
  await tx.execute(sql`select set_config(${tenantName}, ${checkedAccountId(accountId)}, true)`);
}

function checkedAccountId(accountId: string): string {
  if (!uuidText.test(accountId)) {
    throw new FluxDbError(
      'INVALID_INPUT',
      `withTenant needs an account id (a uuid), not "${String(accountId).slice(0, 40)}"`,
      'Pass the id of the account the work is for',
    );
  }
  return accountId;
}

/**
 * Runs `fn` in a transaction whose tenant is `accountId` (as `role`, when given). Every query
 * of `fn` sees the tenant's rows only, where row-level security applies (a runtime role); the
 * owner is not subject to it. The role and the tenant are set by one statement (one round
 * trip): `set_config('role', …, true)` is `set local role`.
 */
export async function withTenant<T>(
  db: Database | Transaction,
  accountId: string,
  fn: (tx: Transaction) => Promise<T>,
  options: TenantOptions = {},
): Promise<T> {
  const tenant = checkedAccountId(accountId);
  const role = options.role === undefined ? undefined : runtimeRole(options.role);
  return retryStalePlan(db, () =>
    db.transaction(async (tx) => {
      await tx.execute(
        role
          ? sql`select set_config('role', ${role}, true), set_config(${tenantName}, ${tenant}, true)`
          : sql`select set_config(${tenantName}, ${tenant}, true)`,
      );
      return fn(tx);
    }),
  );
}

/**
 * Runs `fn` in a transaction as `role` with no tenant: row-level security shows it no tenant's
 * rows, only what a policy gives the role itself (the deletion worker's queue of jobs) and the
 * tables without row-level security it has grants on.
 */
export async function withRole<T>(
  db: Database | Transaction,
  role: RuntimeRole,
  fn: (tx: Transaction) => Promise<T>,
): Promise<T> {
  const checked = runtimeRole(role);
  return retryStalePlan(db, () =>
    db.transaction(async (tx) => {
      await tx.execute(sql`select set_config('role', ${checked}, true)`);
      return fn(tx);
    }),
  );
}
