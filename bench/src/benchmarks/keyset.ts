/**
 * A page of 50 messages from a conversation of 100k, in a messages table of 1M: the package's
 * listMessages (cursor decoding, a named prepared statement drizzle built once, the rows
 * mapped into messages, the next cursor's encoding) against the very SQL it sends, run
 * through a raw node-postgres named prepared statement (parsed and planned once). On the
 * embedded database the baseline is PGlite's own `query` with the same SQL.
 */
import {
  type DatabaseClient,
  encodeMessageCursor,
  listMessages,
  messagePageSql,
  type SqlSession,
} from '@fluxcore/db';
import pg from 'pg';

import { messageContent, SeededRandom } from '../data.ts';
import { type BenchDatabase, bulkLoad, withMigratedDatabase } from '../databases.ts';
import { formatMs, median, percentile, rotate } from '../measure.ts';
import { type Benchmark, type Context, durationRow, type Row } from '../suite.ts';

const pageSize = 50;
const batchRows = 10_000;

export interface LoadedConversation {
  conversationId: string;
  /** One of the conversation's two accounts (a tenant that sees it). */
  accountId: string;
  /** Where pages start: a spread of (created_at µs, id) positions in the big conversation. */
  positions: { createdAtMicros: string; id: string }[];
  loadMs: number;
  indexBuildMs: Record<string, number>;
}

/** Micro-second timestamps as PostgreSQL reads them: ISO with six fractional digits. */
function isoMicros(micros: number): string {
  const iso = new Date(Math.floor(micros / 1000)).toISOString();
  return `${iso.slice(0, -1)}${String(micros % 1000).padStart(3, '0')}Z`;
}

/**
 * Two accounts, one relationship, one conversation of `conversationRows` messages and the rest
 * of `tableRows` spread over conversations of about 1,000. The big conversation's messages are
 * interleaved evenly with the others in time, so they are scattered over the table's pages as
 * a busy account's are. One message in 20 shares its timestamp with the one before (written in
 * one transaction), so the id tie-break is exercised.
 */
export async function loadMessages(
  session: SqlSession,
  sizes: { tableRows: number; conversationRows: number },
  seed: number,
  log: (line: string) => void,
): Promise<LoadedConversation> {
  const random = new SeededRandom(seed);
  const [userA, userB, accountA, accountB, relationship, big] = Array.from({ length: 6 }, () =>
    random.uuid(),
  );
  const others = Array.from(
    { length: Math.max(1, Math.ceil((sizes.tableRows - sizes.conversationRows) / 1000)) },
    () => random.uuid(),
  );
  await session.query(
    `insert into users (id, email, password_hash, name) values ($1, 'a@bench.test', 'x', 'A'), ($2, 'b@bench.test', 'x', 'B')`,
    [userA, userB],
  );
  await session.query(
    `insert into accounts (id, owner_user_id, username, display_name) values ($1, $3, 'bench_a', 'A'), ($2, $4, 'bench_b', 'B')`,
    [accountA, accountB, userA, userB],
  );
  await session.query(
    `insert into relationships (id, account_a_id, account_b_id) values ($1, $2, $3)`,
    [relationship, accountA, accountB],
  );
  await session.query(
    `insert into conversations (id, relationship_id) select unnest($1::uuid[]), $2`,
    [[big, ...others], relationship],
  );
  const start = performance.now();
  const share = sizes.conversationRows / sizes.tableRows;
  let micros = Date.UTC(2024, 0, 1) * 1000;
  const indexes = await bulkLoad(session, 'messages', async () => {
    for (let offset = 0; offset < sizes.tableRows; offset += batchRows) {
      const batch: unknown[] = [];
      for (let i = offset; i < Math.min(sizes.tableRows, offset + batchRows); i++) {
        if (random.float() >= 0.05) micros += 1 + random.int(4_000_000);
        const inBig = Math.floor((i + 1) * share) > Math.floor(i * share);
        const fromA = random.float() < 0.5;
        batch.push({
          id: random.uuid(),
          conversation_id: inBig ? big : random.pick(others),
          sender_account_id: fromA ? accountA : accountB,
          content: messageContent(random),
          type: fromA ? 'outgoing' : 'incoming',
          created_at: isoMicros(micros),
        });
      }
      await session.query(
        // The load holds triggers off (bulkLoad), so it writes the tenants a message carries
        // (0059) itself: every conversation is the one relationship's.
        `insert into messages (id, conversation_id, sender_account_id, content, type, created_at,
                               tenant_a_id, tenant_b_id)
         select id, conversation_id, sender_account_id, content, type, created_at, $2::uuid, $3::uuid
           from json_to_recordset($1::json) as r(id uuid, conversation_id uuid, sender_account_id uuid,
                content jsonb, type message_type, created_at timestamptz)`,
        [JSON.stringify(batch), accountA, accountB],
      );
      if ((offset / batchRows) % 20 === 19) log(`  loaded ${offset + batchRows} messages`);
    }
  });
  const loadMs = performance.now() - start;
  const ordered = await session.query<{ micros: string; id: string }>(
    `select (extract(epoch from created_at) * 1000000)::bigint::text as micros, id::text as id
       from messages where conversation_id = $1 order by created_at desc, id desc`,
    [big],
  );
  // Positions with at least a full page behind them, so every page holds 50 messages.
  const positions = Array.from({ length: 200 }, () => {
    const row = ordered[random.int(Math.max(1, ordered.length - pageSize - 1))];
    if (!row) throw new Error('the big conversation is empty');
    return { createdAtMicros: row.micros, id: row.id };
  });
  return {
    conversationId: big as string,
    accountId: accountA as string,
    positions,
    loadMs,
    indexBuildMs: indexes.indexBuildMs,
  };
}

