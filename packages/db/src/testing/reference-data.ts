/**
 * A seeded generator that fills every table of the reference database with rows shaped like
 * the original app's: uuids, emails, plaintext reset tokens, vectors, json settings, foreign
 * keys that point at real parents. It reads the live catalog for what each column is, and the
 * target for what the schema will accept (an enum's labels, a shorter length, NOT NULL), so
 * the rows are ones that can converge; the refusal tests then break exactly one thing.
 * Then the reference's own oddities: the 'ai_session' credits policy and listing counters
 * kept as its triggers would.
 */
import type { LiveTable } from '../catalog/introspect.ts';
import { introspectSchema } from '../catalog/introspect.ts';
import type { FullCatalog } from '../catalog/logic.ts';
import type { SqlSession } from '../connection/client.ts';
import { pairColumns, quote } from '../converge/pair.ts';
import { realism } from './reference-realism.ts';
import {
  type Column,
  insertRows,
  type Reference,
  topologicalOrder,
  uniqueSets,
} from './reference-tables.ts';
import { seededRandom } from './seeded-random.ts';

export interface GenerateOptions {
  seed?: number;
  rowsPerTable?: number;
  /** Rows of `messages` (the big table). */
  messages?: number;
  /** Tables to leave empty. */
  emptyTables?: string[];
}

const words = [
  'alpha',
  'nova',
  'delta',
  'flux',
  'core',
  'river',
  'atlas',
  'ember',
  'lumen',
  'orbit',
  'pixel',
  'quartz',
];

export interface GeneratedData {
  /** Rows inserted per table. */
  rows: Map<string, number>;
}

