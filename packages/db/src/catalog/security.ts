/**
 * Who may read which rows: each table's row-level security flags, owner and grants, its
 * policies, the views' options and the runtime roles (schema/tenancy), read in four catalog
 * queries. The audit checks isolation with them; db:converge brings them to the target's.
 */
import type { Row } from '../connection/client.ts';
import { runtimeRoles } from '../schema/tenancy/index.ts';
import { list } from './constraints.ts';

export interface LiveTableSecurity {
  table: string;
  rowSecurity: boolean;
  forceRowSecurity: boolean;
  owner: string;
  /** The runtime roles that have the owner's privileges (the owner, or members of it). */
  ownedBy: string[];
  /**
   * `grantee:PRIVILEGE` for each privilege granted to a runtime role ('public' for PUBLIC),
   * `grantee:PRIVILEGE (column)` for a column's.
   */
  grants: string[];
}

export interface LivePolicy {
  table: string;
  name: string;
  /** ALL, SELECT, INSERT, UPDATE or DELETE. */
  command: string;
  permissive: boolean;
  /** The roles it applies to, sorted ('public' for PUBLIC). */
  roles: string[];
  /** pg_get_expr of its USING and WITH CHECK expressions, or null. */
  using: string | null;
  check: string | null;
}

export interface LiveViewSecurity {
  /** `schema.name`. */
  key: string;
  materialized: boolean;
  securityInvoker: boolean;
  /** The public tables it reads. */
  reads: string[];
}

export interface LiveRole {
  name: string;
  superuser: boolean;
  bypassRls: boolean;
  login: boolean;
  /** Relations (tables, views, sequences) it owns, `schema.name`, at most ten. */
  owns: string[];
}

export interface LiveSecurity {
  tables: Map<string, LiveTableSecurity>;
  /** Keyed by `table.policy`. */
  policies: Map<string, LivePolicy>;
  views: Map<string, LiveViewSecurity>;
  /** The runtime roles that exist. */
  roles: Map<string, LiveRole>;
  /**
   * `grantee:PRIVILEGE:object` granted to a runtime role on a public sequence
   * (`sequence "name"`) or on the schema (`schema public`).
   */
  objectGrants: string[];
  /**
   * Every function of `public` (an extension's aside), by `public.name(identity arguments)`:
   * its EXECUTE grants to PUBLIC and the runtime roles (`public:EXECUTE`, PUBLIC's by default).
   */
  functionGrants: Map<string, string[]>;
}

const runtime = Object.values(runtimeRoles)
  .map((role) => `'${role}'`)
  .join(', ');

/** A privilege granted to PUBLIC or to a runtime role (aclexplode's `a`). */
const toRuntime = `(a.grantee = 0 or pg_get_userbyid(a.grantee) in (${runtime}))`;

const grantee = (oid: string) =>
  `case when ${oid} = 0 then 'public' else pg_get_userbyid(${oid}) end`;

