/**
 * What depends on a table from outside it, as PostgreSQL tracks it (pg_depend, normal
 * dependencies): views reading it, foreign keys of other tables referencing it, and anything
 * else (a function returning its row type, a column of that type). These are what
 * `drop table … cascade` would drop silently; the table's own indexes, constraints, triggers
 * and sequences are not among them.
 */
import type { SqlSession } from '../connection/client.ts';
import { list } from './constraints.ts';

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

/** A row of the dependents' queries: columns as an array, or as `{a,b}` text. */
type DependentRow = Omit<Dependent, 'columns'> & { columns: string[] | string | null };

const asDependent = (row: DependentRow): Dependent => ({
  kind: row.kind,
  name: row.name,
  relation: row.relation,
  columns: list(row.columns),
});

/** The dependents of one table of `public`, outside the table itself. */
export async function readDependents(
  session: Pick<SqlSession, 'query'>,
  table: string,
): Promise<Dependent[]> {
  const rows = await session.query<DependentRow>(
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
  return rows.map(asDependent);
}

/** What dropping one column touches, as PostgreSQL tracks it (pg_depend on that column). */
export interface ColumnDependents {
  /**
   * What stops `alter table … drop column` without CASCADE: views reading it, foreign keys
   * referencing it, a generated column computed from it (kind `generated column`, its name),
   * and anything else with a normal dependency on it.
   */
  blocking: Dependent[];
  /**
   * What goes with the column by itself: the table's own indexes and constraints that
   * involve it (a two-column index goes whole) and a sequence it owns, as `index name`,
   * `constraint name` or PostgreSQL's description.
   */
  alongside: string[];
}

/** The dependents of one column of a table of `public`. */
export async function readColumnDependents(
  session: Pick<SqlSession, 'query'>,
  table: string,
  column: string,
): Promise<ColumnDependents> {
  const rows = await session.query<DependentRow & { deptype: string }>(
    `with target as (
       select c.oid as relid, a.attnum
       from pg_class c
       join pg_namespace n on n.oid = c.relnamespace and n.nspname = 'public'
       join pg_attribute a on a.attrelid = c.oid and a.attname = $2 and not a.attisdropped
       where c.relname = $1 and c.relkind in ('r', 'p')
     )
     select distinct d.deptype::text as deptype,
       case when v.oid is not null then case v.relkind when 'm' then 'materialized view' else 'view' end
            when con.oid is not null then case con.contype when 'f' then 'foreign key' else 'constraint' end
            when i.oid is not null then 'index'
            when ga.attname is not null then 'generated column'
            else 'other' end as kind,
       coalesce(vn.nspname || '.' || v.relname, con.conname, i.relname, ga.attname::text,
                pg_describe_object(d.classid, d.objid, d.objsubid)) as name,
       coalesce(v.relname, cr.relname, gr.relname) as relation,
       coalesce((select array_agg(a.attname::text order by a.attnum) from pg_attribute a
                  where a.attrelid = con.conrelid and a.attnum = any(con.conkey)),
                case when ga.attname is not null then array[ga.attname::text] end) as columns
     from pg_depend d
     join target t on d.refclassid = 'pg_class'::regclass and d.refobjid = t.relid
                  and d.refobjsubid = t.attnum
     left join pg_rewrite r on d.classid = 'pg_rewrite'::regclass and r.oid = d.objid
     left join pg_class v on v.oid = r.ev_class and v.oid <> t.relid
     left join pg_namespace vn on vn.oid = v.relnamespace
     left join pg_constraint con on d.classid = 'pg_constraint'::regclass and con.oid = d.objid
     left join pg_class cr on cr.oid = con.conrelid
     left join pg_class i on d.classid = 'pg_class'::regclass and i.oid = d.objid and i.relkind = 'i'
     left join pg_attrdef ad on d.classid = 'pg_attrdef'::regclass and ad.oid = d.objid
     left join pg_attribute ga on ga.attrelid = ad.adrelid and ga.attnum = ad.adnum
     left join pg_class gr on gr.oid = ad.adrelid
     where d.deptype in ('n', 'a')
     order by 3`,
    [table, column],
  );
  // An object with an automatic dependency on the column goes with it, even where it also
  // names the column in an expression (a check records both); one with only a normal one
  // stops the drop.
  const auto = new Set(rows.filter((r) => r.deptype === 'a').map((r) => `${r.kind} ${r.name}`));
  const blocking: Dependent[] = [];
  const seen = new Set<string>();
  for (const row of rows) {
    const key = `${row.kind} ${row.name}`;
    if (auto.has(key) || seen.has(key)) continue;
    seen.add(key);
    blocking.push(asDependent(row));
  }
  return {
    blocking,
    alongside: [...auto].map((key) => key.replace(/^other /, '')),
  };
}
