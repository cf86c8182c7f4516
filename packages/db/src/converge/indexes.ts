/**
 * Indexes of a paired table that no constraint backs, paired by meaning: renamed when an equal
 * definition has another name, rebuilt when invalid, created (a unique one with its duplicate
 * check) when missing, dropped when the schema no longer has them (no row is lost).
 */
import type { LiveIndex } from '../catalog/introspect.ts';
import type { ConstraintTable } from './constraints.ts';
import type { CheckSpec } from './model.ts';
import { indexSignature, pairByMeaning, quote } from './pair.ts';

/** The duplicate check a new unique index needs. */
function indexChecks(table: string, index: LiveIndex): CheckSpec[] {
  if (!index.unique) return [];
  return [
    {
      kind: 'unique',
      table,
      columns: index.columns,
      keys: index.keys,
      predicate: index.predicate,
      nullsNotDistinct: false,
      name: index.name,
    },
  ];
}

export function planIndexes(ct: ConstraintTable): void {
  const { want, have, liveToTarget, step } = ct;
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
  for (const index of indexPairs.extra)
    step(
      'drop',
      want.name,
      `drop index ${index.name} on ${want.name} (not in the schema; no row is lost)`,
      [`drop index ${quote(index.name)}`],
    );
  for (const [name, { live: found, renamed }] of indexPairs.matched) {
    if (renamed)
      step('rename', want.name, `rename index ${found.name} to ${name} (same definition)`, [
        `alter index ${quote(found.name)} rename to ${quote(name)}`,
      ]);
    else if (!found.valid)
      step(
        'constrain',
        want.name,
        `rebuild invalid index ${name}`,
        [`reindex index ${quote(name)}`],
        {
          longLock: true,
        },
      );
  }
  for (const index of indexPairs.missing)
    step('constrain', want.name, `create index ${index.name} on ${want.name}`, [index.definition], {
      checks: indexChecks(want.name, index),
      longLock: true,
    });
}
