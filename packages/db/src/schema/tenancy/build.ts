/**
 * Builds the drizzle policies of one table from tableTenancy and predicates.ts, linked to the
 * table so drizzle-kit generates them (and enables row-level security with the first one):
 * - `<table>_tenant` (tenant and child tables): the runtime roles read and write the tenant's rows;
 * - `<table>_write` (shared tables): who writes, for every command; and `<table>_read`, who
 *   reads, only where readers are more than writers. For a select PostgreSQL applies every
 *   permissive policy of the command, so a `_read` beside a `_write` with the same rule planned
 *   the rule's subqueries twice on every statement (0058 dropped those, the rls benchmark);
 * - `<table>_system_references` (the system role only): rows that name the tenant in another
 *   account column, which the deletion worker clears (system has no INSERT grant on them).
 */
import { getTableName, sql } from 'drizzle-orm';
import { getTableConfig, type PgPolicy, type PgTable, pgPolicy } from 'drizzle-orm/pg-core';
import { runtimeRoles, tableTenancy } from './index.ts';
import { isTenant, rulesOf } from './predicates.ts';

const both = [runtimeRoles.app, runtimeRoles.system];

function rules(table: PgTable) {
  const name = getTableName(table);
  const found = rulesOf(name);
  if (!found) throw new Error(`${name} has no row-level security in tableTenancy`);
  return { name, ...found };
}

/** The table a policy is linked to (`pgPolicy(…).link(table)`), which drizzle keeps private. */
export function linkedTable(policy: PgPolicy): PgTable | undefined {
  return (policy as unknown as { _linkedTable?: PgTable })._linkedTable;
}

/** The tenant's rows, read and written by both runtime roles. */
export function tenantPolicy(table: PgTable): PgPolicy {
  const { name, read, write } = rules(table);
  if (read !== write)
    throw new Error(`${name} is a shared table: give it writePolicy, and readPolicy`);
  return pgPolicy(`${name}_tenant`, {
    for: 'all',
    to: both,
    using: sql.raw(read),
    withCheck: sql.raw(read),
  }).link(table);
}

/** Who reads a shared table's rows, where fewer write them. */
export function readPolicy(table: PgTable): PgPolicy {
  const { name, read, write } = rules(table);
  if (read === write)
    throw new Error(`${name} is read and written by one rule: give it writePolicy alone`);
  return pgPolicy(`${name}_read`, { for: 'select', to: both, using: sql.raw(read) }).link(table);
}

/** Who writes a shared table's rows (and sees them to change them). */
export function writePolicy(table: PgTable): PgPolicy {
  const { name, write } = rules(table);
  return pgPolicy(`${name}_write`, {
    for: 'all',
    to: both,
    using: sql.raw(write),
    withCheck: sql.raw(write),
  }).link(table);
}

/** The columns of `table` that reference accounts, but a tenant table's own tenant column. */
export function otherAccountReferences(table: PgTable): string[] {
  const name = getTableName(table);
  const tenancy = tableTenancy[name];
  // A shared table's write rule may leave out an account column it names (an appointment's
  // client): every account column of a shared table is one the worker may need to clear.
  const own = tenancy?.kind === 'tenant' ? [tenancy.column] : [];
  return getTableConfig(table)
    .foreignKeys.map((fk) => fk.reference())
    .filter((ref) => getTableName(ref.foreignTable) === 'accounts')
    .flatMap((ref) => ref.columns.map((column) => column.name))
    .filter((column) => !own.includes(column));
}

/**
 * Rows naming the tenant in another account column, for the system role (the deletion worker
 * clears or deletes them); `extra` adds rows it must reach besides (the accounts row of a
 * tombstone). The check is the rule itself or the column cleared, never another account.
 */
export function systemReferencesPolicy(table: PgTable, extra?: string): PgPolicy {
  const name = getTableName(table);
  const columns = otherAccountReferences(table);
  const reach = [...columns.map((column) => isTenant(column)), ...(extra ? [extra] : [])];
  if (reach.length === 0) throw new Error(`${name} references no account besides its own`);
  const after = [
    ...reach,
    ...(columns.length ? [columns.map((c) => `"${c}" is null`).join(' or ')] : []),
  ];
  return pgPolicy(`${name}_system_references`, {
    for: 'all',
    to: runtimeRoles.system,
    using: sql.raw(reach.join(' or ')),
    withCheck: sql.raw(after.join(' or ')),
  }).link(table);
}
