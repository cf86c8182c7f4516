/**
 * Tenant isolation, checked on the live catalog against the tenancy registry
 * (schema/tenancy): what Supabase's lints and the pgTAP suites check. Each finding names its
 * object and, in `expected`, the statement or change that fixes it.
 *  - a table of a tenant (tenant, child, shared): row-level security enabled, FORCEd where a
 *    runtime role has its owner's privileges, at least one policy, no policy for the API
 *    that ignores the tenant, the setting read as `(select current_setting(…))` (once per
 *    statement, not once per row), and an index that leads with its tenant column;
 *  - a view over such a table: security_invoker (a materialized view never obeys policies);
 *  - each runtime role: exists, not superuser, not BYPASSRLS, owns nothing.
 */
import type { LiveIndex, LiveSchema } from '../catalog/introspect.ts';
import type { LivePolicy, LiveSecurity } from '../catalog/security.ts';
import { runtimeRoles, type TableTenancy, tenantSetting } from '../schema/tenancy/index.ts';
import type { Finding } from './findings.ts';

export interface IsolationFindings {
  /** Per table, its findings. */
  tables: Map<string, Finding[]>;
  /** Views and runtime roles. */
  others: Finding[];
}

type Registry = Readonly<Record<string, TableTenancy>>;

/** Whether the registry asks for row-level security anywhere (empty until a migration does). */
export const isolationDeclared = (registry: Registry) =>
  Object.values(registry).some((tenancy) => tenancy.kind !== 'global');

/** A column that names an account: account_id, owner_account_id, tenant_id, owner_id, … */
export const tenantLikeColumn = (column: string) =>
  /(?:^|_)(?:account|tenant|owner)_id$/.test(column);

/**
 * The columns that tie a table's rows to a tenant, each needing an index that leads with it
 * (a shared table's account columns; its others, a status or a parent, are the policy's own).
 */
export function tenantColumns(tenancy: TableTenancy): readonly string[] {
  if (tenancy.kind === 'tenant' || tenancy.kind === 'child') return [tenancy.column];
  if (tenancy.kind === 'shared') return tenancy.columns.filter(tenantLikeColumn);
  return [];
}

/** The policy applies to the API's role (named, or PUBLIC). */
const appliesToApp = (policy: LivePolicy) =>
  policy.roles.includes(runtimeRoles.app) || policy.roles.includes('public');

/**
 * Each `current_setting(` not computed once per statement: not the only thing of a scalar
 * `(select …)` (nullif, coalesce and casts around it are fine).
 */
