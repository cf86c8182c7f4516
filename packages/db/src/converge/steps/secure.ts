/**
 * Row-level security and privileges brought to the schema's (issue 24): a runtime role created,
 * a grant or revoke, RLS enabled or forced, a policy created, replaced or dropped, a view made
 * security_invoker. converge/security.ts decides which from the two catalogs; each statement
 * changes the catalog only, reads no row, and holds its lock for an instant, so online it runs
 * as it is. No rollback: a grant or policy undone by hand is the operator's call.
 */
import type { Phase } from '../model.ts';
import { asIs, makeStep, type StepKind } from './kind.ts';

export interface SecureInput {
  phase: Phase;
  table: string | undefined;
  summary: string;
  sql: string[];
}

export const secure: StepKind<SecureInput> = {
  name: 'secure',
  checks: {},
  build({ phase, table, summary, sql }) {
    return [makeStep('secure', phase, table, summary, sql, { online: asIs(sql, []) })];
  },
};
