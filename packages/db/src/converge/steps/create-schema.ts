/** A schema the target has and the database lacks: created (empty, so online as it is). */
import { quote } from '../pair.ts';
import { asIs, makeStep, type StepKind } from './kind.ts';

export const createSchema: StepKind<{ schema: string }> = {
  name: 'create-schema',
  checks: {},
  build({ schema }) {
    const sql = [`create schema ${quote(schema)}`];
    return [
      makeStep('create-schema', 'create', undefined, `create schema ${schema}`, sql, {
        online: asIs(sql, [`drop schema if exists ${quote(schema)}`]),
      }),
    ];
  },
};
