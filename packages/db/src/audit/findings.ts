/**
 * One difference the audit found: its kind, the object's name, the problem, and what was
 * expected and found. The comparers (table, logic, pairing) produce them and compare.ts
 * gathers them, so they live below all of them.
 */
export type FindingKind =
  | 'table'
  | 'column'
  | 'constraint'
  | 'index'
  | 'enum'
  | 'extension'
  | 'migration'
  | 'function'
  | 'trigger'
  | 'view'
  | 'schema'
  | 'policy'
  | 'role';
/**
 * `kept` (kept on purpose by db:converge), `declared` and `slow` (a form that costs, not a
 * fault: a policy that reads a whole table) are reported but are no difference.
 */
export type Problem =
  | 'missing'
  | 'unexpected'
  | 'different'
  | 'renamed'
  | 'kept'
  | 'declared'
  | 'slow';

export interface Finding {
  kind: FindingKind;
  name: string;
  problem: Problem;
  expected: string;
  found: string;
}
