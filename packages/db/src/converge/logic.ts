/**
 * Functions, triggers, views and schemas: the schema's own are created or replaced, the rest
 * kept (or dropped with --drop). And the logic PostgreSQL does not track: a plpgsql body that
 * names a column the plan renames or retypes, a view or trigger condition that reads a retyped
 * column; such a change is refused until that logic is dealt with.
 */
import type { FullCatalog, LiveFunction } from '../catalog/logic.ts';
import type { OriginalLogicHash } from '../schema/original/logic-hashes.ts';
import type { CheckSpec, KeptObject, Phase, Step } from './model.ts';
import {
  isReplaced,
  keptNote,
  type Recognition,
  recogniseFunction,
  recogniseTrigger,
} from './original-logic.ts';
import { type ColumnPairing, quote } from './pair.ts';

/** A kept function of the original's, called once after the plan's steps (with null arguments). */
export interface Probe {
  key: string;
  call: string;
}

/** `select s.f(null::t1, null::t2)` for a function's identity arguments. */
function probeCall(fn: LiveFunction): string {
  const types = fn.arguments
    ? fn.arguments.split(', ').map((arg) => arg.replace(/^(IN |INOUT |VARIADIC )?\S+ /, ''))
    : [];
  return `select ${quote(fn.schema)}.${quote(fn.name)}(${types.map((t) => `null::${t}`).join(', ')})`;
}

/** Whether a function returns a trigger (it cannot be called on its own). */
const returnsTrigger = (fn: LiveFunction) => /\bRETURNS trigger\b/i.test(fn.definition);

/**
 * The original's functions the package replaces that the plan drops: recognised by hash, no
 * kept trigger runs them, and no kept function names them.
 */
function replacedFunctions(
  live: FullCatalog,
  recognitions: Map<string, Recognition>,
  droppedTriggers: Set<string>,
): Set<string> {
  const candidates = new Set(
    [...live.logic.functions.keys()].filter((key) => {
      const r = recognitions.get(key);
      return r?.state === 'original' && isReplaced(r.decision);
    }),
  );
  for (const key of [...candidates]) {
    const fn = live.logic.functions.get(key) as LiveFunction;
    const qualified = `${fn.schema}.${fn.name}`;
    const byTrigger = [...live.logic.triggers].some(
      ([tkey, t]) => t.function === qualified && !droppedTriggers.has(tkey),
    );
    const word = new RegExp(`\\b${fn.name}\\s*\\(`, 'i');
    const byFunction = [...live.logic.functions.values()].some(
      (other) => other.key !== key && !candidates.has(other.key) && word.test(other.source),
    );
    if (byTrigger || byFunction) candidates.delete(key);
  }
  return candidates;
}

