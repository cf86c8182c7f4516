/**
 * The RAG domain (DOMAIN.md section 5) on both database kinds: vector stores, files, RAG
 * configurations and document chunks whose 1536-wide embeddings round-trip; one chunk per
 * index of a file; and the HNSW index serving the cosine top-k query over one store's chunks.
 * The drizzle-zod insert schema of vector stores needs no database.
 */
import { beforeAll, describe, expect, test } from 'bun:test';
import {
  createAccount,
  createChunk,
  createFile,
  createVectorStore,
  databaseKinds,
  unitEmbedding,
  useMigratedDatabase,
} from '@fluxcore/db/testing';
import { eq, sql } from 'drizzle-orm';
import type { Database } from '../src/connection/client.ts';
import { storeIndexDefinition } from '../src/operations/rag/store-indexes.ts';
import {
  type DocumentChunkMetadata,
  embeddingDimensions,
  fluxcoreDocumentChunks,
  fluxcoreRagConfigurations,
  fluxcoreVectorStoreFiles,
  fluxcoreVectorStoreSchemas,
  fluxcoreVectorStores,
  storeIndexName,
} from '../src/schema/index.ts';
import {
  asFloat32,
  expectAcceptedThenRefusedOn,
  expectRefusedBy,
  single,
  someId,
} from './support/rows.ts';

