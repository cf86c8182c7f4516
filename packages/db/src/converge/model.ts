/** The plan's vocabulary: phases, steps, the checks that guard them, and what is kept. */
import type { OnlinePhases, StepKindName } from './steps/kind.ts';

/** The order steps run in: each phase only needs what the earlier ones made. */
export const phases = [
  /** Objects that hold a name the schema needs, moved aside or dropped (collisions.ts). */
  'aside',
  'drop',
  'create',
  'add',
  'rename',
  'backfill',
  'retype',
  'constrain',
  'validate',
  'logic',
  'cleanup',
  'data',
] as const;
export type Phase = (typeof phases)[number];

/** A data check to run before a step, against the rows as they are now. */
export type CheckSpec =
  | {
      kind: 'not-null';
      table: string;
      column: string;
      backfill?: string;
      /** The column's default: the step gives it to the nulls first (counted, never refused). */
      fill?: string;
    }
  | { kind: 'no-source'; table: string; column: string }
  | {
      kind: 'retype';
      table: string;
      column: string;
      fromType: string;
      toType: string;
      enumLabels: string[] | null;
      maxLength: number | null;
      /** Only a length or enum check is needed (a cast that cannot fail otherwise). */
      castSafe: boolean;
    }
  | {
      kind: 'unique';
      table: string;
      /** Every column the constraint or index reads. */
      columns: string[];
      /** The keys as the index renders them (expressions included), when not plain columns. */
      keys?: string[];
      /** A partial index's predicate. */
      predicate?: string | null;
      nullsNotDistinct: boolean;
      name: string;
    }
  | {
      kind: 'foreign-key';
      table: string;
      columns: string[];
      refTable: string;
      refColumns: string[];
      name: string;
    }
  | { kind: 'check'; table: string; name: string; expression: string }
  | { kind: 'logic'; table: string; column: string; change: string; readers: string[] }
  | {
      kind: 'drop-schema';
      schema: string;
      /** What the plan drops before it (`function:s.f(args)`, `view:s.v`). */
      alongside: string[];
    }
  | {
      kind: 'drop-column';
      table: string;
      column: string;
      /** What the plan drops before or with it (`view:s.v`, `trigger:t.tg`, `column:t.c`, …). */
      alongside: string[];
    }
  | {
      kind: 'drop-table';
      table: string;
      /** What the plan drops before or with it (`table:t`, `view:s.v`, `constraint:t.c`, `column:t.c`). */
      alongside: string[];
    };

export interface CheckResult {
  spec: CheckSpec;
  ok: boolean;
  /** One line for the plan comment: `ok: no nulls` or the refusal. */
  summary: string;
  table: string;
  column: string | undefined;
  rows: number;
  examples: string[];
  fix: string | undefined;
}

export interface Step {
  /** The kind of step, and so the module of steps/ that built it (steps/kind.ts). */
  kind: StepKindName;
  phase: Phase;
  table: string | undefined;
  /** One line saying what the step does, for people. */
  summary: string;
  sql: string[];
  checks: CheckSpec[];
  /** The step rewrites every row of its table (a retype or a backfill). */
  rewrites: boolean;
  /** The step holds an ACCESS EXCLUSIVE lock while it reads the whole table. */
  longLock: boolean;
  /** What a drop step drops, in the form `alongside` takes (`constraint:t.c`, `view:s.v`, …). */
  drops?: string[];
  /** Its online phases (issue 26), where its kind has them; offline runs `sql` instead. */
  online?: OnlinePhases;
}

export type KeptKind = 'table' | 'column' | 'function' | 'trigger' | 'view' | 'schema' | 'enum';

export interface KeptObject {
  kind: KeptKind;
  /** What --drop takes: `table`, `table.column`, `schema.fn(args)`, `table.trigger`, `schema.view`. */
  name: string;
  /** Rows (tables) or non-null values (columns), when counted. */
  rows: number | null;
  /** Why it is kept, or that --drop drops it. */
  note: string;
  dropped: boolean;
}
