/**
 * Indexes of a paired table that no constraint backs, paired by meaning: renamed when an equal
 * definition has another name, rebuilt when invalid, created (a unique one with its duplicate
 * check) when missing, dropped when the schema no longer has them (no row is lost).
 */
import type { ConstraintTable } from './constraints.ts';
import { indexSignature, pairByMeaning } from './pair.ts';
import { createIndex } from './steps/create-index.ts';
import { dropIndex } from './steps/drop-index.ts';
import { renameConstraint } from './steps/rename-constraint.ts';

export function planIndexes(ct: ConstraintTable): void {
  const { want, have, liveToTarget, add } = ct;
  const table = want.name;
  const liveIndexes = have
    ? [...have.indexes.values()].filter((i) => !i.constraintBacked && !ct.touchesKept(i.columns))
    : [];
  const wantIndexes = [...want.indexes.values()].filter((i) => !i.constraintBacked);
  const indexPairs = pairByMeaning(
    liveIndexes,
    wantIndexes,
    (i) => indexSignature(i, liveToTarget),
    (i) => indexSignature(i, undefined),
  );
  for (const index of indexPairs.extra) add(dropIndex.build({ table, name: index.name }));
  for (const [name, { live: found, renamed }] of indexPairs.matched) {
    if (renamed)
      add(renameConstraint.build({ table, object: 'index', from: found.name, to: name }));
    else if (!found.valid) add(createIndex.build({ table, index: found, rebuild: true }));
  }
  for (const index of indexPairs.missing) add(createIndex.build({ table, index }));
}
