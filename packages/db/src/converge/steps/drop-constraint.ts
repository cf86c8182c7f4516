/**
 * A constraint of a paired table the schema no longer has: dropped (no row is lost, so no data
 * check). No online phases: a drop cannot be rolled back, so online it belongs at the end.
 */
import { quote } from '../pair.ts';
import { makeStep, type StepKind } from './kind.ts';

export interface DropConstraintInput {
  table: string;
  name: string;
}

export const dropConstraint: StepKind<DropConstraintInput> = {
  name: 'drop-constraint',
  checks: {},
  build({ table, name }) {
    return [
      makeStep(
        'drop-constraint',
        'drop',
        table,
        `drop constraint ${name} on ${table} (not in the schema; no row is lost)`,
        [`alter table ${quote(table)} drop constraint ${quote(name)}`],
        { drops: [`constraint:${table}.${name}`] },
      ),
    ];
  },
};
