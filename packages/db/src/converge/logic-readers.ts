/**
 * The logic PostgreSQL does not track: function bodies, and views and trigger conditions that
 * would stop a retype. A change to a column they name is refused until they are dealt with.
 */
import type { LogicContext } from './logic.ts';
import type { Recognition } from './original-logic.ts';
import type { ColumnPairing } from './pair.ts';

/** A column the plan renames, retypes or drops, by its live name. */
export interface ColumnChange {
  table: string;
  column: string;
  change: string;
}

/** The columns the plan renames, retypes or drops, one entry a column. */
export function columnChanges(
  renamed: { table: string; from: string; to: string }[],
  retyped: Set<string>,
  pairings: Map<string, ColumnPairing>,
  droppedColumns: { table: string; column: string }[],
): ColumnChange[] {
  const byColumn = new Map<string, ColumnChange>();
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
  return [...byColumn.values()];
}

/** Kept functions whose body names the changed column (and its table, or runs as its trigger). */
function functionReaders(
  ctx: LogicContext,
  change: ColumnChange,
  recognitions: Map<string, Recognition>,
): string[] {
  const { live, dropped } = ctx;
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
  return readers;
}

/** Kept views that read a retyped column, and kept triggers whose condition names it. */
function retypeReaders(ctx: LogicContext, change: ColumnChange): string[] {
  const { live, dropped } = ctx;
  const word = new RegExp(`\\b${change.column}\\b`, 'i');
  const readers: string[] = [];
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
  return readers;
}

/** Puts a logic check on the step that makes the change, when kept logic reads the column. */
export function checkLogicReaders(
  ctx: LogicContext,
  change: ColumnChange,
  recognitions: Map<string, Recognition>,
): void {
  const readers = functionReaders(ctx, change, recognitions);
  if (change.change.endsWith('retyped')) readers.push(...retypeReaders(ctx, change));
  if (readers.length === 0) return;
  const steps = ctx.steps;
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