/** The queries readSecurity runs, for a caller that batches them (readCatalog). */
export const securityQueries = (): string[] => [
  `select c.relname as table, c.relrowsecurity as row_security, c.relforcerowsecurity as force_row_security,
          pg_get_userbyid(c.relowner) as owner,
          array(select r.rolname from pg_roles r where r.rolname in (${runtime})
                and pg_has_role(r.oid, c.relowner, 'USAGE') order by 1)::text[] as owned_by,
          array(select g from (
                  select ${grantee('a.grantee')} || ':' || a.privilege_type as g from aclexplode(c.relacl) a
                  where ${toRuntime}
                  union all
                  select ${grantee('a.grantee')} || ':' || a.privilege_type || ' (' || quote_ident(att.attname) || ')'
                  from pg_attribute att cross join aclexplode(att.attacl) a
                  where att.attrelid = c.oid and att.attnum > 0 and att.attacl is not null and ${toRuntime}) grants
                order by 1)::text[] as grants
   from pg_class c join pg_namespace n on n.oid = c.relnamespace and n.nspname = 'public'
   where c.relkind in ('r', 'p') order by 1`,
  `select c.relname as table, p.polname as name,
          case p.polcmd when 'r' then 'SELECT' when 'a' then 'INSERT' when 'w' then 'UPDATE'
                        when 'd' then 'DELETE' else 'ALL' end as command,
          p.polpermissive as permissive,
          array(select ${grantee('r')} from unnest(p.polroles) r order by 1)::text[] as roles,
          pg_get_expr(p.polqual, p.polrelid) as using, pg_get_expr(p.polwithcheck, p.polrelid) as check
   from pg_policy p join pg_class c on c.oid = p.polrelid
   join pg_namespace n on n.oid = c.relnamespace and n.nspname = 'public' order by 1, 2`,
  `select n.nspname || '.' || c.relname as key, c.relkind = 'm' as materialized,
          coalesce((select lower(split_part(o, '=', 2)) in ('true', 'on', '1', 'yes')
                    from unnest(c.reloptions) o where o like 'security_invoker=%'), false) as security_invoker,
          array(select distinct src.relname from pg_rewrite w
                join pg_depend d on d.classid = 'pg_rewrite'::regclass and d.objid = w.oid
                join pg_class src on src.oid = d.refobjid and src.oid <> c.oid and src.relkind in ('r', 'p')
                join pg_namespace sn on sn.oid = src.relnamespace and sn.nspname = 'public'
                where w.ev_class = c.oid)::text[] as reads
   from pg_class c join pg_namespace n on n.oid = c.relnamespace
   where c.relkind in ('v', 'm') and n.nspname not in ('pg_catalog', 'information_schema')
     and not exists (select 1 from pg_depend d where d.classid = 'pg_class'::regclass
                       and d.objid = c.oid and d.deptype = 'e')
   order by 1`,
  `select r.rolname as name, r.rolsuper as superuser, r.rolbypassrls as bypass_rls, r.rolcanlogin as login,
          array(select n.nspname || '.' || c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
                where c.relowner = r.oid and c.relkind in ('r', 'p', 'v', 'm', 'S') order by 1 limit 10)::text[] as owns,
          null::text[] as sequence_grants
   from pg_roles r where r.rolname in (${runtime})
   union all
   select null, null, null, null, null,
          array(select g from (
                  select ${grantee('a.grantee')} || ':' || a.privilege_type || ':sequence ' || quote_ident(c.relname) as g
                  from pg_class c join pg_namespace n on n.oid = c.relnamespace and n.nspname = 'public'
                  cross join aclexplode(c.relacl) a where c.relkind = 'S' and ${toRuntime}
                  union all
                  select ${grantee('a.grantee')} || ':' || a.privilege_type || ':schema public'
                  from pg_namespace n cross join aclexplode(n.nspacl) a
                  where n.nspname = 'public' and a.grantee <> 0 and ${toRuntime}) grants
                order by 1)::text[]
   order by 1`,
  `select 'public.' || quote_ident(p.proname) || '(' || pg_get_function_identity_arguments(p.oid) || ')' as function,
          array(select ${grantee('a.grantee')} || ':' || a.privilege_type
                from aclexplode(coalesce(p.proacl, acldefault('f', p.proowner))) a
                where a.privilege_type = 'EXECUTE' and ${toRuntime} order by 1)::text[] as grants
   from pg_proc p join pg_namespace n on n.oid = p.pronamespace and n.nspname = 'public'
   where not exists (select 1 from pg_depend d where d.classid = 'pg_proc'::regclass
                       and d.objid = p.oid and d.deptype = 'e')
   order by 1`,
];

export function securityFromRows(rows: Row[][]): LiveSecurity {
  const [tables = [], policies = [], views = [], roles = [], functions = []] = rows;
  const security: LiveSecurity = {
    tables: new Map(),
    policies: new Map(),
    views: new Map(),
    roles: new Map(),
    objectGrants: [],
    functionGrants: new Map(),
  };
  for (const row of functions) security.functionGrants.set(String(row.function), list(row.grants));
  for (const row of tables) {
    const table = String(row.table);
    security.tables.set(table, {
      table,
      rowSecurity: row.row_security === true,
      forceRowSecurity: row.force_row_security === true,
      owner: String(row.owner),
      ownedBy: list(row.owned_by),
      grants: list(row.grants),
    });
  }
  for (const row of policies) {
    const policy: LivePolicy = {
      table: String(row.table),
      name: String(row.name),
      command: String(row.command),
      permissive: row.permissive === true,
      roles: list(row.roles),
      using: (row.using as string | null) ?? null,
      check: (row.check as string | null) ?? null,
    };
    security.policies.set(`${policy.table}.${policy.name}`, policy);
  }
  for (const row of views) {
    const key = String(row.key);
    security.views.set(key, {
      key,
      materialized: row.materialized === true,
      securityInvoker: row.security_invoker === true,
      reads: list(row.reads),
    });
  }
  for (const row of roles) {
    if (row.name === null) {
      security.objectGrants = list(row.sequence_grants);
      continue;
    }
    const name = String(row.name);
    security.roles.set(name, {
      name,
      superuser: row.superuser === true,
      bypassRls: row.bypass_rls === true,
      login: row.login === true,
      owns: list(row.owns),
    });
  }
  return security;
}
