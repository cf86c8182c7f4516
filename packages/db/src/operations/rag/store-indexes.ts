/**
 * Each large vector store's own HNSW index: a partial index over its chunks alone
 * (`where vector_store_id = '…' and vector_dims(embedding) = N`), on the expression
 * `embedding::vector(N)` (the column takes any dimension; an index needs one), so a search
 * walks no other tenant's vectors. A store gets
 * one when its chunk count (fluxcore_vector_store_stats.chunk_count, which the chunk
 * triggers keep) reaches `indexAt`, and loses it when the count falls below `dropBelow`; the
 * gap keeps a store near the line from being indexed and dropped over and over. Below the
 * line an exact scan of the store is faster than any index (bench: rag-tenants).
 *
 * On a server the index is built and dropped CONCURRENTLY: writes to the chunks go on while
 * it builds, and a search uses it only once it is valid. PGlite has one connection, so there
 * a plain CREATE INDEX runs.
 */
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '../../connection/client.ts';
import type { DatabaseConfig } from '../../connection/config.ts';
import { rawRows } from '../../connection/raw-rows.ts';
import { FluxDbError } from '../../errors/flux-db-error.ts';
import { readSettings, wholeNumberSetting } from '../../program/settings.ts';
import {
  storeIndexExpression,
  storeIndexMaxDimensions,
  storeIndexName,
  storeIndexNamePattern,
  storeIndexType,
} from '../../schema/index.ts';
import { forgetStoreIndexLists } from './search.ts';

export interface StoreIndexThresholds {
  /** A store with at least this many chunks gets its own HNSW index. */
  indexAt: number;
  /** A store with its own index loses it below this many chunks. */
  dropBelow: number;
}

/** Measured on 1536 dimensions (docs/benchmarks.md, rag-tenants). */
export const storeIndexDefaults: StoreIndexThresholds = { indexAt: 1_000, dropBelow: 500 };

const chunkCount = (fallback: number) =>
  wholeNumberSetting(1, 100_000_000, fallback, 'must be a whole number of chunks from 1');

const thresholdSettings = z
  .object({
    FLUXCORE_RAG_STORE_INDEX_AT: chunkCount(storeIndexDefaults.indexAt),
    FLUXCORE_RAG_STORE_INDEX_DROP_BELOW: chunkCount(storeIndexDefaults.dropBelow),
  })
  .refine((s) => s.FLUXCORE_RAG_STORE_INDEX_DROP_BELOW <= s.FLUXCORE_RAG_STORE_INDEX_AT, {
    path: ['FLUXCORE_RAG_STORE_INDEX_DROP_BELOW'],
    message: 'must not exceed FLUXCORE_RAG_STORE_INDEX_AT',
  });

/** FLUXCORE_RAG_STORE_INDEX_AT and FLUXCORE_RAG_STORE_INDEX_DROP_BELOW, else the defaults. */
export function readStoreIndexThresholds(
  env: Record<string, string | undefined>,
): StoreIndexThresholds {
  const settings = readSettings(thresholdSettings, env, 'Fix the variable and start again');
  return {
    indexAt: settings.FLUXCORE_RAG_STORE_INDEX_AT,
    dropBelow: settings.FLUXCORE_RAG_STORE_INDEX_DROP_BELOW,
  };
}

/**
 * The definition of a store's index: pgvector's defaults (m 16, ef_construction 64), over the
 * store's chunks of one dimension (the column takes any; a cast to one needs them all alike).
 */
export function storeIndexDefinition(
  vectorStoreId: string,
  dimensions: number,
  concurrently: boolean,
): string {
  const id = z.guid().parse(vectorStoreId);
  const n = z.number().int().min(1).max(storeIndexMaxDimensions).parse(dimensions);
  return `create index ${concurrently ? 'concurrently ' : ''}if not exists ${storeIndexName(id)}
    on fluxcore_document_chunks using hnsw (${storeIndexExpression(n)} ${storeIndexType}_cosine_ops)
    with (m = 16, ef_construction = 64) where vector_store_id = '${id}' and vector_dims(embedding) = ${n}`;
}

export interface StoreIndexPlan {
  /** Stores at or over indexAt without a valid index of their own. */
  create: { vectorStoreId: string; chunks: number; dimensions: number }[];
  /** Indexes of stores below dropBelow or gone, and invalid ones (a build that failed). */
  drop: { index: string; vectorStoreId: string | null; reason: string }[];
}

interface PlanRow {
  action: 'create' | 'drop';
  vector_store_id: string | null;
  index: string | null;
  chunks: number | null;
  dimensions: number | null;
  reason: string;
}

