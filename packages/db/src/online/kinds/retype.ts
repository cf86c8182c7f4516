/**
 * ALTER COLUMN … TYPE rewrites the whole table under an ACCESS EXCLUSIVE lock (unless the
 * change is binary: a varchar widened, a varchar made text). Online, expand/backfill/contract:
 *  - expand: a new column of the target type, and a trigger that fills it on every write;
 *  - backfill: the rows already there, in batches along the primary key;
 *  - a NOT NULL carried over through a check validated without blocking writes;
 *  - the column's indexes rebuilt CONCURRENTLY on the new column;
 *  - switch, in one short transaction: drop the trigger and the old column, rename the new one.
 * Until the switch, the app reads and writes the old column as always; after it, the new one.
 */
import type { SqlSession } from '../../connection/client.ts';
import { castCannotFailWithoutRewrite } from '../../converge/casts.ts';
import { FluxDbError } from '../../errors/flux-db-error.ts';
import { offenders, refuseOffenders } from '../data-check.ts';
import {
  codeOf,
  derivedName,
  ident,
  nameFrom,
  type OnlineForm,
  type OnlineStep,
  type StatementKind,
  tableName,
} from '../model.ts';

const pattern = new RegExp(
  String.raw`^alter\s+table\s+(?:only\s+)?${tableName}\s+alter\s+column\s+"((?:[^"]|"")+)"\s+(?:set\s+data\s+)?type\s+([\s\S]+?)(?:\s+using\s+([\s\S]+))?$`,
  'i',
);

interface LiveColumn {
  attnum: number;
  type: string;
  notNull: boolean;
  defaultSql: string | null;
}

async function liveColumn(session: SqlSession, table: string, column: string) {
  const [row] = await session.query<{
    attnum: number;
    type: string;
    not_null: boolean;
    default_sql: string | null;
  }>(
    `select a.attnum, format_type(a.atttypid, a.atttypmod) as type, a.attnotnull as not_null,
            pg_get_expr(d.adbin, d.adrelid) as default_sql
       from pg_attribute a left join pg_attrdef d on d.adrelid = a.attrelid and d.adnum = a.attnum
      where a.attrelid = to_regclass($1) and a.attname = $2 and not a.attisdropped`,
    [ident(table), column],
  );
  if (!row) return undefined;
  const live: LiveColumn = {
    attnum: Number(row.attnum),
    type: row.type,
    notNull: row.not_null,
    defaultSql: row.default_sql,
  };
  return live;
}

/** `varchar(50)` → `character varying(50)`: the spelling format_type gives. */
function canonicalType(type: string): string {
  return type
    .trim()
    .toLowerCase()
    .replace(/^varchar\b/, 'character varying')
    .replace(/\s+/g, ' ');
}

/** What depends on the column besides its indexes: a constraint, a view, a policy, a trigger. */
async function blockers(session: SqlSession, table: string, attnum: number): Promise<string[]> {
  const rows = await session.query<{ what: string }>(
    `select distinct case d.classid
         when 'pg_constraint'::regclass then 'constraint ' || (select conname from pg_constraint where oid = d.objid)
         when 'pg_rewrite'::regclass then 'view ' || (select ev_class::regclass::text from pg_rewrite where oid = d.objid)
         when 'pg_policy'::regclass then 'policy ' || (select polname from pg_policy where oid = d.objid)
         when 'pg_trigger'::regclass then 'trigger ' || (select tgname from pg_trigger where oid = d.objid)
         else d.classid::regclass::text end as what
       from pg_depend d
      where d.refclassid = 'pg_class'::regclass and d.refobjid = to_regclass($1)
        and d.refobjsubid = $2 and d.deptype = 'n'
        and not (d.classid = 'pg_class'::regclass
                 and exists (select 1 from pg_index i where i.indexrelid = d.objid
                              and not exists (select 1 from pg_constraint c where c.conindid = i.indexrelid)))
        and not (d.classid = 'pg_rewrite'::regclass
                 and exists (select 1 from pg_rewrite r where r.oid = d.objid and r.ev_class = to_regclass($1)))
     union
     select 'foreign key ' || conname || ' of ' || conrelid::regclass::text from pg_constraint
      where confrelid = to_regclass($1) and $2 = any(confkey)`,
    [ident(table), attnum],
  );
  return rows.map((row) => row.what);
}

