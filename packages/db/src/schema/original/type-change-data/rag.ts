import type { TypeChangeRows } from './index.ts';

/** The rag domain's tightened column types, by table (index.ts: the row format). */
export const ragTypeChanges: TypeChangeRows = {
  fluxcore_document_chunks: [
    ['created_at', 'timestamp!', 'timestamptz!', 'timestamptz'],
    ['updated_at', 'timestamp!', 'timestamptz!', 'timestamptz'],
  ],
  fluxcore_query_cache: [
    ['created_at', 'timestamp!', 'timestamptz!', 'timestamptz'],
    ['expires_at', 'timestamp!', 'timestamptz!', 'timestamptz'],
    ['hit_count', 'integer', 'integer!', 'notNullSqlOnly'],
  ],
  fluxcore_rag_configurations: [
    ['created_at', 'timestamp!', 'timestamptz!', 'timestamptz'],
    ['updated_at', 'timestamp!', 'timestamptz!', 'timestamptz'],
  ],
  fluxcore_vector_store_files: [
    ['created_at', 'timestamp!', 'timestamptz!', 'timestamptz'],
    ['updated_at', 'timestamp!', 'timestamptz!', 'timestamptz'],
  ],
  fluxcore_vector_store_stats: [
    ['avg_query_time_ms', 'integer', 'integer!', 'notNullSqlOnly'],
    ['chunk_count', 'integer', 'integer!', 'notNullSqlOnly'],
    ['created_at', 'timestamp!', 'timestamptz!', 'timestamptz'],
    ['embedded_chunk_count', 'integer', 'integer!', 'notNullSqlOnly'],
    ['embedding_coverage_percent', 'numeric(5,2)', 'numeric(5,2)!', 'notNullSqlOnly'],
    ['file_count', 'integer', 'integer!', 'notNullSqlOnly'],
    ['last_file_added_at', 'timestamp', 'timestamptz', 'timestamptz'],
    ['last_query_at', 'timestamp', 'timestamptz', 'timestamptz'],
    ['last_reindex_at', 'timestamp', 'timestamptz', 'timestamptz'],
    ['queries_this_month', 'integer', 'integer!', 'notNullSqlOnly'],
    ['total_queries', 'bigint', 'bigint!', 'notNullSqlOnly'],
    ['total_size_bytes', 'bigint', 'bigint!', 'notNullSqlOnly'],
    ['total_tokens', 'integer', 'integer!', 'notNullSqlOnly'],
    ['updated_at', 'timestamp!', 'timestamptz!', 'timestamptz'],
  ],
  fluxcore_vector_stores: [
    ['backend', 'varchar(20)!', 'vector_store_backend!', 'closedSet'],
    ['created_at', 'timestamp!', 'timestamptz!', 'timestamptz'],
    ['expires_at', 'timestamp', 'timestamptz', 'timestamptz'],
    ['updated_at', 'timestamp!', 'timestamptz!', 'timestamptz'],
  ],
};
