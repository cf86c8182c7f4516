/**
 * An index of a paired table that no constraint backs and the schema no longer has: dropped
 * (no row is lost, so no data check). Online: DROP INDEX CONCURRENTLY, outside a transaction:
 * it takes no lock that stops a read or a write (a plain DROP INDEX needs ACCESS EXCLUSIVE on
 * the table, which steady reads can keep it from getting); `if exists`, so a rerun after a kill
 * finishes it. A drop cannot be undone: `--abort` leaves it dropped.
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
        {
          online: {
            start: [`drop index concurrently if exists ${quote(name)}`],
            complete: [],
            rollback: [],
            outsideTransaction: true,
          },
        },
      ),
    ];
  },
};
