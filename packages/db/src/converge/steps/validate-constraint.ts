/**
 * Validating a constraint added NOT VALID (a foreign key this plan adds, or one the database
 * has unvalidated where the schema's is valid). Its data check is the one of the step that
 * added it; VALIDATE takes a lock that blocks no read or write, so it is online as it is.
 */
import { quote } from '../pair.ts';
import { makeStep, type StepKind } from './kind.ts';

export interface ValidateConstraintInput {
  table: string;
  name: string;
}

export const validateConstraint: StepKind<ValidateConstraintInput> = {
  name: 'validate-constraint',
  checks: {},
  build({ table, name }) {
    const sql = [`alter table ${quote(table)} validate constraint ${quote(name)}`];
    return [
      makeStep('validate-constraint', 'validate', table, `validate ${name}`, sql, {
        online: { start: [], complete: sql, rollback: [] },
      }),
    ];
  },
};
