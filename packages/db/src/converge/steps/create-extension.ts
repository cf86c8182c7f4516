/**
 * An extension the target has and the database lacks: installed (it touches no row of the
 * database's tables, so online as it is; never removed by a rollback, as other objects may
 * use it by then).
 */
import { quote } from '../pair.ts';
import { asIs, makeStep, type StepKind } from './kind.ts';

export const createExtension: StepKind<{ extension: string }> = {
  name: 'create-extension',
  checks: {},
  build({ extension }) {
    const sql = [`create extension if not exists ${quote(extension)}`];
    return [
      makeStep('create-extension', 'create', undefined, `install extension ${extension}`, sql, {
        online: asIs(sql, []),
      }),
    ];
  },
};
