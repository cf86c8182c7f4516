/**
 * The reference data generator's view of a table: the columns it fills, the parents its foreign
 * keys point at, the unique column sets a row must not repeat, the order that puts every parent
 * first, and the batched insert.
 */
import type { LiveColumn, LiveSchema, LiveTable } from '../catalog/introspect.ts';
import type { SqlSession } from '../connection/client.ts';
import { quote } from '../converge/pair.ts';

export interface Column {
  live: LiveColumn;
  target: LiveColumn | undefined;
  targetLabels: string[] | null;
  liveLabels: string[] | null;
}

export interface Reference {
  table: string;
  column: string;
}

/** Unique column sets (live and target), as indexes into the live column list. */
export function uniqueSets(
  table: LiveTable,
  want: LiveTable | undefined,
  liveToTarget: Map<string, string> | undefined,
): number[][];
export function uniqueSets(
  table: LiveTable,
  want: LiveTable | undefined,
  liveToTarget: Map<string, string> | undefined,
  withOrder: true,
): { set: number[]; unordered: boolean }[];
export function uniqueSets(
  table: LiveTable,
  want: LiveTable | undefined,
  liveToTarget: Map<string, string> | undefined,
  withOrder = false,
): number[][] | { set: number[]; unordered: boolean }[] {
  const names = [...table.columns.keys()];
  const toLive = new Map([...(liveToTarget ?? [])].map(([l, t]) => [t, l]));
  const sets: { columns: string[]; unordered: boolean }[] = [];
  const pairKeys = (keys: string[]) => keys.some((k) => /\b(least|greatest)\(/i.test(k));
  for (const c of table.constraints.values())
    if (c.type === 'unique' || c.type === 'primary key')
      sets.push({ columns: c.columns, unordered: false });
  for (const i of table.indexes.values())
    if (i.unique) sets.push({ columns: i.columns, unordered: pairKeys(i.keys) });
  for (const c of want?.constraints.values() ?? [])
    if (c.type === 'unique' || c.type === 'primary key')
      sets.push({ columns: c.columns.map((n) => toLive.get(n) ?? n), unordered: false });
  for (const i of want?.indexes.values() ?? [])
    if (i.unique)
      sets.push({ columns: i.columns.map((n) => toLive.get(n) ?? n), unordered: pairKeys(i.keys) });
  const found = sets
    .map(({ columns, unordered }) => ({ set: columns.map((n) => names.indexOf(n)), unordered }))
    .filter(({ set }) => set.length > 0 && set.every((i) => i >= 0));
  return withOrder ? found : found.map(({ set }) => set);
}

export function topologicalOrder(live: LiveSchema, references: Map<string, Reference>): string[] {
  const order: string[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  // A parent reached through a nullable reference is visited only if it needs nothing that
  // is being visited now (else the cycle would put a NOT NULL child first).
  const nullableBlocked = (parent: string): boolean =>
    [...references].some(
      ([key, ref]) =>
        key.startsWith(`${parent}.`) &&
        state.get(ref.table) === 'visiting' &&
        live.tables.get(parent)?.columns.get(key.slice(parent.length + 1))?.notNull === true,
    );
  const visit = (name: string) => {
    if (state.get(name)) return;
    state.set(name, 'visiting');
    for (const [key, parent] of references) {
      if (!key.startsWith(`${name}.`) || parent.table === name || !live.tables.has(parent.table))
        continue;
      // Only a NOT NULL reference orders tables; a nullable one is left null when it would cycle.
      const column = live.tables.get(name)?.columns.get(key.slice(name.length + 1));
      if (column?.notNull || state.get(parent.table) !== 'visiting') {
        if (!column?.notNull && nullableBlocked(parent.table)) continue;
        visit(parent.table);
      }
    }
    state.set(name, 'done');
    order.push(name);
  };
  for (const name of [...live.tables.keys()].sort()) visit(name);
  return order;
}

export async function insertRows(
  session: SqlSession,
  table: string,
  columns: Column[],
  rows: (string | null)[][],
): Promise<void> {
  const names = columns.map((c) => quote(c.live.name)).join(', ');
  for (let start = 0; start < rows.length; start += 200) {
    const batch = rows.slice(start, start + 200);
    const params: (string | null)[] = [];
    const tuples = batch.map(
      (row) =>
        `(${row
          .map((value, i) => {
            params.push(value);
            return `$${params.length}::${columns[i]?.live.type}`;
          })
          .join(', ')})`,
    );
    await session
      .query(`insert into ${quote(table)} (${names}) values ${tuples.join(', ')}`, params)
      .catch((error: Error) => {
        throw new Error(`generating ${table}: ${error.message}`);
      });
  }
}