/** The page requests, the same for both sides: one in ten is the newest page. */
function pageRequests(loaded: LoadedConversation, count: number) {
  return Array.from({ length: count }, (_, i) =>
    i % 10 === 0 ? undefined : loaded.positions[i % loaded.positions.length],
  );
}

interface PageSamples {
  ours: number[];
  baseline: number[];
  /** The same SQL, raw but unnamed: parsed and planned on every call, as drizzle's is. */
  unprepared: number[];
  /**
   * How long drizzle takes to build the page query (toSQL), with no database involved: what
   * the baseline's SQL costs to make, and what listMessages no longer pays per call.
   */
  build: number[];
}

async function comparePages(
  client: DatabaseClient,
  raw: {
    prepared: (text: string, name: string, params: unknown[]) => Promise<unknown[]>;
    unnamed?: (text: string, params: unknown[]) => Promise<unknown[]>;
  },
  loaded: LoadedConversation,
  queries: number,
): Promise<PageSamples> {
  const requests = pageRequests(loaded, queries);
  const build: number[] = [];
  // listMessages asks for one row more than the page, to know whether another page follows.
  const pageSql = (round: number) => {
    const position = requests[round % requests.length];
    const start = performance.now();
    const query = messagePageSql(client.db, {
      conversationId: loaded.conversationId,
      limit: pageSize + 1,
      cursor: position,
    });
    build.push(performance.now() - start);
    return { ...query, name: position ? 'bench_page_after' : 'bench_page_first' };
  };
  const measure = async (run: () => Promise<unknown[]>) => {
    const start = performance.now();
    const rows = await run();
    const ms = performance.now() - start;
    if (rows.length === 0) throw new Error('a page query returned no rows');
    return ms;
  };
  const steps = {
    ours: (round: number) => {
      const position = requests[round % requests.length];
      return measure(
        async () =>
          (
            await listMessages(client.db, {
              conversationId: loaded.conversationId,
              limit: pageSize,
              ...(position ? { cursor: encodeMessageCursor(position) } : {}),
            })
          ).messages,
      );
    },
    baseline: (round: number) => {
      const query = pageSql(round);
      return measure(() => raw.prepared(query.sql, query.name, [...query.params]));
    },
    unprepared: (round: number) => {
      const query = pageSql(round);
      const unnamed = raw.unnamed;
      return unnamed ? measure(() => unnamed(query.sql, [...query.params])) : Promise.resolve(0);
    },
  };
  // Warm every path (plans, caches, JIT) before measuring.
  await rotate(Math.min(50, queries), steps);
  build.length = 0;
  const samples = await rotate(queries, steps);
  return { ...samples, build };
}

