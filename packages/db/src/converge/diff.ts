/**
 * The structural plan: the live catalog against the target catalog, both read by the same
 * reader from the same kind of server, so equal things render equal. Pure: no queries here;
 * the data checks each step needs are attached as specs and run by `checks.ts`.
 */
import type { LiveColumn, LiveConstraint, LiveIndex } from '../catalog/introspect.ts';
import type { FullCatalog } from '../catalog/logic.ts';
import type { CheckSpec, KeptObject, Phase, Step } from './model.ts';
import {
  type ColumnPairing,
  constraintSignature,
  indexSignature,
  pairByMeaning,
  pairColumns,
  quote,
} from './pair.ts';

export interface ColumnSource {
  /** The live value, transformed when the rename says so, in the live type. */
  raw: string;
  /** The same, cast to the target type: what the column will hold. */
  cast: string;
  /** Reading one value as text back: the cast with `__fluxcore_value__` for the value. */
  castTemplate: string;
}

export interface StructuralPlan {
  steps: Step[];
  kept: KeptObject[];
  /** Per paired table: target column → SQL reading its value from the live row. */
  sources: Map<string, Map<string, ColumnSource>>;
  pairings: Map<string, ColumnPairing>;
}

const textual = (type: string) => /^(character varying|character|text)\b/.test(type);
const lengthOf = (type: string) => {
  const match = /^(?:character varying|character)\((\d+)\)$/.exec(type);
  return match ? Number(match[1]) : null;
};

/** Conversions that cannot fail for any value (a length or enum check covers the rest). */
function castCannotFail(from: string, to: string, toEnum: boolean): boolean {
  if (toEnum) return true;
  if (to === 'text' || (textual(from) && textual(to))) return true;
  if (from === 'timestamp without time zone' && to === 'timestamp with time zone') return true;
  if (from === 'integer' && to === 'bigint') return true;
  if (from === 'smallint' && (to === 'integer' || to === 'bigint')) return true;
  return false;
}

/** The USING expression that turns a live value (`ref`) into the target type. */
export function castSql(ref: string, from: LiveColumn | undefined, to: LiveColumn): string {
  const fromType = from?.type ?? 'text';
  if (to.enumType && !to.type.endsWith('[]')) return `(${ref})::text::${to.type}`;
  if (fromType === 'jsonb' && to.type.endsWith('[]'))
    return `translate((${ref})::text, '[]', '{}')::${to.type}`;
  if (fromType === 'timestamp without time zone' && to.type === 'timestamp with time zone')
    return `(${ref}) at time zone 'UTC'`;
  return `(${ref})::${to.type}`;
}

