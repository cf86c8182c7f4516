/**
 * Pairing before diffing: a live table or column with its target by name or by a declared
 * rename (`originalRenames`), and constraints and indexes by what they mean rather than what
 * they are called, so that an equal definition under another name is a rename and a foreign
 * key that differs only in `on delete` is one change.
 */

import type { LiveConstraint, LiveIndex, LiveTable } from '../catalog/introspect.ts';
import { normalizeExpression } from '../catalog/normalize.ts';
import { type OriginalRename, originalRenames } from '../schema/original/renames.ts';

export const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** For one table: target column name → the live column it comes from, and the rename if any. */
export interface ColumnPairing {
  source: Map<string, { live: string; rename: OriginalRename | undefined }>;
  /** Live columns with no target: kept (or dropped with --drop). */
  unpaired: string[];
  /** Live name → target name, for reading live definitions in target terms. */
  liveToTarget: Map<string, string>;
}

export function pairColumns(live: LiveTable, target: LiveTable): ColumnPairing {
  const source: ColumnPairing['source'] = new Map();
  const liveToTarget = new Map<string, string>();
  for (const name of target.columns.keys()) {
    if (live.columns.has(name)) {
      source.set(name, { live: name, rename: undefined });
      liveToTarget.set(name, name);
      continue;
    }
    const rename = originalRenames.find(
      (r) =>
        r.table === target.name &&
        r.to === name &&
        live.columns.has(r.from) &&
        !target.columns.has(r.from),
    );
    if (rename) {
      source.set(name, { live: rename.from, rename });
      liveToTarget.set(rename.from, name);
    }
  }
  const unpaired = [...live.columns.keys()].filter((name) => !liveToTarget.has(name));
  return { source, unpaired, liveToTarget };
}

const mapNames = (names: string[], map: Map<string, string> | undefined) =>
  names.map((name) => map?.get(name) ?? name);

/**
 * What a constraint means, in target column names. Foreign keys leave out `on delete`, which
 * is compared on its own so that a difference there is one change.
 */
export function constraintSignature(
  constraint: LiveConstraint,
  columns: Map<string, string> | undefined,
  referenced: Map<string, string> | undefined,
): string {
  const cols = mapNames(constraint.columns, columns).join(',');
  switch (constraint.type) {
    case 'primary key':
      return `p(${cols})`;
    case 'unique':
      return `u(${cols})${constraint.nullsNotDistinct ? ' nulls not distinct' : ''}`;
    case 'foreign key':
      return `f(${cols})>${constraint.referencedTable}(${mapNames(constraint.referencedColumns, referenced).join(',')}) ${constraint.fkOptions ?? ''}`;
    default:
      // A check's text as PostgreSQL prints it depends on the column's type when it was added
      // (`(c)::text = ANY (ARRAY['a'::character varying])` for a varchar since retyped to text):
      // compared by meaning, as the audit does.
      return `${constraint.type}:${normalizeExpression(constraint.definition)}`;
  }
}

export function indexSignature(index: LiveIndex, columns: Map<string, string> | undefined): string {
  const keys = index.keys.map((key, i) => {
    const bare = key.replace(/^"(.*)"$/, '$1');
    const name = columns?.get(bare) ?? bare;
    const opclass = index.defaultOpclasses[i] === false ? ` ${index.opclasses[i]}` : '';
    return `${name}${opclass} ${index.orderings[i] ?? ''}`;
  });
  return `${index.unique ? 'unique ' : ''}${index.method}(${keys.join(',')}) with(${[...index.options].sort().join(',')}) where(${index.predicate ?? ''})`;
}

export interface Pairing<T> {
  /** Target name → live object it pairs with. */
  matched: Map<string, { live: T; renamed: boolean; onDeleteOnly: boolean }>;
  /** Target objects with no live counterpart. */
  missing: T[];
  /** Live objects with no target counterpart. */
  extra: T[];
}

/**
 * Pairs by name and meaning first, then by meaning alone (a rename), then — for foreign keys —
 * by everything but `on delete` (one change).
 */
export function pairByMeaning<T extends { name: string }>(
  live: T[],
  target: T[],
  liveMeaning: (item: T) => string,
  targetMeaning: (item: T) => string,
  loose?: { live: (item: T) => string; target: (item: T) => string },
): Pairing<T> {
  const matched: Pairing<T>['matched'] = new Map();
  const used = new Set<string>();
  const pending: T[] = [];
  for (const want of target) {
    const same = live.find((item) => item.name === want.name);
    if (same && liveMeaning(same) === targetMeaning(want)) {
      matched.set(want.name, { live: same, renamed: false, onDeleteOnly: false });
      used.add(same.name);
    } else pending.push(want);
  }
  const stillPending: T[] = [];
  for (const want of pending) {
    const meaning = targetMeaning(want);
    const other = live.find((item) => !used.has(item.name) && liveMeaning(item) === meaning);
    if (other) {
      matched.set(want.name, { live: other, renamed: true, onDeleteOnly: false });
      used.add(other.name);
    } else stillPending.push(want);
  }
  const missing: T[] = [];
  for (const want of stillPending) {
    const meaning = loose?.target(want);
    const candidates = loose
      ? live.filter((item) => !used.has(item.name) && loose.live(item) === meaning)
      : [];
    const other = candidates.find((item) => item.name === want.name) ?? candidates[0];
    if (other) {
      matched.set(want.name, {
        live: other,
        renamed: other.name !== want.name,
        onDeleteOnly: true,
      });
      used.add(other.name);
    } else missing.push(want);
  }
  return { matched, missing, extra: live.filter((item) => !used.has(item.name)) };
}