export async function generateReferenceData(
  session: SqlSession,
  target: FullCatalog,
  options: GenerateOptions = {},
): Promise<GeneratedData> {
  const rng = seededRandom(options.seed ?? 20260209);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rng() * items.length)] as T;
  const hex = (n: number) =>
    Array.from({ length: n }, () => Math.floor(rng() * 16).toString(16)).join('');
  const uuid = () =>
    `${hex(8)}-${hex(4)}-4${hex(3)}-${pick(['8', '9', 'a', 'b'])}${hex(3)}-${hex(12)}`;
  const live = await introspectSchema(session);

  // Foreign keys of both the live database and the target, in live column names.
  const references = new Map<string, Reference>(); // `table.column` → parent
  for (const table of live.tables.values()) {
    for (const c of table.constraints.values()) {
      if (c.type !== 'foreign key' || c.columns.length !== 1) continue;
      references.set(`${table.name}.${c.columns[0]}`, {
        table: c.referencedTable as string,
        column: c.referencedColumns[0] as string,
      });
    }
    const want = target.schema.tables.get(table.name);
    if (!want) continue;
    const pairing = pairColumns(table, want);
    const toLive = new Map([...pairing.liveToTarget].map(([l, t]) => [t, l]));
    for (const c of want.constraints.values()) {
      if (c.type !== 'foreign key' || c.columns.length !== 1) continue;
      const column = toLive.get(c.columns[0] as string);
      if (column && !references.has(`${table.name}.${column}`))
        references.set(`${table.name}.${column}`, {
          table: c.referencedTable as string,
          column: c.referencedColumns[0] as string,
        });
    }
  }

  // Target checks of two common shapes, met when generating: "exactly one of these columns is
  // set" and "this column equals N".
  const oneOf = new Map<string, string[][]>();
  const equalities = new Map<string, string>();
  for (const table of live.tables.values()) {
    const want = target.schema.tables.get(table.name);
    if (!want) continue;
    const toLive = new Map([...pairColumns(table, want).liveToTarget].map(([l, t]) => [t, l]));
    for (const c of want.constraints.values()) {
      if (c.type !== 'check') continue;
      const members = [...c.definition.matchAll(/WHEN \((\w+) IS NULL\)/g)].map(
        (m) => toLive.get(m[1] as string) ?? (m[1] as string),
      );
      if (members.length >= 2 && /= 1\)+$/.test(c.definition))
        oneOf.set(table.name, [...(oneOf.get(table.name) ?? []), members]);
      const equal = /^CHECK \(\((\w+) = (\d+)\)\)$/.exec(c.definition);
      if (equal)
        equalities.set(
          `${table.name}.${toLive.get(equal[1] as string) ?? equal[1]}`,
          equal[2] as string,
        );
    }
  }

  const order = topologicalOrder(live, references);
  const values = new Map<string, Map<string, string[]>>(); // table → column → generated values
  const rows = new Map<string, number>();
  const base = Date.UTC(2025, 5, 1);

  for (const name of order) {
    const table = live.tables.get(name) as LiveTable;
    const want = target.schema.tables.get(name);
    const pairing = want ? pairColumns(table, want) : undefined;
    const columns: Column[] = [...table.columns.values()].map((column) => {
      const targetName = pairing?.liveToTarget.get(column.name);
      const targetColumn = targetName ? want?.columns.get(targetName) : undefined;
      return {
        live: column,
        target: targetColumn,
        targetLabels: targetColumn?.enumType
          ? (target.schema.enums.get(targetColumn.enumType) ?? null)
          : null,
        liveLabels: column.enumType
          ? (live.enums.get(column.enumType) ?? null)
          : (checkLabels(table).get(column.name) ?? null),
      };
    });
    const uniques = uniqueSets(table, want, pairing?.liveToTarget);
    // A unique index over least(a, b), greatest(a, b) forbids a pair in either order.
    const unordered = uniqueSets(table, want, pairing?.liveToTarget, true).map((u) => u.unordered);
    const count = options.emptyTables?.includes(name)
      ? 0
      : name === 'messages'
        ? (options.messages ?? 40)
        : (options.rowsPerTable ?? 8);
    const seen = uniques.map(() => new Set<string>());
    // Rows already there (a rebuilt original's seed rows) count for the uniques too.
    for (const [k, set] of uniques.entries()) {
      const list = set.map((index) => `${quoteName(columns[index]?.live.name ?? '')}::text`);
      if (list.length === 0) continue;
      const existing = await session.query<Record<string, string | null>>(
        `select ${list.map((c, i) => `${c} as c${i}`).join(', ')} from ${quoteName(name)}`,
      );
      for (const row of existing) {
        const parts = set.map((_, i) => row[`c${i}`] ?? '∅');
        seen[k]?.add((unordered[k] ? parts.sort() : parts).join('\u0001'));
      }
    }
    const generated: (string | null)[][] = [];
    for (let i = 0; i < count; i++) {
      let row: (string | null)[] | undefined;
      for (let attempt = 0; attempt < 25 && !row; attempt++) {
        const candidate = columns.map((column) => valueFor(name, column, i));
        for (const group of oneOf.get(name) ?? []) {
          const indexes = group.map((member) => columns.findIndex((c) => c.live.name === member));
          const chosen = pick(indexes.filter((index) => index >= 0 && candidate[index] !== null));
          for (const index of indexes) if (index !== chosen && index >= 0) candidate[index] = null;
        }
        // A row whose "exactly one of" group came out all null is one the app never writes.
        const noneOfOne = (oneOf.get(name) ?? []).some((group) =>
          group.every((member) => {
            const index = columns.findIndex((c) => c.live.name === member);
            return index < 0 || candidate[index] === null;
          }),
        );
        if (noneOfOne) continue;
        if (candidate.includes(undefined as unknown as string)) {
          if (process.env.DEBUG_FIXTURE)
            console.log(
              name,
              'no parent for',
              columns.filter((_, k) => candidate[k] === undefined).map((c) => c.live.name),
            );
          break;
        }
        const keys = uniques.map((set, k) => {
          const parts = set.map((index) => candidate[index] ?? '∅');
          return (unordered[k] ? parts.sort() : parts).join('\u0001');
        });
        const parentsOf = columns.map(
          (column) => references.get(`${name}.${column.live.name}`)?.table,
        );
        const selfPair = parentsOf.some(
          (parent, a) =>
            parent !== undefined &&
            candidate[a] !== null &&
            parentsOf.some(
              (other, b) => b > a && other === parent && candidate[b] === candidate[a],
            ),
        );
        const clash =
          selfPair ||
          uniques.some(
            (set, k) =>
              set.every((index) => candidate[index] !== null) && seen[k]?.has(keys[k] as string),
          );
        if (clash) continue;
        for (const [k, key] of keys.entries()) seen[k]?.add(key);
        row = candidate;
      }
      if (row) generated.push(row);
    }
    const byColumn = new Map<string, string[]>();
    columns.forEach((column, index) => {
      byColumn.set(
        column.live.name,
        generated.map((row) => row[index]).filter((v): v is string => v !== null),
      );
    });
    values.set(name, byColumn);
    rows.set(name, generated.length);
    await insertRows(session, name, columns, generated);
  }

  function valueFor(table: string, column: Column, index: number): string | null {
    const { live: c, target: t } = column;
    const nullable = !c.notNull && !t?.notNull;
    const reference = references.get(`${table}.${c.name}`);
    if (reference) {
      const parents = values.get(reference.table)?.get(reference.column) ?? [];
      if (parents.length === 0) return nullable ? null : (undefined as unknown as string);
      if (nullable && rng() < 0.1) return null;
      return pick(parents);
    }
    if (nullable && !c.name.endsWith('_id') && rng() < 0.15) return null;
    const labels = column.targetLabels ?? column.liveLabels;
    const liveLabels = column.liveLabels;
    if (labels && c.type.endsWith('[]'))
      return `{${labels.filter((_, i) => i === 0 || rng() < 0.5).join(',')}}`;
    if (labels && !(t?.type ?? c.type).endsWith('[]')) {
      const usable = liveLabels ? labels.filter((l) => liveLabels.includes(l)) : labels;
      return pick(usable.length ? usable : labels);
    }
    const type = c.type;
    const targetType = t?.type ?? type;
    // A JSON list of ids (appointment_staff.services) holds uuids; realism points them at rows.
    if (targetType === 'uuid[]' && type === 'jsonb') return JSON.stringify([uuid(), uuid()]);
    if (targetType.endsWith('[]') && labels)
      return JSON.stringify(labels.filter(() => rng() < 0.5));
    if (targetType === 'uuid' || type === 'uuid') return uuid();
    if (targetType === 'inet')
      return `10.${Math.floor(rng() * 250)}.${Math.floor(rng() * 250)}.${1 + Math.floor(rng() * 250)}`;
    if (targetType === 'boolean' || type === 'boolean') return rng() < 0.5 ? 'true' : 'false';
    if (targetType === 'jsonb' && type !== 'jsonb')
      return JSON.stringify({ source: 'fixture', n: index });
    if (type.startsWith('vector(') || type === 'vector') {
      // May's chunks have a vector of any dimension: the schema's dimension, so it converges.
      const size = Number(/\((\d+)\)/.exec(type)?.[1] ?? /\((\d+)\)/.exec(targetType)?.[1] ?? 3);
      return `[${Array.from({ length: size }, () => (rng() * 2 - 1).toFixed(4)).join(',')}]`;
    }
    if (type.endsWith('[]')) {
      const element = type.slice(0, -2);
      if (element === 'uuid') return `{${uuid()},${uuid()}}`;
      if (/^(numeric|integer|bigint|smallint|double|real)/.test(element))
        return `{${Math.floor(rng() * 100)},${Math.floor(rng() * 100)}}`;
      return `{${pick(words)},${pick(words)}}`;
    }
    if (type.startsWith('timestamp'))
      return new Date(base + Math.floor(rng() * 200 * 86_400_000))
        .toISOString()
        .replace('T', ' ')
        .replace('Z', type.includes('with time zone') ? '+00' : '');
    if (type === 'date')
      return new Date(base + Math.floor(rng() * 200 * 86_400_000)).toISOString().slice(0, 10);
    const fixed = equalities.get(`${table}.${c.name}`);
    if (fixed !== undefined) return fixed;
    // Counts, sizes, budgets and limits the app writes are positive.
    if (type === 'integer' || type === 'bigint' || type === 'smallint')
      return String(1 + Math.floor(rng() * 99));
    if (type.startsWith('numeric')) {
      const [, precision = '12', scale = '2'] = /numeric\((\d+),(\d+)\)/.exec(type) ?? [];
      const max = 10 ** (Number(precision) - Number(scale)) - 1;
      return (rng() * Math.min(max, 1000)).toFixed(Number(scale));
    }
    if (type === 'double precision' || type === 'real') return (rng() * 100).toFixed(3);
    if (type === 'jsonb' || type === 'json') {
      if (c.default?.startsWith("'[")) return JSON.stringify([pick(words), pick(words)]);
      return JSON.stringify({ mode: pick(words), enabled: rng() < 0.5, n: index });
    }
    return text(c.name, Math.min(lengthOf(type) ?? 80, lengthOf(targetType) ?? 80, 80), index);
  }

  function text(name: string, max: number, index: number): string {
    let value: string;
    if (name === 'currency') value = pick(['USD', 'EUR']);
    else if (name.includes('email')) value = `${pick(words)}.${index}.${hex(4)}@example.com`;
    else if (name === 'token' || name.endsWith('_token')) value = hex(48);
    else if (name.includes('hash') || name.includes('checksum')) value = hex(64);
    else if (name.includes('mime')) value = pick(['image/png', 'application/pdf', 'text/plain']);
    else if (name.includes('domain')) value = `${pick(words)}${index}.example.com`;
    else if (name.includes('url') || name.includes('path'))
      value = `https://files.example.com/${hex(12)}`;
    else value = `${pick(words)} ${pick(words)} ${index}`;
    return value.slice(0, max);
  }

  await realism(session, live);
  for (const name of rows.keys()) {
    const [row] = await session.query<{ n: number }>(
      `select count(*)::int as n from ${quote(name)}`,
    );
    rows.set(name, Number(row?.n ?? 0));
  }
  return { rows };
}

const lengthOf = (type: string) => {
  const match = /\((\d+)\)$/.exec(type);
  return type.startsWith('character') && match ? Number(match[1]) : null;
};

/**
 * The values a live check of the shape `col = ANY (ARRAY['a', 'b'])` allows, per column (the
 * May original's checks on conversations, participants, signals): the generator picks among them.
 */
function checkLabels(table: LiveTable): Map<string, string[]> {
  const found = new Map<string, string[]>();
  for (const c of table.constraints.values()) {
    if (c.type !== 'check') continue;
    const match = /\(\(?(\w+)\)?(?:::text)? = ANY \(\(?ARRAY\[([^\]]*)\]/.exec(c.definition);
    if (!match) continue;
    const labels = [...(match[2] as string).matchAll(/'((?:[^']|'')*)'/g)].map((m) =>
      (m[1] as string).replaceAll("''", "'"),
    );
    if (labels.length > 0) found.set(match[1] as string, labels);
  }
  return found;
}

const quoteName = (name: string) => `"${name.replaceAll('"', '""')}"`;