async function primaryKey(session: SqlSession, table: string): Promise<string[]> {
  const rows = await session.query<{ name: string }>(
    `select a.attname as name from pg_index i
       join lateral unnest(i.indkey) with ordinality k(attnum, n) on true
       join pg_attribute a on a.attrelid = i.indrelid and a.attnum = k.attnum
      where i.indrelid = to_regclass($1) and i.indisprimary order by k.n`,
    [ident(table)],
  );
  return rows.map((row) => row.name);
}

/** The indexes on the column, each with its definition for the new column. */
async function columnIndexes(session: SqlSession, table: string, column: string, next: string) {
  const rows = await session.query<{ name: string; def: string }>(
    `select c.relname as name, pg_get_indexdef(i.indexrelid) as def
       from pg_index i join pg_class c on c.oid = i.indexrelid
      where i.indrelid = to_regclass($1)
        and (select attnum from pg_attribute where attrelid = i.indrelid and attname = $2) = any(i.indkey::int2[])`,
    [ident(table), column],
  );
  const bare = /^[a-z_][a-z0-9_$]*$/.test(column);
  const columnRef = new RegExp(
    bare
      ? String.raw`(?<![\w."])(?:"${column}"|${column})(?![\w"])`
      : `"${column.replaceAll('"', '""')}"`,
    'g',
  );
  return rows.map((row) => {
    const temp = derivedName(row.name, '__flux');
    const [head, ...tail] = row.def.split(' ON ');
    const body = tail.join(' ON ').replace(columnRef, ident(next));
    const sql = `${(head ?? '').replace(/^CREATE (UNIQUE )?INDEX \S+/, `CREATE $1INDEX CONCURRENTLY IF NOT EXISTS ${ident(temp)}`)} ON ${body}`;
    return { name: row.name, temp, sql };
  });
}

function refuse(table: string, column: string, why: string): never {
  throw new FluxDbError(
    'ONLINE_REFUSED',
    `${table}.${column}: no online retype (${why}); nothing was changed`,
    'Run this migration without --online in a quiet window, or split the change (drop what depends on the column, retype, recreate it) into migrations of their own',
  );
}

function form(statement: string): OnlineForm | undefined {
  const code = codeOf(statement);
  const match = pattern.exec(code);
  if (!match) return undefined;
  const table = nameFrom(match[1], match[2]);
  const column = (match[3] ?? '').replaceAll('""', '"');
  const target = (match[4] ?? '').trim();
  const expression = match[5]?.trim() ?? ident(column);
  const t = ident(table);
  const c = ident(column);
  const next = derivedName(column, '__flux_new');
  const fn = derivedName(`fluxcore_online_${table}_${column}`, '');
  const fits = `pg_temp.${ident(derivedName(`fluxcore_fits_${table}_${column}`, ''))}`;
  const fill = `(select ${expression} from (select (NEW).*) as src)`;
  return {
    kind: 'retype column',
    table,
    form: 'expand/backfill/contract: new column kept in step by a trigger, batched backfill, indexes rebuilt concurrently, switch (metadata only when the change needs no rewrite)',
    async check(session) {
      const live = await liveColumn(session, table, column);
      if (!live) return;
      await session.exec(
        `create or replace function ${fits}(r ${t}) returns boolean language plpgsql as $fits$
         declare v ${target}; begin v := (select ${expression} from (select (r).*) as src); return true;
         exception when others then return false; end $fits$`,
      );
      const found = await offenders(
        session,
        table,
        `${c} is not null and not ${fits}(${t})`,
        `${c}::text`,
      );
      refuseOffenders(
        found,
        `${table}.${column}`,
        `do not convert to ${target}`,
        `correct them (update ${table} set ${column} = … where …), and run again`,
      );
    },
    async steps(session, options = {}) {
      const live = await liveColumn(session, table, column);
      if (!live) refuse(table, column, 'the column does not exist');
      // `USING "c"::T` (converge writes one for every retype) is the plain cast.
      const squeeze = (text: string) => text.replace(/[()\s]/g, '').toLowerCase();
      const plainCast = !match[5] || squeeze(match[5]) === squeeze(`${c}::${target}`);
      const simple = plainCast && castCannotFailWithoutRewrite(live.type, canonicalType(target));
      if (simple) {
        return [
          {
            what: `retype ${table}.${column} (no rewrite)`,
            action: { kind: 'transaction', sql: [code] },
            undo: null,
          },
        ];
      }
      const blocking = await blockers(session, table, live.attnum);
      if (blocking.length > 0) refuse(table, column, `${blocking.join(', ')} depends on it`);
      const key = await primaryKey(session, table);
      if (key.length === 0) refuse(table, column, 'the table has no primary key to backfill along');
      if (key.includes(column)) refuse(table, column, 'it is part of the primary key');
      const indexes = await columnIndexes(session, table, column, next);
      const defaultSql = options.defaultSql === undefined ? live.defaultSql : options.defaultSql;
      return retypeSteps({
        ...{ table, column, target, expression, next, fn, fill, live, key, indexes },
        defaultSql,
      });
    },
  };
}

