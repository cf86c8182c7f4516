/**
 * Row-level security brought to the target's: the runtime roles, their grants on tables and
 * sequences, each table's RLS flags, its policies and the views' security_invoker. Planned in
 * the logic phase, after the renames and retypes, so a policy names the columns as they end
 * up. Only what the target grants to the runtime roles is compared: an adopted database's own
 * grants to its own roles are not the schema's business. One step per table (its grants, RLS
 * flags and policies together), one for the roles, one for the grants on the schema and the
 * sequences, one for the views: a plan of 80 tables has some 80 such steps, not 300.
 */
import type { FullCatalog } from '../catalog/logic.ts';
import type { LivePolicy, LiveSecurity } from '../catalog/security.ts';
import type { Phase, Step } from './model.ts';
import { quote } from './pair.ts';

type AddStep = (phase: Phase, table: string | undefined, summary: string, sql: string[]) => Step;

/** CREATE POLICY from the catalog's reading of one (its expressions as the server renders them). */
export function createPolicySql(policy: LivePolicy): string {
  const roles = policy.roles.map((role) => (role === 'public' ? 'public' : quote(role)));
  return [
    `create policy ${quote(policy.name)} on ${quote(policy.table)}`,
    `as ${policy.permissive ? 'permissive' : 'restrictive'} for ${policy.command.toLowerCase()}`,
    `to ${roles.join(', ')}`,
    policy.using === null ? '' : `using (${policy.using})`,
    policy.check === null ? '' : `with check (${policy.check})`,
  ]
    .filter(Boolean)
    .join(' ');
}

const samePolicy = (a: LivePolicy, b: LivePolicy) =>
  a.command === b.command &&
  a.permissive === b.permissive &&
  a.roles.join() === b.roles.join() &&
  a.using === b.using &&
  a.check === b.check;

function planRoles(live: LiveSecurity, target: LiveSecurity, step: AddStep): void {
  const missing = [...target.roles.values()].filter((role) => !live.roles.has(role.name));
  if (missing.length === 0) return;
  // Roles belong to the server, not the database: another database may have made it.
  step(
    'logic',
    undefined,
    `create ${missing.length === 1 ? 'role' : 'roles'} ${missing.map((role) => role.name).join(', ')}`,
    missing.map(
      (role) =>
        `do $$ begin if not exists (select 1 from pg_roles where rolname = '${role.name}') then create role ${quote(role.name)} nologin; end if; end $$`,
    ),
  );
}

