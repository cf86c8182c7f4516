/**
 * A seeded generator that fills every table of the reference database with rows shaped like
 * the original app's: uuids, emails, plaintext reset tokens, vectors, json settings, foreign
 * keys that point at real parents. It reads the live catalog for what each column is, and the
 * target for what the schema will accept (an enum's labels, a shorter length, NOT NULL), so
 * the rows are ones that can converge; the refusal tests then break exactly one thing.
 * Then the reference's own oddities: the 'ai_session' credits policy and listing counters
 * kept as its triggers would.
 */
import type { LiveColumn, LiveSchema, LiveTable } from '../../src/catalog/introspect.ts';
import { introspectSchema } from '../../src/catalog/introspect.ts';
import type { FullCatalog } from '../../src/catalog/logic.ts';
import type { SqlSession } from '../../src/client.ts';
import { pairColumns, quote } from '../../src/converge/pair.ts';

export interface GenerateOptions {
  seed?: number;
  rowsPerTable?: number;
  /** Rows of `messages` (the big table). */
  messages?: number;
  /** Tables to leave empty. */
  emptyTables?: string[];
}

function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
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

interface Column {
  live: LiveColumn;
  target: LiveColumn | undefined;
  targetLabels: string[] | null;
  liveLabels: string[] | null;
}

interface Reference {
  table: string;
  column: string;
}

export interface GeneratedData {
  /** Rows inserted per table. */
  rows: Map<string, number>;
}

