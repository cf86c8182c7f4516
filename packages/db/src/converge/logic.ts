/**
 * Functions, triggers, views and schemas: the schema's own are created or replaced, the rest
 * kept (or dropped with --drop). And the logic PostgreSQL does not track: a plpgsql body that
 * names a column the plan renames or retypes, a view or trigger condition that reads a retyped
 * column; such a change is refused until that logic is dealt with.
 */
import type { FullCatalog, LiveFunction, LiveTrigger, LiveView } from '../catalog/logic.ts';
import type { OriginalLogicHash } from '../schema/original/logic-hashes.ts';
import { checkLogicReaders, columnChanges } from './logic-readers.ts';
import type { KeptObject, Step } from './model.ts';
import {
  isReplaced,
  keptNote,
  type Recognition,
  recogniseFunction,
  recogniseTrigger,
} from './original-logic.ts';
import { type ColumnPairing, quote } from './pair.ts';
import { dropSchema } from './steps/drop-schema.ts';
import { type ReplaceLogicInput, replaceLogic } from './steps/replace-logic.ts';

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

/** What the logic planners share: the two catalogs, the plan's steps and what it drops. */
export interface LogicContext {
  live: FullCatalog;
  target: FullCatalog;
  steps: Step[];
  keep: (kind: KeptObject['kind'], name: string, note: string) => boolean;
  known: readonly OriginalLogicHash[];
  /** Trigger keys, `view:`, `function:` keys the plan drops (or replaces). */
  dropped: Set<string>;
}

/** Adds the steps replace-logic.ts builds for one change of a function, trigger or view. */
const addLogic = (ctx: LogicContext, input: ReplaceLogicInput) =>
  ctx.steps.push(...replaceLogic.build(input));

/** A live trigger: replaced by the schema's, dropped as the original's replaced one, or kept. */
function planTrigger(ctx: LogicContext, key: string, trigger: LiveTrigger): void {
  const wanted = ctx.target.logic.triggers.get(key);
  if (wanted && wanted.definition === trigger.definition) return;
  const drop = (why: string) => {
    addLogic(ctx, { action: 'drop-trigger', key, trigger, why });
    ctx.dropped.add(key);
  };
  if (wanted) {
    addLogic(ctx, { action: 'replace-trigger', key, trigger, definition: wanted.definition });
    ctx.dropped.add(key);
    return;
  }
  const recognition = recogniseTrigger(trigger, ctx.known);
  if (recognition.state === 'original' && isReplaced(recognition.decision)) {
    drop(
      `: the original's, unchanged (${recognition.lineages.join(', ')}); ${recognition.decision?.how.split(' (')[0]}, which this transaction creates, so the work is never done twice`,
    );
  } else if (
    ctx.keep(
      'trigger',
      key,
      keptNote(recognition, `runs ${trigger.function}; not declared by the schema: kept`),
    )
  ) {
    drop(' (--drop)');
  }
}

/** A live view that differs from the schema's (dropped and recreated) or is not declared. */
function planView(ctx: LogicContext, key: string, view: LiveView): void {
  const wanted = ctx.target.logic.views.get(key);
  if (wanted && wanted.definition === view.definition) return;
  if (wanted || ctx.keep('view', key, 'not declared by the schema: kept')) {
    addLogic(ctx, { action: 'drop-view', key, view, recreated: wanted !== undefined });
    ctx.dropped.add(`view:${key}`);
  }
}

/** A live function: replaced by the schema's, dropped as the original's replaced one, or kept. */
function planFunction(
  ctx: LogicContext,
  key: string,
  fn: LiveFunction,
  recognition: Recognition,
  replaced: boolean,
  probes: Probe[],
): void {
  const wanted = ctx.target.logic.functions.get(key);
  if (wanted) {
    if (wanted.definition !== fn.definition)
      addLogic(ctx, { action: 'replace-function', key, definition: wanted.definition });
    ctx.dropped.add(`function:${key}`);
    return;
  }
  if (replaced && recognition.state === 'original') {
    const why = `: the original's, unchanged (${recognition.lineages.join(', ')}); ${recognition.decision?.how.split(';')[0]}`;
    addLogic(ctx, { action: 'drop-function', key, fn, why, original: true });
    ctx.dropped.add(`function:${key}`);
    return;
  }
  const note = keptNote(recognition, `${fn.language}; not declared by the schema: kept`);
  if (!ctx.keep('function', key, note)) {
    if (recognition.state === 'original' && !returnsTrigger(fn))
      probes.push({ key, call: probeCall(fn) });
    return;
  }
  addLogic(ctx, { action: 'drop-function', key, fn, why: ' (--drop)', original: false });
  ctx.dropped.add(`function:${key}`);
}

/** The schema's functions, views and triggers the database lacks (or whose view was dropped). */
function planCreates(ctx: LogicContext): void {
  const { live, target } = ctx;
  const create = (object: 'function' | 'trigger' | 'view', key: string, definition: string) =>
    addLogic(ctx, { action: 'create', object, key, definition });
  for (const [key, fn] of target.logic.functions)
    if (!live.logic.functions.has(key)) create('function', key, fn.definition);
  for (const [key, view] of target.logic.views)
    if (!live.logic.views.has(key) || ctx.dropped.has(`view:${key}`))
      create(
        'view',
        key,
        `create ${view.materialized ? 'materialized view' : 'view'} ${quote(view.schema)}.${quote(view.name)} as ${view.definition}`,
      );
  for (const [key, trigger] of target.logic.triggers)
    if (!live.logic.triggers.has(key)) create('trigger', key, trigger.definition);
}

/** Schemas the target does not declare: kept, or (--drop) dropped once nothing is left in them. */
function planSchemas(ctx: LogicContext): void {
  for (const schema of ctx.live.logic.schemas) {
    if (ctx.target.logic.schemas.includes(schema)) continue;
    // Without CASCADE, which would drop whatever the schema holds (and what depends on it
    // elsewhere) silently: the check refuses while it holds anything the plan does not drop.
    if (ctx.keep('schema', schema, 'not declared by the schema: kept with what it holds'))
      ctx.steps.push(...dropSchema.build({ schema, before: [...ctx.dropped] }));
  }
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
  const ctx: LogicContext = { live, target, steps, keep, known, dropped: new Set() };
  for (const [key, trigger] of live.logic.triggers) planTrigger(ctx, key, trigger);
  for (const [key, view] of live.logic.views) planView(ctx, key, view);
  const recognitions = new Map(
    [...live.logic.functions].map(([key, fn]) => [key, recogniseFunction(fn, known)] as const),
  );
  const replaced = replacedFunctions(live, recognitions, ctx.dropped);
  for (const [key, fn] of live.logic.functions)
    planFunction(ctx, key, fn, recognitions.get(key) as Recognition, replaced.has(key), probes);
  planCreates(ctx);
  planSchemas(ctx);
  const changes = columnChanges(renamed, retyped, pairings, droppedColumns);
  for (const change of changes) checkLogicReaders(ctx, change, recognitions);
  return probes;
}
