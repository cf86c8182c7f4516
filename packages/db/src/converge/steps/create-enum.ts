/**
 * An enum the schema declares: created when the database lacks it, rebuilt when its labels
 * differ (the old one renamed aside to `<name>__fluxcore_old`, the new one created; the
 * columns of that type move over by text in their retype step, whose check finds the values
 * outside the new labels; drop-enum.ts drops the old one at the end). No online phases yet.
 */
import { literal } from '../check-sql.ts';
import { quote } from '../pair.ts';
import { makeStep, type StepKind } from './kind.ts';

export interface CreateEnumInput {
  name: string;
  labels: string[];
  /** The database has an enum of that name with other labels. */
  rebuild: boolean;
}

export const createEnum: StepKind<CreateEnumInput> = {
  name: 'create-enum',
  checks: {},
  build({ name, labels, rebuild }) {
    const sql = [`create type ${quote(name)} as enum (${labels.map(literal).join(', ')})`];
    if (rebuild)
      sql.unshift(`alter type ${quote(name)} rename to ${quote(`${name}__fluxcore_old`)}`);
    return [
      makeStep(
        'create-enum',
        'create',
        undefined,
        `${rebuild ? 'rebuild' : 'create'} enum ${name}`,
        sql,
      ),
    ];
  },
};