/** What maintainStoreIndexes would do now, from the stats and the catalog, in one query. */
export async function planStoreIndexes(
  db: Database,
  thresholds: StoreIndexThresholds = storeIndexDefaults,
): Promise<StoreIndexPlan> {
  const rows = await rawRows<PlanRow>(
    db,
    sql`with own as (
          select i.relname as index, x.indisvalid as valid,
                 (regexp_match(pg_get_expr(x.indpred, x.indrelid), '''([0-9a-f-]{36})'''))[1]::uuid as store
            from pg_catalog.pg_index x
            join pg_catalog.pg_class i on i.oid = x.indexrelid
           where x.indrelid = 'public.fluxcore_document_chunks'::regclass
             and i.relname ~ ${storeIndexNamePattern})
        select 'drop' as action, own.store as vector_store_id, own.index, s.chunk_count as chunks, null::int as dimensions,
               case when not own.valid then 'invalid (a build that did not finish)'
                    when s.vector_store_id is null then 'the store is gone'
                    else 'below ' || ${thresholds.dropBelow}::int || ' chunks' end as reason
          from own left join fluxcore_vector_store_stats s on s.vector_store_id = own.store
         where not own.valid or s.vector_store_id is null or s.chunk_count < ${thresholds.dropBelow}::int
        union all
        select 'create', s.vector_store_id, null, s.chunk_count,
               (select vector_dims(c.embedding) from fluxcore_document_chunks c
                 where c.vector_store_id = s.vector_store_id and c.embedding is not null limit 1),
               'at or over ' || ${thresholds.indexAt}::int || ' chunks'
          from fluxcore_vector_store_stats s
         where s.chunk_count >= ${thresholds.indexAt}::int
           and not exists (select 1 from own where own.store = s.vector_store_id and own.valid)
         order by 1 desc, 4 desc`,
  );
  const plan: StoreIndexPlan = { create: [], drop: [] };
  for (const row of rows) {
    const dimensions = Number(row.dimensions);
    // A store whose chunks are not embedded yet, or too wide for the index, stays exact.
    if (row.action === 'create' && row.vector_store_id) {
      if (dimensions >= 1 && dimensions <= storeIndexMaxDimensions)
        plan.create.push({
          vectorStoreId: row.vector_store_id,
          chunks: Number(row.chunks),
          dimensions,
        });
    } else if (row.action === 'drop' && row.index) {
      plan.drop.push({ index: row.index, vectorStoreId: row.vector_store_id, reason: row.reason });
    }
  }
  return plan;
}

export interface StoreIndexChange {
  action: 'created' | 'dropped';
  index: string;
  vectorStoreId: string | null;
  reason: string;
  ms: number;
}

/**
 * Brings the per-store indexes in line with the thresholds: drops first (invalid builds,
 * shrunk or deleted stores), then builds the missing ones, largest store first. Each index is
 * one statement of its own (CONCURRENTLY cannot run in a transaction). Run it after loading
 * chunks, or periodically (the worker); running it again when nothing changed does nothing.
 */
export async function maintainStoreIndexes(
  client: { kind: DatabaseConfig['kind']; db: Database },
  options: { thresholds?: StoreIndexThresholds; log?: (line: string) => void } = {},
): Promise<StoreIndexChange[]> {
  const concurrently = client.kind === 'server';
  // Building and dropping indexes is the owner's work; a runtime role would also see no store's
  // stats (row-level security) and plan to drop every index. Refuse in one line instead.
  const [owner] = await rawRows<{ owns: boolean; login: string }>(
    client.db,
    sql`select pg_has_role(current_user, c.relowner, 'MEMBER') as "owns", current_user as "login"
          from pg_catalog.pg_class c where c.oid = 'public.fluxcore_document_chunks'::regclass`,
  );
  if (owner && !owner.owns) {
    throw new FluxDbError(
      'PERMISSION_DENIED',
      `${owner.login} does not own fluxcore_document_chunks, so it cannot build or drop the per-store indexes`,
      "Give the index loop a DATABASE_URL of the tables' owner (docs/tenancy.md, the worker)",
    );
  }
  const plan = await planStoreIndexes(client.db, options.thresholds);
  const changes: StoreIndexChange[] = [];
  const timed = async (change: Omit<StoreIndexChange, 'ms'>, statement: string) => {
    const start = performance.now();
    await client.db.execute(sql.raw(statement));
    const done = { ...change, ms: performance.now() - start };
    changes.push(done);
    options.log?.(`${done.action} ${done.index} (${done.reason}) in ${done.ms.toFixed(0)} ms`);
  };
  for (const drop of plan.drop) {
    await timed(
      { action: 'dropped', ...drop },
      `drop index ${concurrently ? 'concurrently ' : ''}if exists ${drop.index}`,
    );
  }
  for (const store of plan.create) {
    await timed(
      {
        action: 'created',
        index: storeIndexName(store.vectorStoreId),
        vectorStoreId: store.vectorStoreId,
        reason: `${store.chunks} chunks of ${store.dimensions} dimensions`,
      },
      storeIndexDefinition(store.vectorStoreId, store.dimensions, concurrently),
    );
  }
  if (changes.length > 0) forgetStoreIndexLists(client.db);
  return changes;
}
