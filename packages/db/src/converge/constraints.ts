/**
 * Constraints and indexes of the paired tables, paired by meaning (pair.ts): renamed when an
 * equal definition has another name, changed in one step when a foreign key differs only in
 * `on delete` or its columns change type, added with a data check when missing, dropped when
 * the schema no longer has them (no row is lost). Foreign keys are added NOT VALID after every
 * unique they need, then validated.
 */
import type { LiveConstraint, LiveIndex } from '../catalog/introspect.ts';
import type { FullCatalog } from '../catalog/logic.ts';
import type { CheckSpec, Phase, Step } from './model.ts';
import {
  type ColumnPairing,
  constraintSignature,
  indexSignature,
  pairByMeaning,
  quote,
} from './pair.ts';

export type AddStep = (
  phase: Phase,
  table: string | undefined,
  summary: string,
  sql: string[],
  extra?: Partial<Step>,
) => void;

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
    const have = live.schema.tables.get(want.name);
    const pairing = pairings.get(want.name);
    const t = quote(want.name);
    const liveToTarget = pairing?.liveToTarget;
    const keptColumns = new Set(pairing?.unpaired ?? []);
    const touchesKept = (columns: string[]) => columns.some((c) => keptColumns.has(c));
    const refMap = (table: string | null) =>
      table ? pairings.get(table)?.liveToTarget : undefined;
    const liveConstraints = have
      ? [...have.constraints.values()].filter((c) => !touchesKept(c.columns))
      : [];
    const wantConstraints = [...want.constraints.values()];
    const strict = (c: LiveConstraint, map: Map<string, string> | undefined) =>
      `${constraintSignature(c, map, refMap(c.referencedTable))} ${c.onDelete ?? ''}`;
    const pairs = pairByMeaning(
      liveConstraints,
      wantConstraints,
      (c) => strict(c, liveToTarget),
      (c) => strict(c, undefined),
      {
        live: (c) => constraintSignature(c, liveToTarget, refMap(c.referencedTable)),
        target: (c) => constraintSignature(c, undefined, undefined),
      },
    );
    const fkTouchesRetype = (c: LiveConstraint) =>
      c.type === 'foreign key' &&
      (c.columns.some((col) => retyped.has(`${want.name}.${col}`)) ||
        c.referencedColumns.some((col) => retyped.has(`${c.referencedTable}.${col}`)));
    const add = (c: LiveConstraint) => {
      const cols = c.columns;
      if (c.type === 'foreign key') {
        const referenced = c.referencedTable as string;
        laterFks.push({
          phase: 'constrain',
          table: want.name,
          summary: `add foreign key ${c.name} on ${want.name}`,
          rewrites: false,
          longLock: false,
          sql: [`alter table ${t} add constraint ${quote(c.name)} ${c.definition} not valid`],
          checks: [
            {
              kind: 'foreign-key',
              table: want.name,
              columns: cols,
              refTable: referenced,
              refColumns: c.referencedColumns,
              name: c.name,
            },
          ],
        });
        step('validate', want.name, `validate ${c.name}`, [
          `alter table ${t} validate constraint ${quote(c.name)}`,
        ]);
        return;
      }
      const checks: CheckSpec[] =
        c.type === 'check'
          ? [
              {
                kind: 'check',
                table: want.name,
                name: c.name,
                expression: c.definition.replace(/^CHECK\s*/, '').replace(/\s*NOT VALID$/, ''),
              },
            ]
          : c.type === 'unique' || c.type === 'primary key'
            ? [
                {
                  kind: 'unique',
                  table: want.name,
                  columns: cols,
                  nullsNotDistinct: c.nullsNotDistinct || c.type === 'primary key',
                  name: c.name,
                },
              ]
            : [];
      step(
        'constrain',
        want.name,
        `add ${c.type} ${c.name} on ${want.name}`,
        [`alter table ${t} add constraint ${quote(c.name)} ${c.definition}`],
        { checks, longLock: true },
      );
    };
    for (const c of pairs.missing) add(c);
    for (const [name, { live: found, renamed, onDeleteOnly }] of pairs.matched) {
      const wantC = want.constraints.get(name) as LiveConstraint;
      if (onDeleteOnly || fkTouchesRetype(found)) {
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
        add(wantC);
        continue;
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
    for (const c of pairs.extra) {
      step(
        'drop',
        want.name,
        `drop constraint ${c.name} on ${want.name} (not in the schema; no row is lost)`,
        [`alter table ${t} drop constraint ${quote(c.name)}`],
        { drops: [`constraint:${want.name}.${c.name}`] },
      );
    }

    const liveIndexes = have
      ? [...have.indexes.values()].filter((i) => !i.constraintBacked && !touchesKept(i.columns))
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
          { longLock: true },
        );
    }
    for (const index of indexPairs.missing) {
      const checks: CheckSpec[] = index.unique
        ? [
            {
              kind: 'unique',
              table: want.name,
              columns: index.columns,
              keys: index.keys,
              predicate: index.predicate,
              nullsNotDistinct: false,
              name: index.name,
            },
          ]
        : [];
      step(
        'constrain',
        want.name,
        `create index ${index.name} on ${want.name}`,
        [(index as LiveIndex).definition],
        { checks, longLock: true },
      );
    }
  }
  steps.push(...laterFks);
}
