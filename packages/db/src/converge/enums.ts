/**
 * Enums: a new one is created; one whose labels differ is rebuilt (renamed aside, recreated,
 * every column moved over by text, the old one dropped); one no column uses any more (an old
 * rebuilt one, or one the schema renamed) is dropped at the end, or kept while a kept column
 * uses it.
 */
import type { FullCatalog } from '../catalog/logic.ts';
import type { AddSteps } from './constraints.ts';
import type { KeptObject } from './model.ts';
import type { ColumnPairing } from './pair.ts';
import { createEnum } from './steps/create-enum.ts';
import { dropEnum } from './steps/drop-enum.ts';

/** The create and rebuild steps; returns the enums rebuilt. */
export function planEnums(live: FullCatalog, target: FullCatalog, add: AddSteps): Set<string> {
  const rebuiltEnums = new Set<string>();
  for (const [name, labels] of target.schema.enums) {
    const found = live.schema.enums.get(name);
    if (found && found.join('\u0000') === labels.join('\u0000')) continue;
    if (found) rebuiltEnums.add(name);
    add(createEnum.build({ name, labels, rebuild: found !== undefined }));
  }
  return rebuiltEnums;
}

/** Drops the live enums no column uses any more; keeps those a kept column still uses. */
export function planUnusedEnums(
  live: FullCatalog,
  target: FullCatalog,
  pairings: Map<string, ColumnPairing>,
  rebuiltEnums: Set<string>,
  add: AddSteps,
  keep: (kind: KeptObject['kind'], name: string, note: string) => boolean,
): void {
  const stillUsed = new Set<string>();
  for (const table of live.schema.tables.values()) {
    const pairing = pairings.get(table.name);
    for (const column of table.columns.values()) {
      const keptColumn =
        !target.schema.tables.has(table.name) || pairing?.unpaired.includes(column.name);
      if (column.enumType && keptColumn) stillUsed.add(column.enumType);
    }
  }
  for (const name of live.schema.enums.keys()) {
    const rebuilt = rebuiltEnums.has(name);
    if (target.schema.enums.has(name) && !rebuilt) continue;
    const actual = rebuilt ? `${name}__fluxcore_old` : name;
    if (stillUsed.has(name)) {
      keep('enum', actual, 'used by a kept column');
      continue;
    }
    add(dropEnum.build({ name: actual }));
  }
}
