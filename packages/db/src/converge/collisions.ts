/**
 * Name collisions: an object in `public` that has the name of one the schema declares but is of
 * another kind (the original's composite type `account_type` against the schema's enum, a view
 * where the schema has a table). PostgreSQL would stop the plan with "already exists"; instead
 * the plan moves it aside first, into the schema `fluxcore_original`, with what depends on it
 * (a column of that type, a function that takes it: they follow it, by oid), or drops it when it
 * holds no row and nothing depends on it. The plan says which, and what the object was: the
 * original's own (recognised by hash, see originalLogicHashes) or someone else's.
 */
import type { FullCatalog } from '../catalog/logic.ts';
import type { SqlSession } from '../connection/client.ts';
import { type OriginalLogicHash, originalLogicHashes } from '../schema/original/logic-hashes.ts';
import type { KeptObject, Step } from './model.ts';
import { isDropped, moveAside } from './steps/move-aside.ts';

/** Where colliding objects are moved: named so nobody takes it for the package's. */
export const asideSchema = 'fluxcore_original';

export interface Collision {
  name: string;
  /** What the live object is: `composite type`, `enum`, `domain`, `table`, `view`, … */
  kind: string;
  /** What the schema declares under that name: `enum` or `table`. */
  wanted: 'enum' | 'table';
  /** pg_describe_object of each object that depends on it. */
  dependents: string[];
  /** For a composite type, the md5 of its attributes as logic.tsv computes it. */
  md5: string | null;
  /** Whether it holds rows (a table) or a value (a sequence): never dropped then. */
  holdsData: boolean;
  /** The name free in fluxcore_original (the same, unless one is there already). */
  asideName: string;
}

const kindSql = `case
    when t.typtype = 'c' and c.relkind in ('r', 'p') then 'table'
    when t.typtype = 'c' and c.relkind = 'v' then 'view'
    when t.typtype = 'c' and c.relkind = 'm' then 'materialized view'
    when t.typtype = 'c' and c.relkind = 'f' then 'foreign table'
    when t.typtype = 'c' then 'composite type'
    when t.typtype = 'e' then 'enum'
    when t.typtype = 'd' then 'domain'
    when t.typtype in ('r', 'm') then 'range type'
    else 'base type' end`;

/**
 * Types and relations of `public` named as a schema enum or table but of another kind. A
 * relation's row type shares the type namespace, so one query over pg_type finds both; a
 * sequence or an index with a table's name is a relation with no row type, read beside.
 */
export async function readCollisions(
  session: SqlSession,
  target: FullCatalog,
): Promise<Collision[]> {
  const enums = [...target.schema.enums.keys()];
  const tables = [...target.schema.tables.keys()];
  const rows = await session.query<{
    name: string;
    kind: string;
    dependents: string[] | string;
    md5: string | null;
    holds_data: boolean;
    taken: boolean;
  }>(
    `with found as (
       select t.typname as name, ${kindSql} as kind, t.oid as type_oid, t.typarray, c.oid as rel_oid
       from pg_type t join pg_namespace n on n.oid = t.typnamespace and n.nspname = 'public'
       left join pg_class c on c.oid = t.typrelid
       where (t.typname = any($1::text[]) or t.typname = any($2::text[]))
         and t.typtype <> 'b'
       union all
       select c.relname, case c.relkind when 'S' then 'sequence' when 'i' then 'index'
                                        else 'relation' end, null, null, c.oid
       from pg_class c join pg_namespace n on n.oid = c.relnamespace and n.nspname = 'public'
       where c.relname = any($2::text[]) and c.relkind in ('S', 'i', 'I')
     )
     select f.name, f.kind,
       array(select distinct pg_describe_object(d.classid, d.objid, d.objsubid)
             from pg_depend d
             where d.refobjid in (f.type_oid, f.typarray, f.rel_oid) and d.deptype = 'n'
               and not (d.classid = 'pg_class'::regclass and d.objid = f.rel_oid)
               and not (d.classid = 'pg_rewrite'::regclass
                        and exists (select 1 from pg_rewrite r where r.oid = d.objid and r.ev_class = f.rel_oid))
             order by 1)::text[] as dependents,
       case when f.kind = 'composite type' then md5((
         select string_agg(a.attname || ' ' || format_type(a.atttypid, a.atttypmod), ', ' order by a.attnum)
         from pg_attribute a where a.attrelid = f.rel_oid and a.attnum > 0 and not a.attisdropped)) end as md5,
       f.kind in ('table', 'sequence', 'materialized view', 'foreign table') as holds_data,
       to_regclass(format('%I.%I', $3::text, f.name)) is not null
         or to_regtype(format('%I.%I', $3::text, f.name)) is not null as taken
     from found f order by 1`,
    [enums, tables, asideSchema],
  );
  return rows
    .map((row) => ({
      name: row.name,
      kind: row.kind,
      wanted: enums.includes(row.name) ? ('enum' as const) : ('table' as const),
      dependents: Array.isArray(row.dependents)
        ? row.dependents.map(String)
        : String(row.dependents ?? '')
            .replace(/^\{|\}$/g, '')
            .split(',')
            .filter(Boolean)
            .map((d) => d.replace(/^"|"$/g, '')),
      md5: row.md5,
      holdsData: row.holds_data,
      asideName: row.taken ? `${row.name}__public` : row.name,
    }))
    .filter((c) => !(c.wanted === 'enum' && c.kind === 'enum'))
    .filter((c) => !(c.wanted === 'table' && c.kind === 'table'));
}

/** The original's object of that name and hash, when it is one. */
export function originalOf(collision: Collision): OriginalLogicHash | undefined {
  return originalLogicHashes.find(
    (o) =>
      o.kind === collision.kind &&
      o.schema === 'public' &&
      o.name === collision.name &&
      o.md5 === collision.md5,
  );
}

/** One step per collision, first of the plan, and the aside schema as kept when used. */
export function collisionSteps(
  collisions: Collision[],
  live: FullCatalog,
): { steps: Step[]; kept: KeptObject[] } {
  const steps = collisions.flatMap((collision) => moveAside.build(collision));
  const moved = collisions
    .filter((c) => !isDropped(c))
    .map((collision) => `${collision.kind} ${collision.asideName}`);
  const kept: KeptObject[] =
    moved.length > 0 && !live.logic.schemas.includes(asideSchema)
      ? [
          {
            kind: 'schema',
            name: asideSchema,
            rows: null,
            note: `holds what converge renamed aside for the schema's names: ${moved.join(', ')}`,
            dropped: false,
          },
        ]
      : [];
  return { steps, kept };
}
