-- Before fluxcore_document_chunks.embedding becomes a vector of any dimension (the next
-- migration), the per-store HNSW indexes go: they are on the column itself, which an HNSW index
-- needs to have one dimension, so the retype could not rebuild them. They hold no data of their
-- own (a search falls back to the exact scan meanwhile); maintainStoreIndexes, or the worker,
-- builds each large store's index again, on `embedding::vector(N)`. Matched by the name the
-- package gives them (schema/rag/store-indexes.ts), nothing else.
DO $$
DECLARE
  store_index text;
BEGIN
  FOR store_index IN
    SELECT i.relname FROM pg_catalog.pg_index x
      JOIN pg_catalog.pg_class i ON i.oid = x.indexrelid
     WHERE x.indrelid = to_regclass('public.fluxcore_document_chunks')
       AND i.relname ~ '^fluxcore_chunks_[0-9a-f]{32}_hnsw$'
  LOOP
    EXECUTE format('DROP INDEX %I', store_index);
  END LOOP;
END
$$;
