/**
 * An index of a paired table that no constraint backs and the schema no longer has: dropped
 * (no row is lost, so no data check). No online phases: online it would be dropped
 * CONCURRENTLY, at the end, since a drop cannot be rolled back.
 */
import { quote } from '../pair.ts';
import { makeStep, type StepKind } from './kind.ts';

export interface DropIndexInput {
  table: string;
  name: string;
}

export const dropIndex: StepKind<DropIndexInput> = {
  name: 'drop-index',
  checks: {},
  build({ table, name }) {
    return [
      makeStep(
        'drop-index',
        'drop',
        table,
        `drop index ${name} on ${table} (not in the schema; no row is lost)`,
        [`drop index ${quote(name)}`],
      ),
    ];
  },
};
