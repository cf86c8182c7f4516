/**
 * One table of the schema against the same table in the database: its columns, constraints
 * and indexes, each missing, different, unexpected or (an index) renamed.
 */
import type { LiveConstraint, LiveIndex, LiveTable } from '../catalog/introspect.ts';
import { normalizeExpression, normalizeType } from '../catalog/normalize.ts';
import type { ExpectedConstraint, ExpectedIndex, ExpectedTable } from './expect.ts';
import type { Finding } from './findings.ts';

/** `type not null default x`, as the audit shows a column. */
export const describeColumn = (
  type: string,
  notNull: boolean,
  fallback: string | null | undefined,
) =>
  `${type}${notNull ? ' not null' : ''}${fallback === null || fallback === undefined ? '' : ` default ${fallback}`}`;

function describeConstraint(constraint: ExpectedConstraint): string {
  switch (constraint.type) {
    case 'foreign key':
      return `FOREIGN KEY (${constraint.columns.join(', ')}) REFERENCES ${constraint.referencedTable}(${constraint.referencedColumns?.join(', ')}) ON DELETE ${constraint.onDelete?.toUpperCase()}`;
    case 'unique':
      return `UNIQUE${constraint.nullsNotDistinct ? ' NULLS NOT DISTINCT' : ''} (${constraint.columns.join(', ')})`;
    case 'primary key':
      return `PRIMARY KEY (${constraint.columns.join(', ')})`;
    case 'check':
      return `CHECK (${constraint.expression})`;
  }
}

function sameConstraint(expected: ExpectedConstraint, live: LiveConstraint): boolean {
  if (expected.type !== live.type) return false;
  switch (expected.type) {
    case 'foreign key':
      return (
        expected.columns.join() === live.columns.join() &&
        expected.referencedTable === live.referencedTable &&
        expected.referencedColumns?.join() === live.referencedColumns.join() &&
        expected.onDelete === live.onDelete
      );
    case 'unique':
      return (
        expected.columns.join() === live.columns.join() &&
        !!expected.nullsNotDistinct === live.nullsNotDistinct
      );
    case 'primary key':
      return expected.columns.join() === live.columns.join();
    case 'check':
      return normalizeExpression(expected.expression) === normalizeExpression(live.definition);
  }
}

function describeIndex(index: ExpectedIndex): string {
  const keys = index.keys.map((key, i) => {
    const opclass = index.opclasses[i] ? ` ${index.opclasses[i]}` : '';
    const ordering =
      index.orderings[i] === 'asc nulls last' ? '' : ` ${index.orderings[i]?.toUpperCase()}`;
    return `${key}${opclass}${ordering}`;
  });
  return `${index.unique ? 'UNIQUE ' : ''}USING ${index.method} (${keys.join(', ')})${index.options.length ? ` WITH (${index.options.join(', ')})` : ''}${index.predicate ? ` WHERE ${index.predicate}` : ''}`;
}

function liveIndexShape(index: LiveIndex): string {
  return index.definition.replace(/^CREATE (UNIQUE )?INDEX \S+ ON \S+ /, '$1');
}

function sameIndex(expected: ExpectedIndex, live: LiveIndex): boolean {
  return (
    expected.unique === live.unique &&
    expected.method === live.method &&
    expected.keys.length === live.keys.length &&
    expected.keys.every(
      (key, i) => normalizeExpression(key) === normalizeExpression(live.keys[i]),
    ) &&
    expected.orderings.join() === live.orderings.join() &&
    expected.opclasses.every((opclass, i) =>
      opclass === undefined ? live.defaultOpclasses[i] !== false : opclass === live.opclasses[i],
    ) &&
    normalizeExpression(expected.predicate) === normalizeExpression(live.predicate) &&
    expected.options.join() === [...live.options].sort().join() &&
    live.valid
  );
}

