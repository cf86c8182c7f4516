/**
 * A column the schema has under another name (`originalRenames`, packages/db/src/schema/
 * original/renames.ts, with the reason): renamed, keeping its values. A function or trigger
 * body that names the old name refuses the plan (the logic check of replace-logic.ts). No
 * online phases yet: online, both names must stay readable while the app changes over (pgroll
 * serves each version through a view).
 */
import { quote } from '../pair.ts';
import { makeStep, type StepKind } from './kind.ts';

export interface RenameColumnInput {
  table: string;
  from: string;
  to: string;
  reason: string;
}

export const renameColumn: StepKind<RenameColumnInput> = {
  name: 'rename-column',
  checks: {},
  build({ table, from, to, reason }) {
    return [
      makeStep('rename-column', 'rename', table, `rename ${table}.${from} to ${to} (${reason})`, [
        `alter table ${quote(table)} rename column ${quote(from)} to ${quote(to)}`,
      ]),
    ];
  },
};
