/**
 * Changing a foreign key the database has: one that differs only in `on delete`, or whose
 * columns change type. Dropped first (the drop phase), then added back as a new one is
 * (add-foreign-key.ts: NOT VALID with its orphan check, then validated).
 */
import type { LiveConstraint } from '../../catalog/introspect.ts';
import { quote } from '../pair.ts';
import { addForeignKey } from './add-foreign-key.ts';
import { makeStep, type StepKind } from './kind.ts';

export interface ChangeForeignKeyInput {
  table: string;
  /** The database's constraint, and the schema's. */
  live: LiveConstraint;
  wanted: LiveConstraint;
  onDeleteOnly: boolean;
}

export const changeForeignKey: StepKind<ChangeForeignKeyInput> = {
  name: 'change-foreign-key',
  checks: {},
  build({ table, live, wanted, onDeleteOnly }) {
    const why = onDeleteOnly
      ? `on delete ${live.onDelete} → ${wanted.onDelete}`
      : 'its columns change type';
    return [
      makeStep(
        'change-foreign-key',
        'drop',
        table,
        `change foreign key ${wanted.name} on ${table} (${why}): dropped here, added back below`,
        [`alter table ${quote(table)} drop constraint ${quote(live.name)}`],
        { drops: [`constraint:${table}.${live.name}`] },
      ),
      ...addForeignKey.build({ table, constraint: wanted }),
    ];
  },
};