interface RetypePlan {
  table: string;
  column: string;
  target: string;
  expression: string;
  next: string;
  fn: string;
  fill: string;
  live: LiveColumn;
  key: string[];
  indexes: { name: string; temp: string; sql: string }[];
  /** The default the column has after the switch. */
  defaultSql: string | null;
}

function retypeSteps(plan: RetypePlan): OnlineStep[] {
  const { table, column, target, next, fn, live } = plan;
  const t = ident(table);
  const n = ident(next);
  const check = ident(derivedName(`${table}_${next}`, '_nn'));
  const dropTrigger = [
    `drop trigger if exists ${ident(fn)} on ${t}`,
    `drop function if exists ${ident(fn)}()`,
  ];
  const steps: OnlineStep[] = [
    {
      what: `expand: add ${table}.${next} ${target}, kept in step with ${column} by a trigger`,
      action: {
        kind: 'transaction',
        sql: [
          `alter table ${t} add column ${n} ${target}`,
          `create function ${ident(fn)}() returns trigger language plpgsql as $fn$ begin NEW.${n} := ${plan.fill}; return NEW; end $fn$`,
          `create trigger ${ident(fn)} before insert or update on ${t} for each row execute function ${ident(fn)}()`,
        ],
      },
      undo: [...dropTrigger, `alter table ${t} drop column if exists ${n}`],
    },
    {
      what: `backfill ${table}.${next} from ${column}`,
      action: { kind: 'backfill', table, column: next, expression: plan.expression, key: plan.key },
      undo: [],
    },
  ];
  if (live.notNull) {
    steps.push(
      {
        what: `add check ${table}.${next} is not null, not valid`,
        action: {
          kind: 'transaction',
          sql: [`alter table ${t} add constraint ${check} check (${n} is not null) not valid`],
        },
        undo: [`alter table ${t} drop constraint if exists ${check}`],
      },
      {
        what: `validate the not-null check of ${table}.${next}`,
        action: { kind: 'transaction', sql: [`alter table ${t} validate constraint ${check}`] },
        undo: [],
      },
    );
  }
  for (const index of plan.indexes) {
    steps.push({
      what: `build index ${index.temp} on ${table}.${next} concurrently`,
      action: { kind: 'concurrent-index', index: index.temp, sql: index.sql },
      undo: [`drop index concurrently if exists ${ident(index.temp)}`],
    });
  }
  steps.push({
    what: `switch: ${table}.${column} becomes the ${target} column; the old one is dropped`,
    action: { kind: 'transaction', sql: switchSql(plan, check) },
    undo: null,
  });
  return steps;
}

function switchSql(plan: RetypePlan, check: string): string[] {
  const t = ident(plan.table);
  const n = ident(plan.next);
  return [
    `lock table ${t} in access exclusive mode`,
    `drop trigger ${ident(plan.fn)} on ${t}`,
    `drop function ${ident(plan.fn)}()`,
    ...(plan.live.notNull
      ? [
          `alter table ${t} alter column ${n} set not null`,
          `alter table ${t} drop constraint ${check}`,
        ]
      : []),
    ...(plan.defaultSql
      ? [`alter table ${t} alter column ${n} set default ${plan.defaultSql}`]
      : []),
    `alter table ${t} drop column ${ident(plan.column)}`,
    `alter table ${t} rename column ${n} to ${ident(plan.column)}`,
    ...plan.indexes.map(
      (index) => `alter index ${ident(index.temp)} rename to ${ident(index.name)}`,
    ),
  ];
}

export const retype: StatementKind = { name: 'retype column', match: form };
