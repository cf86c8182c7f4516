/**
 * Down files as the runner reads them: `<tag>.down.sql` beside each migration takes the schema
 * back to what the previous migration left. A statement that drops a table or a column is
 * marked on the line above it (`-- fluxcore:destructive table=<name>` or
 * `column=<table>.<column>`), so db:rollback can count the rows it would lose before running
 * anything. Writing them is developer-time work (authoring/down.ts); this only reads them.
 */
import { existsSync, readFileSync } from 'node:fs';
import { type Migration, sha256, splitStatements } from './journal.ts';

export const destructiveMarker = '-- fluxcore:destructive';

/** What a destructive statement destroys: every row of a table, or every value of a column. */
export type DataAtRisk =
  | { kind: 'table'; table: string }
  | { kind: 'column'; table: string; column: string }
  /** Rows a data migration's down deletes that differ from what its up inserted. */
  | { kind: 'changed-rows'; table: string };

export interface DownFile {
  path: string;
  sql: string;
  hash: string;
  statements: string[];
  atRisk: DataAtRisk[];
}

/** `table x (3 rows)` or `column x.y (2 values)`: what a destructive statement would lose. */
export function describeLoss(target: DataAtRisk, rows: number): string {
  if (target.kind === 'changed-rows') {
    return `table ${target.table} (${rows} ${rows === 1 ? 'row' : 'rows'} changed since the migration inserted ${rows === 1 ? 'it' : 'them'})`;
  }
  return target.kind === 'table'
    ? `table ${target.table} (${rows} ${rows === 1 ? 'row' : 'rows'})`
    : `column ${target.table}.${target.column} (${rows} non-null ${rows === 1 ? 'value' : 'values'})`;
}

/** The marker lines of a down file, in order. */
export function parseDestructiveMarkers(sql: string): DataAtRisk[] {
  const found: DataAtRisk[] = [];
  for (const line of sql.split('\n')) {
    const match = /^-- fluxcore:destructive (table|column)=(\S+)\s*$/.exec(line.trim());
    if (!match?.[2]) continue;
    if (match[1] === 'table') {
      found.push({ kind: 'table', table: match[2] });
      continue;
    }
    const dot = match[2].lastIndexOf('.');
    if (dot > 0) {
      found.push({
        kind: 'column',
        table: match[2].slice(0, dot),
        column: match[2].slice(dot + 1),
      });
    }
  }
  return found;
}

/** The down file of `migration`, or undefined when it has none. */
export function readDownFile(migration: Migration): DownFile | undefined {
  if (!existsSync(migration.downPath)) return undefined;
  const sql = readFileSync(migration.downPath, 'utf8');
  return {
    path: migration.downPath,
    sql,
    hash: sha256(sql),
    statements: splitStatements(sql),
    atRisk: parseDestructiveMarkers(sql),
  };
}