export function planLogic(
  live: FullCatalog,
  target: FullCatalog,
  steps: Step[],
  keep: (kind: KeptObject['kind'], name: string, note: string) => boolean,
  renamed: { table: string; from: string; to: string }[],
  retyped: Set<string>,
  pairings: Map<string, ColumnPairing>,
  droppedColumns: { table: string; column: string }[] = [],
  known: readonly OriginalLogicHash[] = [],
): Probe[] {
  const probes: Probe[] = [];
  const add = (
    phase: Phase,
    summary: string,
    sql: string[],
    checks: CheckSpec[] = [],
    drops?: string[],
  ) =>
    steps.push({
      phase,
      table: undefined,
      summary,
      sql,
      checks,
      rewrites: false,
      longLock: false,
      drops,
    });
  const dropped = new Set<string>();
  for (const [key, trigger] of live.logic.triggers) {
    const wanted = target.logic.triggers.get(key);
    if (wanted && wanted.definition === trigger.definition) continue;
    if (wanted) {
      add(
        'drop',
        `replace trigger ${key} with the schema's`,
        [`drop trigger ${quote(trigger.name)} on ${quote(trigger.table)}`],
        [],
        [`trigger:${key}`],
      );
      add('logic', `create trigger ${key}`, [wanted.definition]);
      dropped.add(key);
      continue;
    }
    const recognition = recogniseTrigger(trigger, known);
    if (recognition.state === 'original' && isReplaced(recognition.decision)) {
      add(
        'drop',
        `drop trigger ${key}: the original's, unchanged (${recognition.lineages.join(', ')}); ${recognition.decision?.how.split(' (')[0]}, which this transaction creates, so the work is never done twice`,
        [`drop trigger ${quote(trigger.name)} on ${quote(trigger.table)}`],
        [],
        [`trigger:${key}`],
      );
      dropped.add(key);
    } else if (
      keep(
        'trigger',
        key,
        keptNote(recognition, `runs ${trigger.function}; not declared by the schema: kept`),
      )
    ) {
      add(
        'drop',
        `drop trigger ${key} (--drop)`,
        [`drop trigger ${quote(trigger.name)} on ${quote(trigger.table)}`],
        [],
        [`trigger:${key}`],
      );
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
        [],
        [`view:${key}`],
      );
      dropped.add(`view:${key}`);
    }
  }
  const recognitions = new Map(
    [...live.logic.functions].map(([key, fn]) => [key, recogniseFunction(fn, known)] as const),
  );
  const replaced = replacedFunctions(live, recognitions, dropped);
  for (const [key, fn] of live.logic.functions) {
    const wanted = target.logic.functions.get(key);
    if (wanted) {
      if (wanted.definition !== fn.definition)
        add('logic', `replace function ${key} with the schema's`, [wanted.definition]);
      dropped.add(`function:${key}`);
      continue;
    }
    const recognition = recognitions.get(key) as Recognition;
    if (replaced.has(key) && recognition.state === 'original') {
      add(
        'drop',
        `drop function ${key}: the original's, unchanged (${recognition.lineages.join(', ')}); ${recognition.decision?.how.split(';')[0]}`,
        [`drop function ${quote(fn.schema)}.${quote(fn.name)}(${fn.arguments})`],
        [],
        [`function:${key}`],
      );
      dropped.add(`function:${key}`);
      continue;
    }
    const note = keptNote(recognition, `${fn.language}; not declared by the schema: kept`);
    if (!keep('function', key, note)) {
      if (recognition.state === 'original' && !returnsTrigger(fn))
        probes.push({ key, call: probeCall(fn) });
      continue;
    }
    add('drop', `drop function ${key} (--drop)`, [
      `drop function ${quote(fn.schema)}.${quote(fn.name)}(${fn.arguments})`,
    ]);
    dropped.add(`function:${key}`);
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
    // Without CASCADE, which would drop whatever the schema holds (and what depends on it
    // elsewhere) silently: the check refuses while it holds anything the plan does not drop.
    if (keep('schema', schema, 'not declared by the schema: kept with what it holds'))
      add(
        'drop',
        `drop schema ${schema} (--drop)`,
        [`drop schema ${quote(schema)}`],
        [{ kind: 'drop-schema', schema, alongside: [...dropped] }],
      );
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
  for (const { table, column } of droppedColumns)
    byColumn.set(`${table}.${column}`, { table, column, change: 'dropped' });
  const changes = [...byColumn.values()];
  for (const change of changes) {
    const word = new RegExp(`\\b${change.column}\\b`, 'i');
    const tableWord = new RegExp(`\\b${change.table}\\b`, 'i');
    const readers: string[] = [];
    for (const [key, fn] of live.logic.functions) {
      if (dropped.has(`function:${key}`) || !word.test(fn.source)) continue;
      // The original's own, unchanged and kept: a retype is no refusal (its body is known; a
      // function is run once after the steps, a trigger's runs on the next write).
      if (change.change === 'retyped' && recognitions.get(key)?.state === 'original') continue;
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
        (s) =>
          (s.phase === 'rename' || s.phase === 'retype' || change.change === 'dropped') &&
          s.table === change.table &&
          (change.change !== 'dropped' || s.summary.startsWith('drop column ')),
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
  return probes;
}
