/**
 * What depends on a table from outside it, as PostgreSQL tracks it (pg_depend, normal
 * dependencies): views reading it, foreign keys of other tables referencing it, and anything
 * else (a function returning its row type, a column of that type). These are what
 * `drop table … cascade` would drop silently; the table's own indexes, constraints, triggers
 * and sequences are not among them.
 */
import type { SqlSession } from '../client.ts';

export interface Dependent {
  /** `view`, `materialized view`, `foreign key`, `constraint` or `other`. */
  kind: string;
  /** `schema.view`, the constraint's name, or PostgreSQL's description of the object. */
  name: string;
  /** The relation it belongs to: the view itself, or the constraint's table. */
  relation: string | null;
  /** A constraint's columns. */
  columns: string[];
}

/** The dependents of one table of `public`, outside the table itself. */
export async function readDependents(
  session: Pick<SqlSession, 'query'>,
  table: string,
): Promise<Dependent[]> {
  const rows = await session.query<{
    kind: string;
    name: string;
    relation: string | null;
    columns: string[] | string | null;
  }>(
    `with target as (
       select c.oid as relid, c.reltype
       from pg_class c join pg_namespace n on n.oid = c.relnamespace and n.nspname = 'public'
       where c.relname = $1 and c.relkind in ('r', 'p')
     )
     select distinct
       case when v.oid is not null then case v.relkind when 'm' then 'materialized view' else 'view' end
            when con.oid is not null then case con.contype when 'f' then 'foreign key' else 'constraint' end
            else 'other' end as kind,
       coalesce(vn.nspname || '.' || v.relname, con.conname, pg_describe_object(d.classid, d.objid, d.objsubid)) as name,
       coalesce(v.relname, cr.relname) as relation,
       (select array_agg(a.attname::text order by a.attnum) from pg_attribute a
         where a.attrelid = con.conrelid and a.attnum = any(con.conkey)) as columns
     from pg_depend d
     join target t on (d.refclassid = 'pg_class'::regclass and d.refobjid = t.relid)
                   or (d.refclassid = 'pg_type'::regclass and d.refobjid = t.reltype)
     left join pg_rewrite r on d.classid = 'pg_rewrite'::regclass and r.oid = d.objid
     left join pg_class v on v.oid = r.ev_class
     left join pg_namespace vn on vn.oid = v.relnamespace
     left join pg_constraint con on d.classid = 'pg_constraint'::regclass and con.oid = d.objid
     left join pg_class cr on cr.oid = con.conrelid
     where d.deptype = 'n'
       and not (d.classid = 'pg_class'::regclass and d.objid = t.relid)
       and coalesce(v.oid, con.conrelid, 0) <> t.relid
     order by 1, 2`,
    [table],
  );
  return rows.map((row) => ({
    kind: row.kind,
    name: row.name,
    relation: row.relation,
    columns: Array.isArray(row.columns)
      ? row.columns
      : String(row.columns ?? '')
          .replace(/^\{|\}$/g, '')
          .split(',')
          .filter(Boolean),
  }));
}
