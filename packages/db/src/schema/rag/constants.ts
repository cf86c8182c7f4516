import { pgEnum } from 'drizzle-orm/pg-core';

/**
 * The default width of an embedding: OpenAI text-embedding-3-small returns 1536 numbers. The
 * chunks column is a `vector` of any dimension (as the original's May column), so a RAG
 * configuration may ask for another width; each chunk keeps its own.
 */
export const embeddingDimensions = 1536;

/** Where the embeddings live: pgvector here, or OpenAI's vector store service. */
export const vectorStoreBackends = ['local', 'openai'] as const;
export type VectorStoreBackend = (typeof vectorStoreBackends)[number];
export const vectorStoreBackendEnum = pgEnum('vector_store_backend', vectorStoreBackends);

/** `expired` is set once `expires_at` has passed (the OpenAI expiry policy). */
export const vectorStoreStatuses = ['draft', 'production', 'disabled', 'expired'] as const;
export type VectorStoreStatus = (typeof vectorStoreStatuses)[number];

/** Where a store's content came from: built by the account, or copied from a marketplace listing. */
/** `cache`: the original's local copy of a store whose backend is elsewhere. */
export const vectorStoreSources = ['primary', 'marketplace', 'cache'] as const;
export type VectorStoreSource = (typeof vectorStoreSources)[number];

/** The processing state of one file in one store (OpenAI's vector store file statuses). */
/** OpenAI's four states, plus the original's `pending` and `processing` for the local backend. */
export const vectorStoreFileStatuses = [
  'in_progress',
  'completed',
  'failed',
  'cancelled',
  'pending',
  'processing',
] as const;
export type VectorStoreFileStatus = (typeof vectorStoreFileStatuses)[number];

export const ragChunkingStrategies = [
  'fixed',
  'recursive',
  'sentence',
  'paragraph',
  'semantic',
  /** By pages (PDFs). */
  'page',
  /** By chunk_custom_regex. */
  'custom',
] as const;
export type RagChunkingStrategy = (typeof ragChunkingStrategies)[number];

/** How a store expires: never, or after days of inactivity (OpenAI's last_active_at anchor). */
export const vectorStoreExpirationPolicies = ['never', 'days_after_last_use'] as const;
