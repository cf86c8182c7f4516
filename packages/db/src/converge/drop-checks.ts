/**
 * What the checks of --drop share (steps/drop-table.ts, drop-column.ts, drop-schema.ts): a
 * table, a column or a schema goes without CASCADE, so whatever else depends on it must be
 * dropped by the plan too; how a refusal names a dependent; and the order of the column
 * drops, which PostgreSQL needs dependents first.
 */
import {
  type ColumnDependents,
  type Dependent,
  readColumnDependents,
} from '../catalog/dependents.ts';
import type { SqlSession } from '../connection/client.ts';
import type { Step } from './model.ts';
import { quote } from './pair.ts';

/** Whether the plan drops this dependent before or with the table. */
export function droppedAlongside(dependent: Dependent, alongside: Set<string>): boolean {
  if (dependent.kind.endsWith('view')) return alongside.has(`view:${dependent.name}`);
  // A trigger, as PostgreSQL describes it: `trigger name on table t`.
  const trigger = /^trigger (\S+) on table (\S+)$/.exec(dependent.name);
  if (dependent.kind === 'other' && trigger)
    return alongside.has(`trigger:${trigger[2]}.${trigger[1]}`);
  if (!dependent.relation || dependent.kind === 'other') return false;
  return (
    alongside.has(`table:${dependent.relation}`) ||
    alongside.has(`constraint:${dependent.relation}.${dependent.name}`) ||
    dependent.columns.some((c) => alongside.has(`column:${dependent.relation}.${c}`))
  );
}

/**
 * Puts the plan's column drops (--drop TABLE.COLUMN) in an order PostgreSQL accepts: a column
 * whose foreign key or generated column depends on another dropped column goes first (its
 * drop takes that dependency with it). On a cycle, the rest keep the plan's order (the
 * checks then refuse what cannot be dropped). Returns what it read, by `table.column`, for
 * the checks (see dropColumnCheck).
 */
export async function orderColumnDrops(
  session: SqlSession,
  steps: Step[],
): Promise<Map<string, ColumnDependents>> {
  const read = new Map<string, ColumnDependents>();
  const positions = steps.flatMap((step, i) =>
    step.checks.some((c) => c.kind === 'drop-column') ? [i] : [],
  );
  if (positions.length < 2) return read;
  const drops = positions.map((i) => steps[i] as Step);
  const keyOf = (step: Step) => {
    const spec = step.checks.find((c) => c.kind === 'drop-column');
    return spec?.kind === 'drop-column' ? `${spec.table}.${spec.column}` : '';
  };
  const byKey = new Map(drops.map((step) => [keyOf(step), step]));
  const first = new Map<Step, Set<Step>>(drops.map((step) => [step, new Set()]));
  for (const step of drops) {
    const [table = '', column = ''] = keyOf(step).split('.');
    const dependents = await readColumnDependents(session, table, column);
    read.set(keyOf(step), dependents);
    for (const dependent of dependents.blocking) {
      for (const name of dependent.columns) {
        const other = byKey.get(`${dependent.relation}.${name}`);
        if (other && other !== step) first.get(step)?.add(other);
      }
    }
  }
  const ordered: Step[] = [];
  const placed = new Set<Step>();
  while (ordered.length < drops.length) {
    const ready = drops.find(
      (step) => !placed.has(step) && [...(first.get(step) ?? [])].every((o) => placed.has(o)),
    );
    const next = ready ?? drops.find((step) => !placed.has(step));
    if (!next) break;
    ordered.push(next);
    placed.add(next);
  }
  positions.forEach((position, i) => {
    steps[position] = ordered[i] as Step;
  });
  return read;
}

/** How a refusal names a dependent, and how to deal with it. */
export function namedDependent(d: Dependent): { named: string; way: string } {
  if (d.kind.endsWith('view')) return { named: `${d.kind} ${d.name}`, way: `--drop ${d.name}` };
  if (d.kind === 'generated column') {
    const full = `${d.relation}.${d.name}`;
    return { named: `generated column ${full}`, way: `--drop ${full}` };
  }
  if (d.kind === 'foreign key' || d.kind === 'constraint') {
    return {
      named: `${d.kind} ${d.name} on ${d.relation}`,
      way: `alter table ${quote(d.relation ?? '')} drop constraint ${quote(d.name)}`,
    };
  }
  const trigger = /^trigger (\S+) on table (\S+)$/.exec(d.name);
  if (d.kind === 'other' && trigger)
    return { named: d.name, way: `--drop ${trigger[2]}.${trigger[1]}` };
  return {
    named: d.kind === 'other' ? d.name : `${d.kind} ${d.name}`,
    way: `drop ${d.name} by hand`,
  };
}