describe.each(databaseKinds)('on a fresh %s database', (kind) => {
  const migrated = useMigratedDatabase(kind);
  let db: Database;
  beforeAll(() => {
    db = migrated.db;
  });

  describe('rag', () => {
    test('a vector store gets its defaults and loads its files, chunks and RAG configuration', async () => {
      const account = await createAccount(db);
      const store = await createVectorStore(db, {
        accountId: account.id,
        metadata: { topic: 'catalogue' },
      });
      expect(store).toMatchObject({
        visibility: 'private',
        status: 'draft',
        backend: 'local',
        source: 'primary',
        fileCounts: {},
        usage: {},
        expiresAfter: {},
        expiresAt: null,
      });
      expect(store.metadata).toEqual({ topic: 'catalogue' });

      const file = await createFile(db, {
        accountId: account.id,
        sizeBytes: 2048,
        textContent: 'Roses: red, white. Tulips: yellow.',
      });
      expect(file.mimeType).toBe('application/octet-stream');
      expect(file.sizeBytes).toBe(2048);

      const storeFile = single(
        await db
          .insert(fluxcoreVectorStoreFiles)
          .values({
            vectorStoreId: store.id,
            fileId: file.id,
            name: file.name,
            chunkingStrategy: {
              type: 'static',
              static: { maxChunkSizeTokens: 800, chunkOverlapTokens: 400 },
            },
          })
          .returning(),
      );
      expect(storeFile).toMatchObject({
        status: 'in_progress',
        lastError: {},
        chunkCount: 0,
        usageBytes: 0,
      });

      const configuration = single(
        await db.insert(fluxcoreRagConfigurations).values({ vectorStoreId: store.id }).returning(),
      );
      expect(configuration).toMatchObject({
        chunkingStrategy: 'recursive',
        chunkSizeTokens: 512,
        chunkOverlapTokens: 50,
        chunkSeparators: ['\n\n', '\n', '. ', ' '],
        embeddingProvider: 'openai',
        embeddingModel: 'text-embedding-3-small',
        embeddingDimensions: 1536,
        retrievalTopK: 10,
        retrievalMinScore: '0.300',
        hybridSearchEnabled: false,
        rerankEnabled: false,
        ocrLanguage: 'spa',
      });

      const embedding = unitEmbedding(7);
      const metadata: DocumentChunkMetadata = {
        pageNumber: 3,
        sectionTitle: 'Roses',
        startChar: 0,
      };
      const chunk = await createChunk(db, {
        vectorStoreId: store.id,
        fileId: file.id,
        accountId: account.id,
        chunkIndex: 0,
        embedding,
        metadata,
      });
      expect(chunk.tokenCount).toBe(0);
      expect(chunk.embedding).toHaveLength(embeddingDimensions);
      expect(asFloat32(chunk.embedding ?? [])).toEqual(asFloat32(embedding));

      const read = single(
        await db
          .select()
          .from(fluxcoreDocumentChunks)
          .where(eq(fluxcoreDocumentChunks.id, chunk.id)),
      );
      expect(asFloat32(read.embedding ?? [])).toEqual(asFloat32(embedding));
      expect((read.embedding ?? []).reduce((total, value) => total + value * value, 0)).toBeCloseTo(
        1,
        5,
      );
      expect(read.metadata).toEqual(metadata);

      const loaded = await db.query.fluxcoreVectorStores.findFirst({
        where: eq(fluxcoreVectorStores.id, store.id),
        with: { files: { with: { file: true } }, chunks: true, ragConfiguration: true },
      });
      expect(loaded?.ragConfiguration?.id).toBe(configuration.id);
      expect(loaded?.files.map((row) => row.file?.contentHash)).toEqual([file.contentHash]);
      expect(loaded?.files[0]?.chunkingStrategy).toEqual(storeFile.chunkingStrategy);
      expect(loaded?.chunks).toHaveLength(1);
      expect(asFloat32(loaded?.chunks[0]?.embedding ?? [])).toEqual(asFloat32(embedding));
    });

    test('a file cannot hold two chunks at the same index', async () => {
      const account = await createAccount(db);
      const store = await createVectorStore(db, { accountId: account.id });
      const file = await createFile(db, { accountId: account.id });
      const scope = { vectorStoreId: store.id, fileId: file.id, accountId: account.id };
      await createChunk(db, { ...scope, chunkIndex: 0 });
      await expectRefusedBy(
        createChunk(db, { ...scope, chunkIndex: 0, content: 'a re-index that forgot to delete' }),
        'fluxcore_document_chunks_file_model_chunk_key',
      );
    });

    test('an embedding of any width is kept, as the original’s May column (never narrower)', async () => {
      const account = await createAccount(db);
      const store = await createVectorStore(db, { accountId: account.id });
      const file = await createFile(db, { accountId: account.id });
      const scope = { vectorStoreId: store.id, fileId: file.id, accountId: account.id };
      const narrow = await createChunk(db, { ...scope, chunkIndex: 0, embedding: [0.6, 0.8, 0] });
      const wide = await createChunk(db, { ...scope, chunkIndex: 1 });
      const [row] = await db
        .select({ embedding: fluxcoreDocumentChunks.embedding })
        .from(fluxcoreDocumentChunks)
        .where(eq(fluxcoreDocumentChunks.id, narrow.id));
      expect(row?.embedding).toEqual([0.6, 0.8, 0]);
      expect(wide.embedding).toHaveLength(embeddingDimensions);
    });
  });

  test('a cosine top-k query over one store’s chunks is served by the store’s own HNSW index', async () => {
    const account = await createAccount(db);
    const store = await createVectorStore(db, { accountId: account.id });
    const file = await createFile(db, { accountId: account.id });
    const embeddings = Array.from({ length: 200 }, (_, index) => unitEmbedding(1000 + index));
    const batchSize = 50;
    for (let start = 0; start < embeddings.length; start += batchSize) {
      await db.insert(fluxcoreDocumentChunks).values(
        embeddings.slice(start, start + batchSize).map((embedding, offset) => ({
          vectorStoreId: store.id,
          fileId: file.id,
          accountId: account.id,
          chunkIndex: start + offset,
          content: `Chunk ${start + offset}`,
          embedding,
        })),
      );
    }
    const query = embeddings[42] as number[];
    // The index maintainStoreIndexes gives a large store (here built directly: 200 chunks).
    await db.execute(sql.raw(storeIndexDefinition(store.id, embeddingDimensions, false)));

    const { plan, nearest } = await db.transaction(async (tx) => {
      // With 200 rows the planner rightly prefers to read the store's rows and sort them by
      // distance: that costs less than walking the graph, and is exact. The point here is that
      // the index *can* serve this query shape (one store, ordered by cosine distance, top k),
      // as it must once the table is large. So this transaction alone (`set local`; the
      // transaction also pins one pooled connection) switches off sequential scans and explicit
      // sorts: without a sort, only the index can produce the order. Sequential scans alone are
      // not enough: the planner then reads the store's rows through the btree on
      // vector_store_id and still sorts them. Were the HNSW index built with another operator
      // class than vector_cosine_ops, no plan could use it for `<=>`.
      await tx.execute(sql`set local enable_seqscan = off`);
      await tx.execute(sql`set local enable_sort = off`);
      const explained = await tx.execute(
        sql`explain select id from fluxcore_document_chunks where vector_store_id = ${store.id} and vector_dims(embedding) = 1536 order by embedding::vector(1536) <=> ${JSON.stringify(query)}::vector(1536) limit 10`,
      );
      const rows = (explained as unknown as { rows: { 'QUERY PLAN': string }[] }).rows;
      const nearest = await tx
        .select({ chunkIndex: fluxcoreDocumentChunks.chunkIndex })
        .from(fluxcoreDocumentChunks)
        .where(eq(fluxcoreDocumentChunks.vectorStoreId, store.id))
        .orderBy(
          sql`${fluxcoreDocumentChunks.embedding}::vector(1536) <=> ${JSON.stringify(query)}::vector(1536)`,
        )
        .limit(10);
      return { plan: rows.map((row) => row['QUERY PLAN']).join('\n'), nearest };
    });

    expect(plan).toContain(`Index Scan using ${storeIndexName(store.id)}`);
    // The index answers correctly too: the chunk whose embedding is the query comes first.
    expect(nearest).toHaveLength(10);
    expect(nearest[0]?.chunkIndex).toBe(42);
  }, 60_000);
});

describe('the drizzle-zod insert schemas', () => {
  test('rag: a vector store backend must be local or openai', () => {
    expectAcceptedThenRefusedOn(
      fluxcoreVectorStoreSchemas.insert,
      { accountId: someId, name: 'Catalogue', backend: 'openai', externalId: 'vs_abc123' },
      'backend',
      'pinecone',
    );
  });
});
