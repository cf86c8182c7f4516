/**
 * The structural plan: the live catalog against the target catalog, both read by the same
 * reader from the same kind of server, so equal things render equal. Pure: no queries here;
 * the data checks each step needs are attached as specs and run by `checks.ts`. The planner
 * decides which kind of step applies to what and composes them; each kind is one module of
 * steps/ (its SQL, its plan line, its check, its online phases: steps/kind.ts).
 */
import type { FullCatalog } from '../catalog/logic.ts';
import type { OriginalLogicHash } from '../schema/original/logic-hashes.ts';
import { planColumn } from './columns.ts';
import { type AddSteps, planConstraints } from './constraints.ts';
import { planEnums, planUnusedEnums } from './enums.ts';
import { type Probe, planLogic } from './logic.ts';
import type { KeptObject, Step } from './model.ts';
import { type ColumnPairing, pairColumns, quote } from './pair.ts';
import { planSecurity } from './security.ts';
import { createExtension } from './steps/create-extension.ts';
import { createSchema } from './steps/create-schema.ts';
import { createTable } from './steps/create-table.ts';
import { checkDropColumnAgainst, dropColumn } from './steps/drop-column.ts';
import { dropTable } from './steps/drop-table.ts';
import { secure } from './steps/secure.ts';

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
  /** The original's kept functions, run once after the steps. */
  probes: Probe[];
}

export interface StructuralOptions {
  /** Hashes of logic to recognise as the original's besides the references' (tests). */
  known?: readonly OriginalLogicHash[];
  /** The zone a timestamp's wall-clock time is read in (castSql). */
  timeZone?: string;
}

/** What the structural planners share while one plan is built. */
interface PlanBuilder {
  live: FullCatalog;
  target: FullCatalog;
  steps: Step[];
  kept: KeptObject[];
  sources: Map<string, Map<string, ColumnSource>>;
  pairings: Map<string, ColumnPairing>;
  /** Adds steps a kind built (steps/), in the order they run within their phase. */
  add: AddSteps;
  /** Notes an object the schema does not declare as kept; true when --drop names it. */
  keep: (kind: KeptObject['kind'], name: string, note: string) => boolean;
  zone: string | undefined;
}

function planBuilder(
  live: FullCatalog,
  target: FullCatalog,
  dropNames: Set<string>,
  zone: string | undefined,
): PlanBuilder {
  const steps: Step[] = [];
  const kept: KeptObject[] = [];
  const add: AddSteps = (built) => {
    steps.push(...built);
  };
  const keep: PlanBuilder['keep'] = (kind, name, note) => {
    const dropped = dropNames.has(name);
    kept.push({ kind, name, rows: null, note: dropped ? 'dropped (--drop)' : note, dropped });
    return dropped;
  };
  return { live, target, steps, kept, sources: new Map(), pairings: new Map(), add, keep, zone };
}

/** Schemas and extensions the target has and the database lacks. */
function planSchemasAndExtensions({ live, target, add }: PlanBuilder): void {
  for (const schema of target.logic.schemas)
    if (!live.logic.schemas.includes(schema)) add(createSchema.build({ schema }));
  for (const extension of target.schema.extensions.keys())
    if (!live.schema.extensions.has(extension)) add(createExtension.build({ extension }));
}

/** The column changes the tables' steps make, which later planners read. */
interface TableChanges {
  /** `table.column` (target names) whose type changes. */
  retyped: Set<string>;
  renamedColumns: { table: string; from: string; to: string }[];
  /** Columns the schema does not declare that --drop names. */
  droppedColumns: { table: string; column: string }[];
}

/** Each target table: created, or its columns paired and planned one by one. */
function planTables(b: PlanBuilder, rebuiltEnums: Set<string>): TableChanges {
  const changes: TableChanges = { retyped: new Set(), renamedColumns: [], droppedColumns: [] };
  for (const want of b.target.schema.tables.values()) {
    const have = b.live.schema.tables.get(want.name);
    if (!have) {
      b.add(createTable.build({ table: want }));
      continue;
    }
    const pairing = pairColumns(have, want);
    b.pairings.set(want.name, pairing);
    const tableSources = new Map<string, ColumnSource>();
    b.sources.set(want.name, tableSources);
    const context = {
      want,
      have,
      pairing,
      target: b.target,
      rebuiltEnums,
      retyped: changes.retyped,
      renamedColumns: changes.renamedColumns,
      tableSources,
      add: b.add,
      zone: b.zone,
    };
    for (const column of [...want.columns.values()].sort((x, y) => x.position - y.position))
      planColumn(context, column);
    for (const name of pairing.unpaired) {
      const full = `${want.name}.${name}`;
      if (b.keep('column', full, 'not declared by the schema: kept with its data'))
        changes.droppedColumns.push({ table: want.name, column: name });
    }
  }
  return changes;
}

