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
import type { Step } from './model.ts';
import { type ColumnPairing, constraintSignature, pairByMeaning } from './pair.ts';
import { addCheck } from './steps/add-check.ts';
import { addForeignKey } from './steps/add-foreign-key.ts';
import { addUnique } from './steps/add-unique.ts';
import { changeForeignKey } from './steps/change-foreign-key.ts';
import { dropConstraint } from './steps/drop-constraint.ts';
import { renameConstraint } from './steps/rename-constraint.ts';
import { validateConstraint } from './steps/validate-constraint.ts';

/** Adds steps to the plan, in the order they run within their phase. */
export type AddSteps = (steps: Step[]) => void;

/** One target table's constraints and indexes being planned. */
export interface ConstraintTable {
  want: LiveTable;
  have: LiveTable | undefined;
  liveToTarget: Map<string, string> | undefined;
  /** Whether any of these (live) columns is kept outside the schema. */
  touchesKept: (columns: string[]) => boolean;
  add: AddSteps;
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

/** A foreign key's NOT VALID step goes after every table's; its validation in its phase. */
const laterForeignKey = (ct: ConstraintTable) => (fk: Step[]) => {
  for (const step of fk) {
    if (step.kind === 'add-foreign-key') ct.laterFks.push(step);
    else ct.add([step]);
  }
};

/**
 * Adds a missing constraint: a foreign key NOT VALID after every other step (validated in its
 * phase), a check or a unique with its data check.
 */
function addConstraint(ct: ConstraintTable, c: LiveConstraint): void {
  const input = { table: ct.want.name, constraint: c };
  if (c.type === 'foreign key') laterForeignKey(ct)(addForeignKey.build(input));
  else ct.add((c.type === 'check' ? addCheck : addUnique).build(input));
}

/** A constraint both have: changed (a foreign key), renamed, or validated as the schema says. */
function planMatchedConstraint(
  ct: ConstraintTable,
  name: string,
  match: { live: LiveConstraint; renamed: boolean; onDeleteOnly: boolean },
  retyped: Set<string>,
): void {
  const { want } = ct;
  const { live: found, renamed, onDeleteOnly } = match;
  const wantC = want.constraints.get(name) as LiveConstraint;
  const fkTouchesRetype =
    found.type === 'foreign key' &&
    (found.columns.some((col) => retyped.has(`${want.name}.${col}`)) ||
      found.referencedColumns.some((col) => retyped.has(`${found.referencedTable}.${col}`)));
  if (onDeleteOnly || fkTouchesRetype) {
    const [drop, ...add] = changeForeignKey.build({
      table: want.name,
      live: found,
      wanted: wantC,
      onDeleteOnly,
    });
    ct.add([drop as Step]);
    laterForeignKey(ct)(add);
    return;
  }
  if (renamed)
    ct.add(
      renameConstraint.build({
        table: want.name,
        object: 'constraint',
        from: found.name,
        to: name,
      }),
    );
  if (!found.validated && wantC.validated)
    ct.add(validateConstraint.build({ table: want.name, name }));
}

/** One table's constraints: added, changed, renamed, validated and dropped. */
function planTableConstraints(
  ct: ConstraintTable,
  pairings: Map<string, ColumnPairing>,
  retyped: Set<string>,
): void {
  const pairs = pairConstraints(ct, pairings);
  for (const c of pairs.missing) addConstraint(ct, c);
  for (const [name, match] of pairs.matched) planMatchedConstraint(ct, name, match, retyped);
  for (const c of pairs.extra) ct.add(dropConstraint.build({ table: ct.want.name, name: c.name }));
}

export function planConstraints(
  live: FullCatalog,
  target: FullCatalog,
  pairings: Map<string, ColumnPairing>,
  retyped: Set<string>,
  add: AddSteps,
): void {
  const laterFks: Step[] = [];
  for (const want of target.schema.tables.values()) {
    const pairing = pairings.get(want.name);
    const keptColumns = new Set(pairing?.unpaired ?? []);
    const ct: ConstraintTable = {
      want,
      have: live.schema.tables.get(want.name),
      liveToTarget: pairing?.liveToTarget,
      touchesKept: (columns) => columns.some((c) => keptColumns.has(c)),
      add,
      laterFks,
    };
    planTableConstraints(ct, pairings, retyped);
    planIndexes(ct);
  }
  add(laterFks);
}
