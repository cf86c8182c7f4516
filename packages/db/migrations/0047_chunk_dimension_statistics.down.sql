-- Down of 0043_chunk_dimension_statistics: written by hand. Statistics hold no data of their own.
DROP STATISTICS IF EXISTS "fluxcore_document_chunks_dimensions_stat";
