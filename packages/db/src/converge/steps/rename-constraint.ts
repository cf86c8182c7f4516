/**
 * A constraint or index the database has under another name, with the schema's definition:
 * renamed (a catalog change only, so online as it is).
 */
import { quote } from '../pair.ts';
import { asIs, makeStep, type StepKind } from './kind.ts';

export interface RenameConstraintInput {
  table: string;
  /** A constraint is renamed through its table; an index by its own name. */
  object: 'constraint' | 'index';
  from: string;
  to: string;
}

export const renameConstraint: StepKind<RenameConstraintInput> = {
  name: 'rename-constraint',
  checks: {},
  build({ table, object, from, to }) {
    const sql =
      object === 'constraint'
        ? `alter table ${quote(table)} rename constraint ${quote(from)} to ${quote(to)}`
        : `alter index ${quote(from)} rename to ${quote(to)}`;
    const back =
      object === 'constraint'
        ? `alter table ${quote(table)} rename constraint ${quote(to)} to ${quote(from)}`
        : `alter index ${quote(to)} rename to ${quote(from)}`;
    return [
      makeStep(
        'rename-constraint',
        'rename',
        table,
        `rename ${object} ${from} to ${to} (same definition)`,
        [sql],
        { online: asIs([sql], [back]) },
      ),
    ];
  },
};
