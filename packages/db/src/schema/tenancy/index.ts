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
  /** Each row belongs to the tenant of its parent row, reached through `column`. */
  | { kind: 'child'; column: string; parent: string }
  /** Rows several accounts may see (workspaces, relationships, marketplace): policies say who. */
  | { kind: 'shared'; columns: readonly string[]; who: string }
  /** Rows of no tenant (reference data, the migrator's own): no row-level security. */
  | { kind: 'global'; reason: string };

/** Every table of the schema, by its SQL name. */
export const tableTenancy: Readonly<Record<string, TableTenancy>> = {};
