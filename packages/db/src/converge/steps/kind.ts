/**
 * What every kind of step shares: the small interface of pgroll's `migrations.go`, which each
 * of its `op_*.go` implements with Validate, Start, Complete and Rollback.
 *
 * A kind of step is one module of this folder. It exports one `StepKind`:
 * - `checks` (Validate): its data checks, run against the rows as they are, before any DDL;
 *   a refusal names table, column, row count, examples and the fix (check-sql.ts `result`);
 * - `build` (the offline Start and Complete at once): pure, from what the planner paired to
 *   the steps, each with its SQL, its line in the plan (`summary`), the check specs that guard
 *   it, and, where the kind has them, its online phases;
 * - `OnlinePhases` (issue 26): expand (`start`), a batched `backfill`, contract (`complete`)
 *   and `rollback`, for `--online`, which runs them outside one transaction.
 *
 * The planner (diff.ts and the files it calls: columns.ts, constraints.ts, indexes.ts,
 * enums.ts, logic.ts, collisions.ts) only decides which kind applies to what, and composes
 * the steps; checks.ts runs every kind's checks. The list of kinds is `stepKindNames`.
 */
import type { CheckContext } from '../check-sql.ts';
import type { CheckResult, CheckSpec, Phase, Step } from '../model.ts';

/** Every kind of step, one module of steps/ each (the file is the name). */
export const stepKindNames = [
  'move-aside',
  'create-schema',
  'create-extension',
  'create-enum',
  'create-table',
  'add-column',
  'backfill',
  'rename-column',
  'rename-constraint',
  'retype',
  'set-not-null',
  'add-unique',
  'add-check',
  'add-foreign-key',
  'change-foreign-key',
  'validate-constraint',
  'create-index',
  'drop-constraint',
  'drop-index',
  'replace-logic',
  'secure',
  'drop-column',
  'drop-table',
  'drop-schema',
  'drop-enum',
] as const;
export type StepKindName = (typeof stepKindNames)[number];

/** The data check of one kind of CheckSpec. */
export type CheckRunner<K extends CheckSpec['kind']> = (
  context: CheckContext,
  spec: Extract<CheckSpec, { kind: K }>,
) => Promise<CheckResult>;

/** One runner for each kind of CheckSpec in K (all of them, by default). */
export type CheckRunners<K extends CheckSpec['kind'] = CheckSpec['kind']> = {
  [P in K]: CheckRunner<P>;
};

/**
 * The online form of a step (issue 26, `--online`), as pgroll runs an operation: each phase
 * its own short transaction under a short lock_timeout, recorded as it completes so a killed
 * run resumes. The data checks (`StepKind.checks`) run before `start`, as offline.
 */
export interface OnlinePhases {
  /**
   * Expand: what takes only brief locks and leaves the old shape working (a nullable column,
   * a constraint NOT VALID, an index built CONCURRENTLY, the trigger that keeps a new column
   * in step with writes).
   */
  start: string[];
  /**
   * The rows rewritten in batches, when the step rewrites rows: one statement touching at
   * most `size` rows, run again until it touches none.
   */
  backfill?: { table: string; batch: (size: number) => string };
  /** Contract: the switch (validate, set NOT NULL, the new column over the old, drop the old). */
  complete: string[];
  /** Undoes `start` (and the backfill) when the run is aborted before `complete`. */
  rollback: string[];
  /** Some statement cannot run inside a transaction block (CREATE INDEX CONCURRENTLY). */
  outsideTransaction?: boolean;
}

/**
 * One kind of step. `Input` is what the planner hands it (a column pair, a constraint, a
 * function to replace); `Checks` the kinds of CheckSpec whose check it owns.
 */
export interface StepKind<Input, Checks extends CheckSpec['kind'] = never> {
  name: StepKindName;
  /** Validate: its data checks, run before any DDL (every CheckSpec kind has one owner). */
  checks: CheckRunners<Checks>;
  /** Its steps for one input, in the order they run: SQL, plan line, checks, online phases. */
  build(input: Input): Step[];
}

/** A step with the defaults most have: no checks, no rewrite, no long lock. */
export function makeStep(
  kind: StepKindName,
  phase: Phase,
  table: string | undefined,
  summary: string,
  sql: string[],
  extra: Partial<Omit<Step, 'kind' | 'phase' | 'table' | 'summary' | 'sql'>> = {},
): Step {
  return {
    kind,
    phase,
    table,
    summary,
    sql,
    checks: [],
    rewrites: false,
    longLock: false,
    ...extra,
  };
}

/** The online phases of a step that is its own short-lock DDL already (rolled back by `undo`). */
export function asIs(sql: string[], undo: string[]): OnlinePhases {
  return { start: sql, complete: [], rollback: undo };
}
