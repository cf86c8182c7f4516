/**
 * The doc comments of the schema's columns (`/** Manual script 007. *\/` above `status: …` in
 * a table's pgTable call), read from the table files themselves, so the reference says what the
 * schema's author wrote and nothing is kept twice.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { getTableConfig, type PgTable } from 'drizzle-orm/pg-core';

/** `/**\n * A.\n * B.\n *\/` → `A. B.` */
function commentText(raw: string): string {
  return raw
    .split('\n')
    .map((line) => line.replace(/^\s*\*?\s?/, '').trim())
    .filter(Boolean)
    .join(' ');
}

/** The text of the object literal that starts at `open` (a `{`), braces balanced. */
function objectAt(source: string, open: number): string {
  let depth = 0;
  for (let index = open; index < source.length; index++) {
    const char = source[index];
    if (char === '{') depth++;
    else if (char === '}' && --depth === 0) return source.slice(open, index + 1);
  }
  return source.slice(open);
}

/** Property name → comment, for the columns object of each `pgTable('name', { … })`. */
export function commentsInSource(source: string): Map<string, Map<string, string>> {
  const found = new Map<string, Map<string, string>>();
  for (const call of source.matchAll(/pgTable\(\s*'([a-z0-9_]+)',\s*\{/g)) {
    const columns = objectAt(source, (call.index ?? 0) + call[0].length - 1);
    const comments = new Map<string, string>();
    // Only comments on the object's own properties (two spaces deeper than `pgTable(`).
    for (const match of columns.matchAll(/\/\*\*([\s\S]*?)\*\/\s*\n\s*(\w+)\s*:/g)) {
      comments.set(match[2] as string, commentText(match[1] as string));
    }
    found.set(call[1] as string, comments);
  }
  return found;
}

/** Every `.ts` file under `folder`. */
function sourceFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((entry) => {
    const path = join(folder, entry);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return entry.endsWith('.ts') ? [path] : [];
  });
}

/**
 * Table → SQL column name → its doc comment, for the tables given (by SQL name). A property is
 * matched to its column through the table object itself, so helpers (`id()`) and renamed
 * properties resolve as drizzle does.
 */
export function columnComments(
  schemaFolder: string,
  tables: ReadonlyMap<string, PgTable>,
): Map<string, Map<string, string>> {
  const result = new Map<string, Map<string, string>>();
  for (const file of sourceFiles(schemaFolder)) {
    for (const [tableName, comments] of commentsInSource(readFileSync(file, 'utf8'))) {
      const table = tables.get(tableName);
      if (!table || comments.size === 0) continue;
      const byProperty = new Map(
        getTableConfig(table).columns.map((column) => [
          Object.entries(table).find(([, value]) => value === column)?.[0] ?? column.name,
          column.name,
        ]),
      );
      const columns = new Map<string, string>();
      for (const [property, comment] of comments) {
        const column = byProperty.get(property);
        if (column) columns.set(column, comment);
      }
      result.set(tableName, columns);
    }
  }
  return result;
}