export function perRowSettingCalls(expression: string): number {
  let count = 0;
  const pattern = /current_setting\s*\(/gi;
  for (let match = pattern.exec(expression); match; match = pattern.exec(expression)) {
    const before = expression.slice(0, match.index);
    if (!/select(?:[\s(]|\b(?:nullif|coalesce)\s*\()*$/i.test(before)) count++;
  }
  return count;
}

/**
 * The tables a predicate reads whole, as `column IN (SELECT id FROM parent)` with no WHERE: in
 * a policy (a security qual, never pulled up into a join) PostgreSQL runs it as a hashed
 * subplan over every row of the parent the role sees (a sequential scan when the parent's own
 * policy is of the same form), per statement, whatever the query asks for.
 */
export function wholeTableSubqueries(expression: string): { column: string; table: string }[] {
  const found = expression.matchAll(
    /"?(\w+)"?\s+IN \(\s*SELECT [^()]*?\bFROM (?:public\.)?"?(\w+)"?(?:\s+\w+)?\s*\)/gi,
  );
  return [...found].map((match) => ({ column: match[1] ?? '', table: match[2] ?? '' }));
}

/**
 * The predicate is bound to the tenant: it reads the setting, or a table under row-level
 * security (a child's parent: that table's own policies apply inside the subquery).
 */
function readsTenant(expression: string, guarded: (table: string) => boolean): boolean {
  if (expression.includes(tenantSetting)) return true;
  const tables = [...expression.matchAll(/\b(?:from|join)\s+(?:public\.)?"?(\w+)"?/gi)];
  return tables.some((match) => guarded(match[1] ?? ''));
}

function policyFindings(
  table: string,
  policies: LivePolicy[],
  guarded: (table: string) => boolean,
): Finding[] {
  const findings: Finding[] = [];
  for (const policy of policies) {
    const expressions = [policy.using, policy.check].filter((e): e is string => e !== null);
    const bound = expressions.every((expression) => readsTenant(expression, guarded));
    if (appliesToApp(policy) && policy.permissive && !bound) {
      findings.push({
        kind: 'policy',
        name: `${table}.${policy.name}`,
        problem: 'different',
        expected: `a predicate on the tenant (${tenantSetting}): drop it, or restrict it to the rows of the account in (select nullif(current_setting('${tenantSetting}', true), '')::uuid)`,
        found: `${policy.command} to ${policy.roles.join(', ')} using ${policy.using ?? '-'} with check ${policy.check ?? '-'}`,
      });
    }
    const whole = expressions.flatMap(wholeTableSubqueries);
    const [first] = whole;
    if (first) {
      const tables = [...new Set(whole.map((w) => w.table))].join(', ');
      findings.push({
        kind: 'policy',
        name: `${table}.${policy.name}`,
        problem: 'slow',
        expected: `a correlated probe, one index lookup per row read: exists (select 1 from ${first.table} p where p.id = ${table}.${first.column})`,
        found: `IN (SELECT … FROM ${tables}) with no condition: each statement hashes every row of ${tables} the role sees`,
      });
    }
    const perRow = expressions.reduce((sum, e) => sum + perRowSettingCalls(e), 0);
    if (perRow > 0) {
      findings.push({
        kind: 'policy',
        name: `${table}.${policy.name}`,
        problem: 'different',
        expected: `current_setting read once per statement: wrap it as (select nullif(current_setting('${tenantSetting}', true), '')::uuid)`,
        found: `${perRow} call(s) evaluated per row: ${policy.using ?? policy.check}`,
      });
    }
  }
  return findings;
}

const leadsWith = (index: LiveIndex, column: string) =>
  index.valid && index.predicate === null && index.keys[0]?.replace(/^"|"$/g, '') === column;

function tableFindings(
  table: string,
  tenancy: TableTenancy,
  security: LiveSecurity,
  schema: LiveSchema,
): Finding[] {
  const flags = security.tables.get(table);
  if (!flags) return [];
  const findings: Finding[] = [];
  const finding = (kind: Finding['kind'], name: string, expected: string, found: string) =>
    findings.push({ kind, name, problem: 'different', expected, found });
  if (!flags.rowSecurity)
    finding(
      'table',
      table,
      `row-level security (${tenancy.kind} table): ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`,
      'disabled',
    );
  if (flags.ownedBy.length > 0 && !flags.forceRowSecurity)
    finding(
      'table',
      table,
      `FORCE ROW LEVEL SECURITY, since ${flags.ownedBy.join(', ')} has the privileges of its owner ${flags.owner}: ALTER TABLE ${table} FORCE ROW LEVEL SECURITY`,
      'not forced',
    );
  const policies = [...security.policies.values()].filter((policy) => policy.table === table);
  if (!policies.some(appliesToApp))
    finding(
      'policy',
      table,
      `a policy for ${runtimeRoles.app} (CREATE POLICY … ON ${table} TO ${runtimeRoles.app} USING (…))`,
      policies.length === 0
        ? 'no policy'
        : `policies for ${policies.flatMap((p) => p.roles).join(', ')} only`,
    );
  const guarded = (other: string) =>
    other !== table && security.tables.get(other)?.rowSecurity === true;
  findings.push(...policyFindings(table, policies, guarded));
  const indexes = [...(schema.tables.get(table)?.indexes.values() ?? [])];
  for (const column of tenantColumns(tenancy)) {
    if (indexes.some((index) => leadsWith(index, column))) continue;
    finding(
      'index',
      `${table}(${column})`,
      `an index that leads with ${column}, which its policy filters on: CREATE INDEX ON ${table} (${column}, …)`,
      'none',
    );
  }
  return findings;
}

function viewFindings(registry: Registry, security: LiveSecurity): Finding[] {
  const findings: Finding[] = [];
  for (const view of security.views.values()) {
    const guarded = view.reads.filter((table) => {
      const kind = registry[table]?.kind;
      return kind !== undefined && kind !== 'global';
    });
    if (guarded.length === 0) continue;
    if (view.materialized)
      findings.push({
        kind: 'view',
        name: view.key,
        problem: 'different',
        expected: `no materialized view over ${guarded.join(', ')} (it ignores their policies): drop it, or make it a view with security_invoker`,
        found: 'materialized view',
      });
    else if (!view.securityInvoker)
      findings.push({
        kind: 'view',
        name: view.key,
        problem: 'different',
        expected: `security_invoker, so the policies of ${guarded.join(', ')} apply to its reader: ALTER VIEW ${view.key} SET (security_invoker = true)`,
        found: 'runs as its owner',
      });
  }
  return findings;
}

function roleFindings(security: LiveSecurity): Finding[] {
  const findings: Finding[] = [];
  for (const name of Object.values(runtimeRoles)) {
    const role = security.roles.get(name);
    const finding = (expected: string, found: string) =>
      findings.push({ kind: 'role', name, problem: 'different', expected, found });
    if (!role) {
      findings.push({
        kind: 'role',
        name,
        problem: 'missing',
        expected:
          'the runtime role: bun run db:migrate creates it (db:converge on an adopted database)',
        found: 'missing',
      });
      continue;
    }
    if (role.superuser) finding(`not a superuser: ALTER ROLE ${name} NOSUPERUSER`, 'superuser');
    if (role.bypassRls) finding(`no BYPASSRLS: ALTER ROLE ${name} NOBYPASSRLS`, 'BYPASSRLS');
    if (role.owns.length > 0)
      finding(
        `owns nothing (an owner is not subject to policies): ALTER TABLE … OWNER TO the migrating role`,
        `owns ${role.owns.join(', ')}`,
      );
  }
  return findings;
}

/** Every isolation finding of the live database, for the tables the registry declares. */
export function isolationFindings(
  registry: Registry,
  security: LiveSecurity,
  schema: LiveSchema,
): IsolationFindings {
  const tables = new Map<string, Finding[]>();
  if (!isolationDeclared(registry)) return { tables, others: [] };
  for (const [table, tenancy] of Object.entries(registry)) {
    if (tenancy.kind === 'global') continue;
    const findings = tableFindings(table, tenancy, security, schema);
    if (findings.length > 0) tables.set(table, findings);
  }
  return { tables, others: [...viewFindings(registry, security), ...roleFindings(security)] };
}
