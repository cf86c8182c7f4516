/**
 * Pairs the audit's findings before they are reported, so that one change reads as one:
 * a column the schema renames on purpose (`originalRenames`), a constraint with an equal
 * definition under another name (renamed), a foreign key that differs only in `on delete`
 * (one difference), and what db:converge kept on purpose (kept, not a difference).
 */
import type { LiveConstraint, LiveTable } from '../catalog/introspect.ts';
import { normalizeExpression } from '../catalog/normalize.ts';
import { originalRenames } from '../schema/original/renames.ts';
import type { ExpectedConstraint, ExpectedTable } from './expect.ts';
import type { Finding } from './findings.ts';

function expectedMeaning(c: ExpectedConstraint, withOnDelete: boolean): string {
  const base = `${c.type}|${c.columns.join()}|${c.referencedTable ?? ''}|${c.referencedColumns?.join() ?? ''}|${!!c.nullsNotDistinct}`;
  if (c.type === 'check') return `check|${normalizeExpression(c.expression)}`;
  return withOnDelete ? `${base}|${c.onDelete ?? ''}` : base;
}

function liveMeaning(
  c: LiveConstraint,
  renames: Map<string, string>,
  withOnDelete: boolean,
): string {
  const columns = c.columns.map((name) => renames.get(name) ?? name);
  const base = `${c.type}|${columns.join()}|${c.referencedTable ?? ''}|${c.referencedColumns.join()}|${c.nullsNotDistinct}`;
  if (c.type === 'check') return `check|${normalizeExpression(c.definition)}`;
  return withOnDelete ? `${base}|${c.onDelete ?? ''}` : base;
}

export function pairTableFindings(
  expected: ExpectedTable,
  live: LiveTable,
  findings: Finding[],
): Finding[] {
  let out = [...findings];
  const take = (predicate: (f: Finding) => boolean) => {
    const found = out.find(predicate);
    if (found) out = out.filter((f) => f !== found);
    return found;
  };
  const renames = new Map<string, string>();
  for (const rename of originalRenames.filter((r) => r.table === expected.name)) {
    renames.set(rename.from, rename.to);
    const missing = out.find(
      (f) => f.kind === 'column' && f.problem === 'missing' && f.name === rename.to,
    );
    if (!missing) continue;
    if (!take((f) => f.kind === 'column' && f.problem === 'unexpected' && f.name === rename.from))
      continue;
    Object.assign(missing, {
      problem: 'renamed',
      found: `the original column ${rename.from}, renamed on purpose (originalRenames${rename.transform ? `: ${rename.transform.description}` : ''})`,
    });
  }
  for (const missing of out.filter((f) => f.kind === 'constraint' && f.problem === 'missing')) {
    const want = expected.constraints.get(missing.name);
    if (!want) continue;
    const extra = (withOnDelete: boolean) =>
      take((f) => {
        if (f.kind !== 'constraint' || f.problem !== 'unexpected') return false;
        const have = live.constraints.get(f.name);
        return (
          have !== undefined &&
          liveMeaning(have, renames, withOnDelete) === expectedMeaning(want, withOnDelete)
        );
      });
    const same = extra(true);
    if (same) {
      Object.assign(missing, {
        problem: 'renamed',
        found: `the same constraint named ${same.name}`,
      });
      continue;
    }
    const onDelete = want.type === 'foreign key' ? extra(false) : undefined;
    if (onDelete) {
      const have = live.constraints.get(onDelete.name);
      Object.assign(missing, {
        problem: 'different',
        expected: `ON DELETE ${want.onDelete?.toUpperCase()}`,
        found: `the same foreign key${onDelete.name === want.name ? '' : ` named ${onDelete.name}`} with ON DELETE ${have?.onDelete?.toUpperCase()}`,
      });
    }
  }
  return out;
}

/** Marks as kept what db:converge kept on purpose: undeclared columns, and what reads them. */
export function markKept(
  table: string,
  live: LiveTable | undefined,
  findings: Finding[],
  kept: Set<string>,
): void {
  if (kept.size === 0) return;
  const keptColumns = new Set(
    [...(live?.columns.keys() ?? [])].filter((column) => kept.has(`column:${table}.${column}`)),
  );
  for (const finding of findings) {
    if (finding.problem !== 'unexpected') continue;
    const columns =
      finding.kind === 'column'
        ? [finding.name]
        : finding.kind === 'constraint'
          ? (live?.constraints.get(finding.name)?.columns ?? [])
          : finding.kind === 'index'
            ? (live?.indexes.get(finding.name)?.columns ?? [])
            : [];
    if (columns.some((column) => keptColumns.has(column))) {
      finding.problem = 'kept';
      finding.expected = 'kept on purpose by db:converge';
    }
  }
}