export function buildStructuralPlan(
  live: FullCatalog,
  target: FullCatalog,
  dropNames: Set<string>,
): StructuralPlan {
  const steps: Step[] = [];
  const kept: KeptObject[] = [];
  const sources = new Map<string, Map<string, ColumnSource>>();
  const pairings = new Map<string, ColumnPairing>();
  const step = (
    phase: Phase,
    table: string | undefined,
    summary: string,
    sql: string[],
    extra: Partial<Step> = {},
  ) =>
    steps.push({
      phase,
      table,
      summary,
      sql,
      checks: [],
      rewrites: false,
      longLock: false,
      ...extra,
    });
  const keep = (kind: KeptObject['kind'], name: string, note: string) => {
    const dropped = dropNames.has(name);
    kept.push({ kind, name, rows: null, note: dropped ? 'dropped (--drop)' : note, dropped });
    return dropped;
  };

  // Schemas and extensions.
  for (const schema of target.logic.schemas)
    if (!live.logic.schemas.includes(schema))
      step('create', undefined, `create schema ${schema}`, [`create schema ${quote(schema)}`]);
  for (const extension of target.schema.extensions.keys())
    if (!live.schema.extensions.has(extension))
      step('create', undefined, `install extension ${extension}`, [
        `create extension if not exists ${quote(extension)}`,
      ]);

  // Enums: new ones are created; one whose labels differ is rebuilt (renamed aside, recreated,
  // every column moved over by text, the old one dropped).
  const rebuiltEnums = new Set<string>();
  for (const [name, labels] of target.schema.enums) {
    const found = live.schema.enums.get(name);
    if (found && found.join('\u0000') === labels.join('\u0000')) continue;
    const sql = [
      `create type ${quote(name)} as enum (${labels.map((l) => `'${l.replaceAll("'", "''")}'`).join(', ')})`,
    ];
    if (found) {
      rebuiltEnums.add(name);
      sql.unshift(`alter type ${quote(name)} rename to ${quote(`${name}__fluxcore_old`)}`);
    }
    step('create', undefined, `${found ? 'rebuild' : 'create'} enum ${name}`, sql);
  }

  // Tables.
  const retyped = new Set<string>(); // `table.column` (target names) whose type changes
  const renamedColumns: { table: string; from: string; to: string }[] = [];
  for (const want of target.schema.tables.values()) {
    const have = live.schema.tables.get(want.name);
    if (!have) {
      const columns = [...want.columns.values()].sort((a, b) => a.position - b.position);
      step('create', want.name, `create table ${want.name}`, [
        `create table ${quote(want.name)} (\n${columns.map((c) => `  ${quote(c.name)} ${c.type}${c.default === null ? '' : ` default ${c.default}`}${c.notNull ? ' not null' : ''}`).join(',\n')}\n)`,
      ]);
      continue;
    }
    const pairing = pairColumns(have, want);
    pairings.set(want.name, pairing);
    const tableSources = new Map<string, ColumnSource>();
    sources.set(want.name, tableSources);
    const t = quote(want.name);
    for (const column of [...want.columns.values()].sort((a, b) => a.position - b.position)) {
      const origin = pairing.source.get(column.name);
      const c = quote(column.name);
      if (!origin) {
        // A new column: its default fills existing rows; NOT NULL without one needs a source.
        const value = column.default ?? `null::${column.type}`;
        tableSources.set(column.name, { raw: value, cast: value, castTemplate: '' });
        const checks: CheckSpec[] =
          column.notNull && column.default === null
            ? [{ kind: 'no-source', table: want.name, column: column.name }]
            : [];
        step(
          'add',
          want.name,
          `add column ${want.name}.${column.name} ${column.type}`,
          [
            `alter table ${t} add column ${c} ${column.type}${column.default === null ? '' : ` default ${column.default}`}${column.notNull ? ' not null' : ''}`,
          ],
          { checks },
        );
        continue;
      }
      const from = have.columns.get(origin.live) as LiveColumn;
      const liveRef = quote(origin.live);
      const transform = origin.rename?.transform;
      const transformed = transform ? transform.using.replaceAll('{from}', liveRef) : liveRef;
      const enumRebuilt = from.enumType !== null && rebuiltEnums.has(from.enumType);
      const typeChanges = from.type !== column.type || enumRebuilt;
      const converts = typeChanges || transform !== undefined;
      tableSources.set(column.name, {
        raw: transformed,
        cast: converts ? castSql(transformed, transform ? undefined : from, column) : liveRef,
        castTemplate: castSql(
          `__fluxcore_value__::${transform ? 'text' : from.type}`,
          transform ? undefined : from,
          column,
        ),
      });
      if (origin.rename) {
        renamedColumns.push({ table: want.name, from: origin.live, to: column.name });
        step(
          'rename',
          want.name,
          `rename ${want.name}.${origin.live} to ${column.name} (${origin.rename.reason})`,
          [`alter table ${t} rename column ${liveRef} to ${c}`],
        );
      }
      const afterRename = transform ? transform.using.replaceAll('{from}', c) : c;
      if (transform && !typeChanges) {
        step(
          'backfill',
          want.name,
          `backfill ${want.name}.${column.name}: ${transform.description}`,
          [`update ${t} set ${c} = ${afterRename}`],
          { rewrites: true },
        );
      }
      const actions: string[] = [];
      if (typeChanges || transform) {
        if (typeChanges) retyped.add(`${want.name}.${column.name}`);
        if (from.default !== null) actions.push(`alter column ${c} drop default`);
        if (typeChanges) {
          const using = castSql(afterRename, transform ? undefined : from, column);
          actions.push(`alter column ${c} type ${column.type} using ${using}`);
        }
        if (column.default !== null)
          actions.push(`alter column ${c} set default ${column.default}`);
      } else if (from.default !== column.default) {
        actions.push(
          column.default === null
            ? `alter column ${c} drop default`
            : `alter column ${c} set default ${column.default}`,
        );
      }
      if (from.notNull && !column.notNull) actions.push(`alter column ${c} drop not null`);
      if (actions.length > 0) {
        const checks: CheckSpec[] = [];
        if (typeChanges) {
          const labels =
            column.enumType && !column.type.endsWith('[]')
              ? (target.schema.enums.get(column.enumType) ?? null)
              : null;
          checks.push({
            kind: 'retype',
            table: want.name,
            column: column.name,
            fromType: transform ? `${from.type} (${transform.description})` : from.type,
            toType: column.type,
            enumLabels: labels,
            maxLength: lengthOf(column.type),
            castSafe: !transform && castCannotFail(from.type, column.type, labels !== null),
          });
        }
        const what = typeChanges
          ? `retype ${want.name}.${column.name} ${from.type} → ${column.type}`
          : `alter ${want.name}.${column.name} (${actions.join(', ').replaceAll(`${c} `, '')})`;
        step('retype', want.name, what, [`alter table ${t} ${actions.join(', ')}`], {
          checks,
          rewrites: typeChanges && !castCannotFailWithoutRewrite(from.type, column.type),
          longLock: typeChanges,
        });
      }
      if (column.notNull && !from.notNull) {
        step(
          'constrain',
          want.name,
          `set ${want.name}.${column.name} not null`,
          [`alter table ${t} alter column ${c} set not null`],
          {
            checks: [{ kind: 'not-null', table: want.name, column: column.name }],
            longLock: true,
          },
        );
      }
    }
    for (const name of pairing.unpaired) {
      const full = `${want.name}.${name}`;
      if (keep('column', full, 'not declared by the schema: kept with its data')) {
        step('drop', want.name, `drop column ${full} (--drop)`, [
          `alter table ${t} drop column ${quote(name)}`,
        ]);
      }
    }
  }

  // Constraints and indexes of paired tables.
  const laterFks: Step[] = [];
  for (const want of target.schema.tables.values()) {
    const have = live.schema.tables.get(want.name);
    const pairing = pairings.get(want.name);
    const t = quote(want.name);
    const liveToTarget = pairing?.liveToTarget;
    const keptColumns = new Set(pairing?.unpaired ?? []);
    const touchesKept = (columns: string[]) => columns.some((c) => keptColumns.has(c));
    const refMap = (table: string | null) =>
      table ? pairings.get(table)?.liveToTarget : undefined;
    const liveConstraints = have
      ? [...have.constraints.values()].filter((c) => !touchesKept(c.columns))
      : [];
    const wantConstraints = [...want.constraints.values()];
    const strict = (c: LiveConstraint, map: Map<string, string> | undefined) =>
      `${constraintSignature(c, map, refMap(c.referencedTable))} ${c.onDelete ?? ''}`;
    const pairs = pairByMeaning(
      liveConstraints,
      wantConstraints,
      (c) => strict(c, liveToTarget),
      (c) => strict(c, undefined),
      {
        live: (c) => constraintSignature(c, liveToTarget, refMap(c.referencedTable)),
        target: (c) => constraintSignature(c, undefined, undefined),
      },
    );
    const fkTouchesRetype = (c: LiveConstraint) =>
      c.type === 'foreign key' &&
      (c.columns.some((col) => retyped.has(`${want.name}.${col}`)) ||
        c.referencedColumns.some((col) => retyped.has(`${c.referencedTable}.${col}`)));
    const add = (c: LiveConstraint) => {
      const cols = c.columns;
      if (c.type === 'foreign key') {
        const referenced = c.referencedTable as string;
        laterFks.push({
          phase: 'constrain',
          table: want.name,
          summary: `add foreign key ${c.name} on ${want.name}`,
          rewrites: false,
          longLock: false,
          sql: [`alter table ${t} add constraint ${quote(c.name)} ${c.definition} not valid`],
          checks: [
            {
              kind: 'foreign-key',
              table: want.name,
              columns: cols,
              refTable: referenced,
              refColumns: c.referencedColumns,
              name: c.name,
            },
          ],
        });
        step('validate', want.name, `validate ${c.name}`, [
          `alter table ${t} validate constraint ${quote(c.name)}`,
        ]);
        return;
      }
      const checks: CheckSpec[] =
        c.type === 'check'
          ? [
              {
                kind: 'check',
                table: want.name,
                name: c.name,
                expression: c.definition.replace(/^CHECK\s*/, '').replace(/\s*NOT VALID$/, ''),
              },
            ]
          : c.type === 'unique' || c.type === 'primary key'
            ? [
                {
                  kind: 'unique',
                  table: want.name,
                  columns: cols,
                  nullsNotDistinct: c.nullsNotDistinct || c.type === 'primary key',
                  name: c.name,
                },
              ]
            : [];
      step(
        'constrain',
        want.name,
        `add ${c.type} ${c.name} on ${want.name}`,
        [`alter table ${t} add constraint ${quote(c.name)} ${c.definition}`],
        { checks, longLock: true },
      );
    };
    for (const c of pairs.missing) add(c);
    for (const [name, { live: found, renamed, onDeleteOnly }] of pairs.matched) {
      const wantC = want.constraints.get(name) as LiveConstraint;
      if (onDeleteOnly || fkTouchesRetype(found)) {
        const why = onDeleteOnly
          ? `on delete ${found.onDelete} → ${wantC.onDelete}`
          : 'its columns change type';
        step(
          'drop',
          want.name,
          `change foreign key ${name} on ${want.name} (${why}): dropped here, added back below`,
          [`alter table ${t} drop constraint ${quote(found.name)}`],
        );
        add(wantC);
        continue;
      }
      if (renamed)
        step('rename', want.name, `rename constraint ${found.name} to ${name} (same definition)`, [
          `alter table ${t} rename constraint ${quote(found.name)} to ${quote(name)}`,
        ]);
      if (!found.validated && wantC.validated)
        step('validate', want.name, `validate ${name}`, [
          `alter table ${t} validate constraint ${quote(name)}`,
        ]);
    }
    for (const c of pairs.extra) {
      step(
        'drop',
        want.name,
        `drop constraint ${c.name} on ${want.name} (not in the schema; no row is lost)`,
        [`alter table ${t} drop constraint ${quote(c.name)}`],
      );
    }

    const liveIndexes = have
      ? [...have.indexes.values()].filter((i) => !i.constraintBacked && !touchesKept(i.columns))
      : [];
    const wantIndexes = [...want.indexes.values()].filter((i) => !i.constraintBacked);
    const indexPairs = pairByMeaning(
      liveIndexes,
      wantIndexes,
      (i) => indexSignature(i, liveToTarget),
      (i) => indexSignature(i, undefined),
    );
    for (const index of indexPairs.extra)
      step(
        'drop',
        want.name,
        `drop index ${index.name} on ${want.name} (not in the schema; no row is lost)`,
        [`drop index ${quote(index.name)}`],
      );
    for (const [name, { live: found, renamed }] of indexPairs.matched) {
      if (renamed)
        step('rename', want.name, `rename index ${found.name} to ${name} (same definition)`, [
          `alter index ${quote(found.name)} rename to ${quote(name)}`,
        ]);
      else if (!found.valid)
        step(
          'constrain',
          want.name,
          `rebuild invalid index ${name}`,
          [`reindex index ${quote(name)}`],
          { longLock: true },
        );
    }
    for (const index of indexPairs.missing) {
      const checks: CheckSpec[] = index.unique
        ? [
            {
              kind: 'unique',
              table: want.name,
              columns: index.columns,
              keys: index.keys,
              predicate: index.predicate,
              nullsNotDistinct: false,
              name: index.name,
            },
          ]
        : [];
      step(
        'constrain',
        want.name,
        `create index ${index.name} on ${want.name}`,
        [(index as LiveIndex).definition],
        { checks, longLock: true },
      );
    }
  }
  steps.push(...laterFks);

  // Tables the schema does not declare.
  for (const table of live.schema.tables.values()) {
    if (target.schema.tables.has(table.name)) continue;
    if (keep('table', table.name, 'not declared by the schema: kept with its rows'))
      step('drop', table.name, `drop table ${table.name} (--drop)`, [
        `drop table ${quote(table.name)} cascade`,
      ]);
  }

  planLogic(live, target, steps, keep, renamedColumns, retyped, pairings);

  // Enums no column uses any more (an old rebuilt one, or one the schema renamed).
  const stillUsed = new Set<string>();
  for (const table of live.schema.tables.values()) {
    const pairing = pairings.get(table.name);
    for (const column of table.columns.values()) {
      const keptColumn =
        !target.schema.tables.has(table.name) || pairing?.unpaired.includes(column.name);
      if (column.enumType && keptColumn) stillUsed.add(column.enumType);
    }
  }
  for (const name of live.schema.enums.keys()) {
    const rebuilt = rebuiltEnums.has(name);
    if (target.schema.enums.has(name) && !rebuilt) continue;
    const actual = rebuilt ? `${name}__fluxcore_old` : name;
    if (stillUsed.has(name)) {
      keep('enum', actual, 'used by a kept column');
      continue;
    }
    step('cleanup', undefined, `drop enum ${actual} (no column uses it any more)`, [
      `drop type ${quote(actual)}`,
    ]);
  }
  return { steps, kept, sources, pairings };
}