export async function generateReferenceData(
  session: SqlSession,
  target: FullCatalog,
  options: GenerateOptions = {},
): Promise<GeneratedData> {
  const rng = random(options.seed ?? 20260209);
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
        liveLabels: column.enumType ? (live.enums.get(column.enumType) ?? null) : null,
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
    if (labels && !t?.type.endsWith('[]')) {
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
    if (type.startsWith('vector(')) {
      const size = Number(/\((\d+)\)/.exec(type)?.[1] ?? 3);
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

/** Unique column sets (live and target), as indexes into the live column list. */
function uniqueSets(
  table: LiveTable,
  want: LiveTable | undefined,
  liveToTarget: Map<string, string> | undefined,
): number[][];
function uniqueSets(
  table: LiveTable,
  want: LiveTable | undefined,
  liveToTarget: Map<string, string> | undefined,
  withOrder: true,
): { set: number[]; unordered: boolean }[];
function uniqueSets(
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

function topologicalOrder(live: LiveSchema, references: Map<string, Reference>): string[] {
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

async function insertRows(
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

/** The reference's own oddities, as its code and triggers left them. */
async function realism(session: SqlSession, live: LiveSchema): Promise<void> {
  const has = (table: string, ...columns: string[]) =>
    columns.every((c) => live.tables.get(table)?.columns.has(c));
  if (has('credits_policies', 'feature_key', 'engine', 'model', 'cost_credits', 'token_budget')) {
    // The original seeded 'ai_session'; its own code looks up 'ai.session'.
    await session.exec(`insert into credits_policies (feature_key, engine, model, cost_credits, token_budget, duration_hours, active)
      values ('ai_session', 'openai_chat', 'gpt-4o-mini-2024-07-18', 1, 120000, 24, true),
             ('ai_session', 'groq_chat', 'llama-3.1-8b-instant', 1, 120000, 24, true)`);
  }
  if (has('fluxcore_marketplace_reviews', 'rating'))
    await session.exec('update fluxcore_marketplace_reviews set rating = 1 + rating % 5');
  if (has('fluxcore_marketplace_listings', 'total_subscribers', 'rating_average', 'rating_count')) {
    await session.exec(`update fluxcore_marketplace_listings l set
      total_subscribers = (select count(*) from fluxcore_marketplace_subscriptions s where s.listing_id = l.id),
      rating_count = (select count(*) from fluxcore_marketplace_reviews r where r.listing_id = l.id and r.status = 'published'),
      rating_average = (select round(avg(r.rating)::numeric, 2) from fluxcore_marketplace_reviews r where r.listing_id = l.id and r.status = 'published')`);
  }
  if (has('account_ai_entitlements', 'allowed_providers', 'default_provider')) {
    // The app only offers a default among the allowed providers.
    await session.exec(`update account_ai_entitlements set allowed_providers = allowed_providers || to_jsonb(default_provider)
      where default_provider is not null and not allowed_providers ? default_provider`);
  }
  if (has('fluxcore_marketplace_listings', 'pricing_model', 'billing_period')) {
    await session.exec(
      `update fluxcore_marketplace_listings set billing_period = case when pricing_model = 'subscription' then 'monthly' end`,
    );
  }
  if (has('fluxcore_marketplace_subscriptions', 'current_period_start', 'current_period_end')) {
    await session.exec(`update fluxcore_marketplace_subscriptions set current_period_end = current_period_start + interval '30 days'
      where current_period_start is not null`);
  }
  if (has('fluxcore_tool_connections', 'auth_config')) {
    // Connections as the app stores them: secrets live elsewhere, referenced by id.
    await session.exec(
      `update fluxcore_tool_connections set auth_config = jsonb_build_object('secretRef', 'vault:' || id::text)`,
    );
  }
  if (has('credits_policies', 'token_budget')) {
    // A session's budget is thousands of tokens.
    await session.exec(
      'update credits_policies set token_budget = 1000 * (1 + abs(token_budget)) where token_budget <= 0',
    );
  }
  if (
    has('appointment_staff', 'services', 'account_id') &&
    has('appointment_services', 'account_id')
  ) {
    // A staff member offers some of their account's services, by id.
    await session.exec(`update appointment_staff st set services = coalesce((select jsonb_agg(s.id)
      from appointment_services s where s.account_id = st.account_id), '[]'::jsonb)`);
  }
  if (has('asset_policies', 'default_ttl_seconds', 'max_ttl_seconds', 'max_file_size_bytes')) {
    // TTLs of hours, a ceiling of days; sizes in MiB; retention in days.
    await session.exec(`update asset_policies set
      default_ttl_seconds = 3600 * (1 + abs(default_ttl_seconds) % 24),
      max_ttl_seconds = 86400 * (1 + abs(max_ttl_seconds) % 7),
      max_file_size_bytes = 1048576 * (1 + abs(max_file_size_bytes) % 100),
      retention_days = 1 + abs(retention_days) % 365`);
  }
  if (has('asset_upload_sessions', 'total_bytes', 'bytes_uploaded', 'chunks_received')) {
    // An upload of a few MiB, part of it received, in 5 MiB chunks.
    await session.exec(
      `update asset_upload_sessions set total_bytes = (1 + total_bytes % 40) * 1048576`,
    );
    await session.exec(`update asset_upload_sessions set bytes_uploaded = case
        when total_bytes is null then abs(bytes_uploaded) * 1048576
        else total_bytes * (abs(bytes_uploaded) % 101) / 100 end`);
    await session.exec(
      `update asset_upload_sessions set chunks_received = ceil(coalesce(bytes_uploaded, 0) / 5242880.0)`,
    );
  }
  if (
    has('credits_ledger', 'entry_type', 'delta', 'account_id') &&
    has('credits_wallets', 'account_id')
  ) {
    // Grants and refunds add, spends and expiries take away; every entry moved its account's
    // wallet, which the original creates with the account's first grant.
    await session.exec(`update credits_ledger set delta = case
        when entry_type in ('grant', 'refund') then 1 + abs(delta)
        when entry_type in ('spend', 'expiry') then -(1 + abs(delta)) else delta end`);
    await session.exec(`insert into credits_wallets (account_id, balance)
      select distinct account_id, 0 from credits_ledger l
      where not exists (select 1 from credits_wallets w where w.account_id = l.account_id)`);
  }
  if (has('fluxcore_marketplace_listings', 'pricing_model', 'price_cents')) {
    await session.exec(
      `update fluxcore_marketplace_listings set price_cents = 0 where pricing_model = 'free'`,
    );
  }
  if (has('fluxcore_pricing_config', 'effective_from', 'effective_until')) {
    await session.exec(`update fluxcore_pricing_config set effective_until = effective_from + interval '90 days'
      where effective_until is not null`);
  }
  if (
    has(
      'fluxcore_rag_configurations',
      'chunk_size_tokens',
      'chunk_overlap_tokens',
      'retrieval_min_score',
    )
  ) {
    await session.exec(`update fluxcore_rag_configurations set
      chunk_size_tokens = 256 * (1 + abs(chunk_size_tokens) % 4),
      chunk_overlap_tokens = abs(chunk_overlap_tokens) % 64,
      retrieval_min_score = round((abs(retrieval_min_score) % 1)::numeric, 3)`);
  }
  if (has('extension_contexts', 'account_id', 'relationship_id', 'conversation_id')) {
    // Exactly one owner per context, as the app writes them.
    await session.exec(`update extension_contexts set relationship_id = null, conversation_id = null,
      account_id = coalesce(account_id, (select id from accounts order by id limit 1))`);
  }
}