export function buildStructuralPlan(
  live: FullCatalog,
  target: FullCatalog,
  dropNames: Set<string>,
  options: StructuralOptions = {},
): StructuralPlan {
  const b = planBuilder(live, target, dropNames, options.timeZone);
  const { steps, kept, pairings, add } = b;
  planSchemasAndExtensions(b);
  const rebuiltEnums = planEnums(live, target, add);
  const { retyped, renamedColumns, droppedColumns } = planTables(b, rebuiltEnums);
  planConstraints(live, target, pairings, retyped, add);
  const droppedTables = undeclaredTables(b);
  // --drop columns after the views, triggers and functions the plan drops (which may read
  // them), before the tables; each without CASCADE, checked for what else depends on it.
  const droppedColumnSteps = planColumnDrops(b, droppedColumns);
  const probes = planLogic(
    live,
    target,
    steps,
    b.keep,
    renamedColumns,
    retyped,
    pairings,
    droppedColumns,
    options.known ?? [],
  );
  planSecurity(live, target, (phase, table, summary, sql) => {
    const [made] = secure.build({ phase, table, summary, sql });
    steps.push(made as Step);
    return made as Step;
  });
  markTriggersDroppedWithTables(kept, droppedTables);
  finishColumnDrops(steps, droppedColumns, droppedColumnSteps);
  planTableDrops(b, droppedTables);
  planUnusedEnums(live, target, pairings, rebuiltEnums, add, b.keep);
  return { steps: mergeRetypes(steps), kept, sources: b.sources, pairings, probes };
}

/** Tables the schema does not declare: kept, or named by --drop. */
function undeclaredTables(b: PlanBuilder): string[] {
  const droppedTables: string[] = [];
  for (const table of b.live.schema.tables.values()) {
    if (b.target.schema.tables.has(table.name)) continue;
    if (b.keep('table', table.name, 'not declared by the schema: kept with its rows'))
      droppedTables.push(table.name);
  }
  return droppedTables;
}

/** The --drop column steps (moved to the end of the drops once the logic is planned). */
function planColumnDrops(b: PlanBuilder, droppedColumns: TableChanges['droppedColumns']): Step[] {
  return droppedColumns.flatMap((input) => {
    const built = dropColumn.build(input);
    b.add(built);
    return built;
  });
}

/** A trigger the schema lacks on a table --drop drops goes with the table: not kept. */
function markTriggersDroppedWithTables(kept: KeptObject[], droppedTables: string[]): void {
  for (const object of kept) {
    const table = object.name.split('.')[0] ?? '';
    if (object.kind === 'trigger' && !object.dropped && droppedTables.includes(table)) {
      object.dropped = true;
      object.note = `dropped with table ${table} (--drop)`;
    }
  }
}

/** Moves the column drops after the logic's drops, each checked against what else it drops. */
function finishColumnDrops(
  steps: Step[],
  droppedColumns: TableChanges['droppedColumns'],
  droppedColumnSteps: Step[],
): void {
  for (const dropped of droppedColumnSteps) {
    steps.splice(steps.indexOf(dropped), 1);
    steps.push(dropped);
  }
  const alongsideColumns = steps.filter((s) => s.phase === 'drop').flatMap((s) => s.drops ?? []);
  droppedColumns.forEach((input, i) => {
    const step = droppedColumnSteps[i];
    if (step) checkDropColumnAgainst(step, input, alongsideColumns);
  });
}

/** --drop tables last of the drop phase, checked against everything else the plan drops. */
function planTableDrops({ steps, add }: PlanBuilder, droppedTables: string[]): void {
  const before = steps.filter((s) => s.phase === 'drop').flatMap((s) => s.drops ?? []);
  add(dropTable.build({ tables: droppedTables, before }));
}

/**
 * One ALTER TABLE per table for all its column changes: PostgreSQL then rewrites the table once,
 * not once per column. Every USING expression still reads the row as it was.
 */
function mergeRetypes(steps: Step[]): Step[] {
  const merged: Step[] = [];
  const byTable = new Map<string, Step>();
  for (const step of steps) {
    if (step.phase !== 'retype' || !step.table) {
      merged.push(step);
      continue;
    }
    const prefix = `alter table ${quote(step.table)} `;
    const actions = step.sql.map((statement) => statement.slice(prefix.length));
    const first = byTable.get(step.table);
    if (!first) {
      const copy = {
        ...step,
        sql: [`${prefix.trimEnd()}\n  ${actions.join(',\n  ')}`],
        checks: [...step.checks],
      };
      byTable.set(step.table, copy);
      merged.push(copy);
      continue;
    }
    first.summary = `${first.summary}\n${step.summary}`;
    first.sql = [`${first.sql[0]},\n  ${actions.join(',\n  ')}`];
    first.checks.push(...step.checks);
    first.rewrites ||= step.rewrites;
    first.longLock ||= step.longLock;
  }
  return merged;
}
