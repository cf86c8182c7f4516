/**
 * Constraints and indexes of the paired tables, paired by meaning (pair.ts): renamed when an
 * equal definition has another name, changed in one step when a foreign key differs only in
 * `on delete` or its columns change type, added with a data check when missing, dropped when
 * the schema no longer has them (no row is lost). Foreign keys are added NOT VALID after every
 * unique they need, then validated.
 */
import type { LiveConstraint, LiveTable } from '../catalog/introspect.ts';
import type { FullCatalog } from '../catalog/logic.ts';
import { planIndexes } from './indexes.ts';
import type { CheckSpec, Phase, Step } from './model.ts';
import { type ColumnPairing, constraintSignature, pairByMeaning, quote } from './pair.ts';
import { planAddForeignKey } from './steps/add-foreign-key.ts';

export type AddStep = (
  phase: Phase,
  table: string | undefined,
  summary: string,
  sql: string[],
  extra?: Partial<Step>,
) => void;

/** One target table's constraints and indexes being planned. */
export interface ConstraintTable {
  want: LiveTable;
  have: LiveTable | undefined;
  /** The table's name, quoted. */
  t: string;
  liveToTarget: Map<string, string> | undefined;
  /** Whether any of these (live) columns is kept outside the schema. */
  touchesKept: (columns: string[]) => boolean;
  step: AddStep;
  /** Foreign keys, added after every other step of every table (their uniques first). */
  laterFks: Step[];
}

/** The live constraints paired with the schema's by meaning (renames and on-delete changes seen). */
function pairConstraints(ct: ConstraintTable, pairings: Map<string, ColumnPairing>) {
  const { want, have, liveToTarget } = ct;
  const refMap = (table: string | null) => (table ? pairings.get(table)?.liveToTarget : undefined);
  const liveConstraints = have
    ? [...have.constraints.values()].filter((c) => !ct.touchesKept(c.columns))
    : [];
  const wantConstraints = [...want.constraints.values()];
  const strict = (c: LiveConstraint, map: Map<string, string> | undefined) =>
    `${constraintSignature(c, map, refMap(c.referencedTable))} ${c.onDelete ?? ''}`;
  return pairByMeaning(
    liveConstraints,
    wantConstraints,
    (c) => strict(c, liveToTarget),
    (c) => strict(c, undefined),
    {
      live: (c) => constraintSignature(c, liveToTarget, refMap(c.referencedTable)),
      target: (c) => constraintSignature(c, undefined, undefined),
    },
  );
}

/** The data check a new check, unique or primary key constraint needs. */
function constraintChecks(table: string, c: LiveConstraint): CheckSpec[] {
  if (c.type === 'check')
    return [
      {
        kind: 'check',
        table,
        name: c.name,
        expression: c.definition.replace(/^CHECK\s*/, '').replace(/\s*NOT VALID$/, ''),
      },
    ];
  if (c.type === 'unique' || c.type === 'primary key')
    return [
      {
        kind: 'unique',
        table,
        columns: c.columns,
        nullsNotDistinct: c.nullsNotDistinct || c.type === 'primary key',
        name: c.name,
      },
    ];
  return [];
}

/** Adds a missing constraint: a foreign key later and NOT VALID, the rest with their check. */
function addConstraint(ct: ConstraintTable, c: LiveConstraint): void {
  if (c.type === 'foreign key') {
    planAddForeignKey(ct, c);
    return;
  }
  const { want, t } = ct;
  ct.step(
    'constrain',
    want.name,
    `add ${c.type} ${c.name} on ${want.name}`,
    [`alter table ${t} add constraint ${quote(c.name)} ${c.definition}`],
    { checks: constraintChecks(want.name, c), longLock: true },
  );
}

/** A constraint both have: changed (a foreign key), renamed, or validated as the schema says. */
function planMatchedConstraint(
  ct: ConstraintTable,
  name: string,
  match: { live: LiveConstraint; renamed: boolean; onDeleteOnly: boolean },
  retyped: Set<string>,
): void {
  const { want, t, step } = ct;
  const { live: found, renamed, onDeleteOnly } = match;
  const wantC = want.constraints.get(name) as LiveConstraint;
  const fkTouchesRetype =
    found.type === 'foreign key' &&
    (found.columns.some((col) => retyped.has(`${want.name}.${col}`)) ||
      found.referencedColumns.some((col) => retyped.has(`${found.referencedTable}.${col}`)));
  if (onDeleteOnly || fkTouchesRetype) {
    const why = onDeleteOnly
      ? `on delete ${found.onDelete} → ${wantC.onDelete}`
      : 'its columns change type';
    step(
      'drop',
      want.name,
      `change foreign key ${name} on ${want.name} (${why}): dropped here, added back below`,
      [`alter table ${t} drop constraint ${quote(found.name)}`],
      { drops: [`constraint:${want.name}.${found.name}`] },
    );
    addConstraint(ct, wantC);
    return;
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

/** One table's constraints: added, changed, renamed, validated and dropped. */
function planTableConstraints(
  ct: ConstraintTable,
  pairings: Map<string, ColumnPairing>,
  retyped: Set<string>,
): void {
  const { want, t } = ct;
  const pairs = pairConstraints(ct, pairings);
  for (const c of pairs.missing) addConstraint(ct, c);
  for (const [name, match] of pairs.matched) planMatchedConstraint(ct, name, match, retyped);
  for (const c of pairs.extra) {
    ct.step(
      'drop',
      want.name,
      `drop constraint ${c.name} on ${want.name} (not in the schema; no row is lost)`,
      [`alter table ${t} drop constraint ${quote(c.name)}`],
      { drops: [`constraint:${want.name}.${c.name}`] },
    );
  }
}

export function planConstraints(
  live: FullCatalog,
  target: FullCatalog,
  pairings: Map<string, ColumnPairing>,
  retyped: Set<string>,
  step: AddStep,
  steps: Step[],
): void {
  const laterFks: Step[] = [];
  for (const want of target.schema.tables.values()) {
    const pairing = pairings.get(want.name);
    const keptColumns = new Set(pairing?.unpaired ?? []);
    const ct: ConstraintTable = {
      want,
      have: live.schema.tables.get(want.name),
      t: quote(want.name),
      liveToTarget: pairing?.liveToTarget,
      touchesKept: (columns) => columns.some((c) => keptColumns.has(c)),
      step,
      laterFks,
    };
    planTableConstraints(ct, pairings, retyped);
    planIndexes(ct);
  }
  steps.push(...laterFks);
}