/** A retype that PostgreSQL does without rewriting the table (a wider varchar, text). */
function castCannotFailWithoutRewrite(from: string, to: string): boolean {
  if (to === 'text' && textual(from)) return true;
  const a = lengthOf(from);
  const b = lengthOf(to);
  return (
    from.startsWith('character varying') &&
    to.startsWith('character varying') &&
    (b === null || (a !== null && b >= a))
  );
}

function planLogic(
  live: FullCatalog,
  target: FullCatalog,
  steps: Step[],
  keep: (kind: KeptObject['kind'], name: string, note: string) => boolean,
  renamed: { table: string; from: string; to: string }[],
  retyped: Set<string>,
  pairings: Map<string, ColumnPairing>,
): void {
  const add = (phase: Phase, summary: string, sql: string[], checks: CheckSpec[] = []) =>
    steps.push({ phase, table: undefined, summary, sql, checks, rewrites: false, longLock: false });
  const dropped = new Set<string>();
  for (const [key, trigger] of live.logic.triggers) {
    const wanted = target.logic.triggers.get(key);
    if (wanted && wanted.definition === trigger.definition) continue;
    if (wanted) {
      add('drop', `replace trigger ${key} with the schema's`, [
        `drop trigger ${quote(trigger.name)} on ${quote(trigger.table)}`,
      ]);
      add('logic', `create trigger ${key}`, [wanted.definition]);
      dropped.add(key);
    } else if (keep('trigger', key, `runs ${trigger.function}; not declared by the schema: kept`)) {
      add('drop', `drop trigger ${key} (--drop)`, [
        `drop trigger ${quote(trigger.name)} on ${quote(trigger.table)}`,
      ]);
      dropped.add(key);
    }
  }
  for (const [key, view] of live.logic.views) {
    const wanted = target.logic.views.get(key);
    if (wanted && wanted.definition === view.definition) continue;
    if (wanted || keep('view', key, 'not declared by the schema: kept')) {
      add(
        'drop',
        `drop view ${key}${wanted ? ' (recreated from the schema below)' : ' (--drop)'}`,
        [
          `drop ${view.materialized ? 'materialized view' : 'view'} ${quote(view.schema)}.${quote(view.name)}`,
        ],
      );
      dropped.add(`view:${key}`);
    }
  }
  for (const [key, fn] of live.logic.functions) {
    const wanted = target.logic.functions.get(key);
    if (wanted) {
      if (wanted.definition !== fn.definition)
        add('logic', `replace function ${key} with the schema's`, [wanted.definition]);
      dropped.add(`function:${key}`);
      continue;
    }
    if (keep('function', key, `${fn.language}; not declared by the schema: kept`)) {
      add('drop', `drop function ${key} (--drop)`, [
        `drop function ${quote(fn.schema)}.${quote(fn.name)}(${fn.arguments})`,
      ]);
      dropped.add(`function:${key}`);
    }
  }
  for (const [key, fn] of target.logic.functions)
    if (!live.logic.functions.has(key)) add('logic', `create function ${key}`, [fn.definition]);
  for (const [key, view] of target.logic.views)
    if (!live.logic.views.has(key) || dropped.has(`view:${key}`))
      add('logic', `create view ${key}`, [
        `create ${view.materialized ? 'materialized view' : 'view'} ${quote(view.schema)}.${quote(view.name)} as ${view.definition}`,
      ]);
  for (const [key, trigger] of target.logic.triggers)
    if (!live.logic.triggers.has(key)) add('logic', `create trigger ${key}`, [trigger.definition]);
  for (const schema of live.logic.schemas) {
    if (target.logic.schemas.includes(schema)) continue;
    if (keep('schema', schema, 'not declared by the schema: kept with what it holds'))
      add('drop', `drop schema ${schema} (--drop)`, [`drop schema ${quote(schema)} cascade`]);
  }

  // Logic PostgreSQL does not track: function bodies, and views and trigger conditions that
  // would stop a retype. A change to a column they name is refused until they are dealt with.
  const byColumn = new Map<string, { table: string; column: string; change: string }>();
  for (const r of renamed)
    byColumn.set(`${r.table}.${r.from}`, {
      table: r.table,
      column: r.from,
      change: `renamed to ${r.to}`,
    });
  for (const key of retyped) {
    const [table = '', column = ''] = key.split('.');
    const liveName =
      [...(pairings.get(table)?.liveToTarget ?? [])].find(([, to]) => to === column)?.[0] ?? column;
    const known = byColumn.get(`${table}.${liveName}`);
    if (known) known.change = `${known.change} and retyped`;
    else byColumn.set(`${table}.${liveName}`, { table, column: liveName, change: 'retyped' });
  }
  const changes = [...byColumn.values()];
  for (const change of changes) {
    const word = new RegExp(`\\b${change.column}\\b`, 'i');
    const tableWord = new RegExp(`\\b${change.table}\\b`, 'i');
    const readers: string[] = [];
    for (const [key, fn] of live.logic.functions) {
      if (dropped.has(`function:${key}`) || !word.test(fn.source)) continue;
      const fnName = `${fn.schema}.${fn.name}`;
      const triggers = [...live.logic.triggers].filter(
        ([tkey, t]) => t.table === change.table && t.function === fnName && !dropped.has(tkey),
      );
      if (triggers.length > 0 || tableWord.test(fn.source))
        readers.push(
          `function ${key}${triggers.length ? ` (trigger ${triggers.map(([, t]) => t.name).join(', ')} on ${change.table})` : ''}`,
        );
    }
    if (change.change.endsWith('retyped')) {
      for (const [key, view] of live.logic.views)
        if (!dropped.has(`view:${key}`) && view.reads.includes(`${change.table}.${change.column}`))
          readers.push(`view ${key}`);
      for (const [key, trigger] of live.logic.triggers) {
        const condition = trigger.definition.replace(/EXECUTE (FUNCTION|PROCEDURE).*$/i, '');
        if (
          !dropped.has(key) &&
          trigger.table === change.table &&
          word.test(condition.replace(/^CREATE TRIGGER \S+/i, ''))
        )
          readers.push(`trigger ${key} (its condition)`);
      }
    }
    if (readers.length > 0) {
      const candidates = steps.filter(
        (s) => (s.phase === 'rename' || s.phase === 'retype') && s.table === change.table,
      );
      const own = candidates.find((s) => s.summary.includes(`.${change.column} `)) ?? candidates[0];
      (own ?? steps[0])?.checks.push({
        kind: 'logic',
        table: change.table,
        column: change.column,
        change: change.change,
        readers,
      });
    }
  }
}
