/**
 * Row-level security and privileges brought to the schema's (issue 24): one step per table (its
 * grants and revokes, RLS enabled or forced, its policies created, replaced or dropped), one for
 * the runtime roles, one for the grants on the schema and sequences, one for the views made
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