function keysetRow(
  database: Row['database'],
  sizes: { tableRows: number; conversationRows: number },
  samples: PageSamples,
  loaded: LoadedConversation,
  baselineLabel: string,
  note: string,
): Row {
  const row = durationRow(
    {
      benchmark: 'keyset',
      what: `page of 50 messages, conversation of ${sizes.conversationRows.toLocaleString('en')} in a table of ${sizes.tableRows.toLocaleString('en')}`,
      database,
      target: { text: 'ratio ≤ 1.15 at p50' },
      details: {
        queries: samples.ours.length,
        p95OursMs: percentile(samples.ours, 95),
        p95BaselineMs: percentile(samples.baseline, 95),
        ...(database === 'server' ? { p50UnpreparedMs: median(samples.unprepared) } : {}),
        p50QueryBuildMs: median(samples.build),
        loadMs: loaded.loadMs,
        indexBuildMs: loaded.indexBuildMs,
      },
    },
    { label: '`listMessages`', samples: samples.ours },
    { label: baselineLabel, samples: samples.baseline },
    'p50 latency',
  );
  const met = (row.ratio ?? Number.POSITIVE_INFINITY) <= 1.15;
  if (row.target) row.target.met = met;
  const gap = row.ours.value - (row.baseline?.value ?? 0);
  // listMessages builds its statement once per handle and runs it by name on the driver (no
  // per-call build, parse or plan; rows mapped by hand), so the gap is what is left around it.
  const limits = met
    ? ''
    : ` Limit: the ${formatMs(gap)} gap is the work around the same prepared statement: ${
        database === 'server' ? 'the pool checkout, ' : ''
      }turning the rows into messages (a Date per row) and the cursor's decoding and encoding.`;
  row.note = `${note}.${limits}`;
  return row;
}

/** A bare pg.Client on the database: the raw baseline, with named and unnamed statements. */
async function withRawClient<T>(
  database: BenchDatabase,
  use: (raw: Parameters<typeof comparePages>[1]) => Promise<T>,
): Promise<T> {
  const client = new pg.Client({
    connectionString: database.config.url,
    application_name: 'fluxcore-bench',
  });
  await client.connect();
  try {
    return await use({
      prepared: async (text, name, values) => (await client.query({ name, text, values })).rows,
      unnamed: async (text, values) => (await client.query({ text, values })).rows,
    });
  } finally {
    await client.end();
  }
}

/** The messages table and the big conversation's sizes on each database. */
export function keysetSize(sizes: Context['sizes'], kind: 'server' | 'embedded') {
  return kind === 'server'
    ? { tableRows: sizes.keysetTableRows, conversationRows: sizes.keysetConversationRows }
    : {
        tableRows: sizes.keysetEmbeddedTableRows,
        conversationRows: sizes.keysetEmbeddedConversationRows,
      };
}

function onDatabase(context: Context, kind: 'server' | 'embedded'): Promise<Row> {
  const { sizes } = context;
  const size = keysetSize(sizes, kind);
  return withMigratedDatabase(context.server, kind, 'keyset', async (client, database) => {
    const loaded = await loadMessages(client, size, context.seed, context.log);
    context.log(
      `  ${kind}: ${size.tableRows} messages loaded in ${(loaded.loadMs / 1000).toFixed(1)} s`,
    );
    if (!database) {
      const samples = await comparePages(
        client,
        { prepared: (text, _name, params) => client.query(text, params) },
        loaded,
        sizes.keysetQueries,
      );
      return keysetRow(kind, size, samples, loaded, 'same SQL, PGlite `query`', 'in-memory PGlite');
    }
    const samples = await withRawClient(database, (raw) =>
      comparePages(client, raw, loaded, sizes.keysetQueries),
    );
    return keysetRow(
      kind,
      size,
      samples,
      loaded,
      'same SQL, raw `pg` prepared statement',
      'one connection each: ours a pool of one, the baseline a bare pg.Client',
    );
  });
}

export const keysetBenchmark: Benchmark = {
  id: 'keyset',
  title: 'keyset page of messages',
  run: async (context) => [
    await onDatabase(context, 'server'),
    await onDatabase(context, 'embedded'),
  ],
};