/** `SELECT (id)` as `select (id)`: the keyword lower-cased, a column name as it is. */
const privilegeSql = (privilege: string) =>
  privilege.replace(/^[A-Z ]+?(?= \(|$)/, (k) => k.toLowerCase());

/** `grantee:PRIVILEGE` lists to GRANT and REVOKE statements on `object`. */
function grantSql(object: string, have: string[], want: string[]): string[] {
  const sql: string[] = [];
  for (const grant of want.filter((g) => !have.includes(g))) {
    const [grantee = '', privilege = ''] = grant.split(':');
    sql.push(
      `grant ${privilege.toLowerCase()} on ${object} to ${grantee === 'public' ? 'public' : quote(grantee)}`,
    );
  }
  for (const grant of have.filter((g) => !want.includes(g))) {
    const [grantee = '', privilege = ''] = grant.split(':');
    // PUBLIC's grants the target does not have are the database's own: kept.
    if (grantee === 'public') continue;
    sql.push(`revoke ${privilegeSql(privilege)} on ${object} from ${quote(grantee)}`);
  }
  return sql;
}

/** Grants on the schema and the sequences (`grantee:PRIVILEGE:object`). */
function planObjectGrants(live: LiveSecurity, target: LiveSecurity, step: AddStep): void {
  const byObject = (grants: string[]) => {
    const map = new Map<string, string[]>();
    for (const grant of grants) {
      const [grantee, privilege, object = ''] = grant.split(':');
      map.set(object, [...(map.get(object) ?? []), `${grantee}:${privilege}`]);
    }
    return map;
  };
  const have = byObject(live.objectGrants);
  const objects: string[] = [];
  const sql: string[] = [];
  for (const [object, want] of byObject(target.objectGrants)) {
    const statements = grantSql(object, have.get(object) ?? [], want);
    if (statements.length === 0) continue;
    objects.push(object);
    sql.push(...statements);
  }
  // One step for all of them: each statement changes the catalog only.
  if (sql.length)
    step('logic', undefined, `grants for the runtime roles on ${objects.join(', ')}`, sql);
}

/**
 * EXECUTE on the schema's functions as the migrations leave it (0051, 0053: PUBLIC's revoked,
 * granted to a runtime role), PUBLIC's included: a function the plan creates starts with
 * PUBLIC's default grant.
 */
function planFunctionGrants(live: LiveSecurity, target: LiveSecurity, step: AddStep): void {
  for (const [fn, want] of target.functionGrants) {
    const have = live.functionGrants.get(fn) ?? ['public:EXECUTE'];
    const sql = grantSql(`function ${fn}`, have, want);
    if (have.includes('public:EXECUTE') && !want.includes('public:EXECUTE'))
      sql.push(`revoke execute on function ${fn} from public`);
    if (sql.length) step('logic', undefined, `execute on ${fn} for the runtime roles`, sql);
  }
}

/**
 * One step for a table: its grants, its RLS flags and its policies, in that order (a policy
 * applies once RLS is on; all of it commits together). Its summary names each change.
 */
function planTableSecurity(
  table: string,
  live: LiveSecurity,
  target: LiveSecurity,
  step: AddStep,
): void {
  const want = target.tables.get(table);
  const have = live.tables.get(table);
  if (!want || !have) return;
  const changes: string[] = [];
  const sql: string[] = [];
  const grants = grantSql(`table ${quote(table)}`, have.grants, want.grants);
  if (grants.length) {
    changes.push('grants for the runtime roles');
    sql.push(...grants);
  }
  const flags: string[] = [];
  if (want.rowSecurity !== have.rowSecurity)
    flags.push(`${want.rowSecurity ? 'enable' : 'disable'} row level security`);
  if (want.forceRowSecurity !== have.forceRowSecurity)
    flags.push(`${want.forceRowSecurity ? 'force' : 'no force'} row level security`);
  if (flags.length) {
    changes.push(...flags);
    sql.push(`alter table ${quote(table)} ${flags.join(', ')}`);
  }
  const policies = (security: LiveSecurity) =>
    [...security.policies.values()].filter((policy) => policy.table === table);
  const livePolicies = new Map(policies(live).map((policy) => [policy.name, policy]));
  const wanted = policies(target);
  for (const policy of livePolicies.values())
    if (!wanted.some((w) => w.name === policy.name)) {
      changes.push(`drop policy ${policy.name} (not the schema's)`);
      sql.push(`drop policy ${quote(policy.name)} on ${quote(table)}`);
    }
  for (const policy of wanted) {
    const found = livePolicies.get(policy.name);
    if (found && samePolicy(found, policy)) continue;
    changes.push(`${found ? 'replace' : 'create'} policy ${policy.name}`);
    if (found) sql.push(`drop policy ${quote(policy.name)} on ${quote(table)}`);
    sql.push(createPolicySql(policy));
  }
  if (sql.length) step('logic', table, `security of ${table}: ${changes.join(', ')}`, sql);
}

/** The steps that give the live database the target's row-level security. */
export function planSecurity(live: FullCatalog, target: FullCatalog, step: AddStep): void {
  planRoles(live.security, target.security, step);
  for (const table of target.schema.tables.keys())
    if (live.schema.tables.has(table))
      planTableSecurity(table, live.security, target.security, step);
    else planTableSecurity(table, emptySecurity(table), target.security, step);
  planObjectGrants(live.security, target.security, step);
  planFunctionGrants(live.security, target.security, step);
  const views = [...target.security.views.values()].filter((view) => {
    const found = live.security.views.get(view.key);
    return view.securityInvoker && found && !found.securityInvoker && !view.materialized;
  });
  if (views.length)
    step(
      'logic',
      undefined,
      `security_invoker on ${views.length === 1 ? 'view' : 'views'} ${views.map((view) => view.key).join(', ')}`,
      views.map(
        (view) =>
          `alter view ${view.key.split('.').map(quote).join('.')} set (security_invoker = true)`,
      ),
    );
}

/** A table the plan creates: no grant, no flag, no policy yet. */
function emptySecurity(table: string): LiveSecurity {
  return {
    tables: new Map([
      [
        table,
        { table, rowSecurity: false, forceRowSecurity: false, owner: '', ownedBy: [], grants: [] },
      ],
    ]),
    policies: new Map(),
    views: new Map(),
    roles: new Map(),
    objectGrants: [],
    functionGrants: new Map(),
  };
}