export function compareTable(expected: ExpectedTable, live: LiveTable): Finding[] {
  const findings: Finding[] = [];
  for (const column of expected.columns.values()) {
    const found = live.columns.get(column.name);
    const type = normalizeType(column.type);
    if (!found) {
      findings.push({
        kind: 'column',
        name: column.name,
        problem: 'missing',
        expected: describeColumn(type, column.notNull, column.default),
        found: 'missing',
      });
      continue;
    }
    const same =
      type === found.type &&
      column.notNull === found.notNull &&
      normalizeExpression(column.default) === normalizeExpression(found.default);
    if (!same) {
      findings.push({
        kind: 'column',
        name: column.name,
        problem: 'different',
        expected: describeColumn(type, column.notNull, column.default),
        found: describeColumn(found.type, found.notNull, found.default),
      });
    }
  }
  for (const column of live.columns.values()) {
    if (!expected.columns.has(column.name)) {
      findings.push({
        kind: 'column',
        name: column.name,
        problem: 'unexpected',
        expected: 'no such column',
        found: describeColumn(column.type, column.notNull, column.default),
      });
    }
  }
  for (const constraint of expected.constraints.values()) {
    const found = live.constraints.get(constraint.name);
    if (!found) {
      findings.push({
        kind: 'constraint',
        name: constraint.name,
        problem: 'missing',
        expected: describeConstraint(constraint),
        found: 'missing',
      });
    } else if (!sameConstraint(constraint, found)) {
      findings.push({
        kind: 'constraint',
        name: constraint.name,
        problem: 'different',
        expected: describeConstraint(constraint),
        found: found.definition,
      });
    }
  }
  for (const constraint of live.constraints.values()) {
    if (!expected.constraints.has(constraint.name)) {
      findings.push({
        kind: 'constraint',
        name: constraint.name,
        problem: 'unexpected',
        expected: 'no such constraint',
        found: constraint.definition,
      });
    }
  }
  const liveIndexes = [...live.indexes.values()].filter((index) => !index.constraintBacked);
  const matchedByShape = new Set<string>();
  for (const index of expected.indexes.values()) {
    const found = live.indexes.get(index.name);
    if (found && !found.constraintBacked) {
      if (!sameIndex(index, found)) {
        findings.push({
          kind: 'index',
          name: index.name,
          problem: 'different',
          expected: describeIndex(index),
          found: `${liveIndexShape(found)}${found.valid ? '' : ' (INVALID)'}`,
        });
      }
      continue;
    }
    const renamed = liveIndexes.find(
      (candidate) =>
        !expected.indexes.has(candidate.name) &&
        !matchedByShape.has(candidate.name) &&
        sameIndex(index, candidate),
    );
    if (renamed) {
      matchedByShape.add(renamed.name);
      findings.push({
        kind: 'index',
        name: index.name,
        problem: 'renamed',
        expected: index.name,
        found: `the same index named ${renamed.name}`,
      });
    } else {
      findings.push({
        kind: 'index',
        name: index.name,
        problem: 'missing',
        expected: describeIndex(index),
        found: 'missing',
      });
    }
  }
  for (const index of liveIndexes) {
    if (!expected.indexes.has(index.name) && !matchedByShape.has(index.name)) {
      findings.push({
        kind: 'index',
        name: index.name,
        problem: 'unexpected',
        expected: 'no such index',
        found: liveIndexShape(index),
      });
    }
  }
  return findings;
}

/**
 * Normalises every type and expression the schema expects (each is memoised), so that a
 * caller with time to spare (the audit, while the server reads the catalog) leaves only the
 * live side's for the comparison.
 */
export function normalizeExpected(tables: Iterable<ExpectedTable>): void {
  for (const table of tables) {
    for (const column of table.columns.values()) {
      normalizeType(column.type);
      normalizeExpression(column.default);
    }
    for (const constraint of table.constraints.values()) normalizeExpression(constraint.expression);
    for (const index of table.indexes.values()) {
      for (const key of index.keys) normalizeExpression(key);
      normalizeExpression(index.predicate);
    }
  }
}
