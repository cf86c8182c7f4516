-- Down of 0042_chunk_embedding_any_dimension: back to the schema 0041_drop_store_indexes_before_any_dimension left.
-- Written by db:generate from meta/0042_snapshot.json and meta/0041_snapshot.json (drizzle-kit/api);
-- review it like any migration. "fluxcore:destructive" marks a statement that drops data:
-- db:rollback counts those rows first and refuses to lose them without --yes.
-- By hand: vector(1536) would refuse a chunk of another width, so the down counts them first and
-- refuses, naming the rows, before anything changes.
DO $$
DECLARE
  other bigint;
  examples text;
BEGIN
  SELECT count(*), string_agg(id::text || ' (' || vector_dims(embedding) || ' dimensions)', ', ')
             FILTER (WHERE n <= 3)
    INTO other, examples
    FROM (SELECT id, embedding, row_number() OVER (ORDER BY id) AS n
            FROM fluxcore_document_chunks
           WHERE embedding IS NOT NULL AND vector_dims(embedding) <> 1536) wide;
  IF other > 0 THEN
    RAISE EXCEPTION 'fluxcore_document_chunks.embedding: % row(s) are not 1536 dimensions (e.g. %), which vector(1536) refuses; delete or re-embed them at 1536 before rolling back', other, examples;
  END IF;
END
$$;
--> statement-breakpoint
ALTER TABLE "fluxcore_document_chunks" ALTER COLUMN "embedding" SET DATA TYPE vector(1536);
--> statement-breakpoint
CREATE INDEX "fluxcore_document_chunks_embedding_hnsw_idx" ON "fluxcore_document_chunks" USING hnsw ("embedding" vector_cosine_ops) WITH (m=16,ef_construction=64);
