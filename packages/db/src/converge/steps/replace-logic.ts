/**
 * Functions, triggers and views: the schema's created, or replacing the database's; the
 * original's own that the package replaces (recognised by hash) dropped in the same
 * transaction that creates the replacement, so the work is never done twice; --drop names
 * dropped. Which applies to what is decided in logic.ts (original-logic.ts recognises the
 * original's). Its check: a column the plan renames, retypes or drops that kept logic still
 * names (PostgreSQL does not track plpgsql bodies) refuses the plan; the check sits on the
 * step that changes the column (logic-readers.ts finds the readers). No online phases yet.
 */
import type { LiveFunction, LiveTrigger, LiveView } from '../../catalog/logic.ts';
import type { CheckContext } from '../check-sql.ts';
import type { CheckResult, CheckSpec } from '../model.ts';
import { quote } from '../pair.ts';
import { makeStep, type StepKind } from './kind.ts';

export type ReplaceLogicInput =
  /** One the schema declares and the database lacks (`definition` is its CREATE). */
  | { action: 'create'; object: 'function' | 'trigger' | 'view'; key: string; definition: string }
  /** The schema's function over the database's of the same signature (CREATE OR REPLACE). */
  | { action: 'replace-function'; key: string; definition: string }
  /** The database's trigger dropped and the schema's created. */
  | { action: 'replace-trigger'; key: string; trigger: LiveTrigger; definition: string }
  /** `why`: `: the original's, …` or ` (--drop)`. */
  | { action: 'drop-trigger'; key: string; trigger: LiveTrigger; why: string }
  | { action: 'drop-view'; key: string; view: LiveView; recreated: boolean }
  /** `original`: the original's, replaced (its drop is listed for the drop checks). */
  | { action: 'drop-function'; key: string; fn: LiveFunction; why: string; original: boolean };

const dropTriggerSql = (trigger: LiveTrigger) =>
  `drop trigger ${quote(trigger.name)} on ${quote(trigger.table)}`;

const dropFunctionSql = (fn: LiveFunction) =>
  `drop function ${quote(fn.schema)}.${quote(fn.name)}(${fn.arguments})`;

const logicStep = (summary: string, sql: string) =>
  makeStep('replace-logic', 'logic', undefined, summary, [sql]);

const dropStep = (summary: string, sql: string, drops?: string[]) =>
  makeStep('replace-logic', 'drop', undefined, summary, [sql], { drops });

function buildLogic(input: ReplaceLogicInput) {
  switch (input.action) {
    case 'create':
      return [logicStep(`create ${input.object} ${input.key}`, input.definition)];
    case 'replace-function':
      return [logicStep(`replace function ${input.key} with the schema's`, input.definition)];
    case 'replace-trigger':
      return [
        dropStep(`replace trigger ${input.key} with the schema's`, dropTriggerSql(input.trigger), [
          `trigger:${input.key}`,
        ]),
        logicStep(`create trigger ${input.key}`, input.definition),
      ];
    case 'drop-trigger':
      return [
        dropStep(`drop trigger ${input.key}${input.why}`, dropTriggerSql(input.trigger), [
          `trigger:${input.key}`,
        ]),
      ];
    case 'drop-view': {
      const { view } = input;
      return [
        dropStep(
          `drop view ${input.key}${input.recreated ? ' (recreated from the schema below)' : ' (--drop)'}`,
          `drop ${view.materialized ? 'materialized view' : 'view'} ${quote(view.schema)}.${quote(view.name)}`,
          [`view:${input.key}`],
        ),
      ];
    }
    case 'drop-function':
      return [
        dropStep(
          `drop function ${input.key}${input.why}`,
          dropFunctionSql(input.fn),
          input.original ? [`function:${input.key}`] : undefined,
        ),
      ];
  }
}

/** The refusal for a column change that kept logic still names (found when planning). */
export async function checkLogicNames(
  _context: CheckContext,
  spec: Extract<CheckSpec, { kind: 'logic' }>,
): Promise<CheckResult> {
  const fix =
    spec.change === 'dropped'
      ? `rewrite it without the column, or drop it with --drop <name> too, or keep the column, and run again`
      : `rewrite it for the new column, or drop it with --drop <name> (and recreate it afterwards), and run again`;
  return {
    spec,
    ok: false,
    table: spec.table,
    column: spec.column,
    rows: 0,
    examples: spec.readers,
    fix,
    summary: `REFUSED: ${spec.table}.${spec.column} is ${spec.change} by the plan, but database logic still names it: ${spec.readers.join('; ')} (PostgreSQL does not track plpgsql bodies). Fix: ${fix}`,
  };
}

export const replaceLogic: StepKind<ReplaceLogicInput, 'logic'> = {
  name: 'replace-logic',
  checks: { logic: checkLogicNames },
  build: buildLogic,
};
