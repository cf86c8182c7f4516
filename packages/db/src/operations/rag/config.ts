/**
 * RAG settings as the app reads them: a fluxcore_rag_configurations row grouped into
 * chunking, embedding, retrieval and processing (RAGConfig), and the defaults that apply where
 * no row exists. The same names and shapes as the original FluxCore app imports.
 */
import { desc, eq } from 'drizzle-orm';
import type { Database, Transaction } from '../../connection/client.ts';
import {
  embeddingDimensions,
  type FluxcoreRagConfiguration,
  fluxcoreRagConfigurations,
  type RagChunkingStrategy,
  ragDefaultMimeTypes,
} from '../../schema/index.ts';
import { chunkSearchDefaults } from './search.ts';

export type ChunkingStrategy = RagChunkingStrategy;
export type EmbeddingProvider = 'openai' | 'cohere' | 'google' | 'azure' | 'local' | 'custom';
export type RerankProvider = 'cohere' | 'cross-encoder' | 'custom';

export interface ChunkingConfig {
  strategy: ChunkingStrategy;
  sizeTokens: number;
  overlapTokens: number;
  /** The recursive strategy's separators, tried in order. */
  separators: string[];
  /** The custom strategy's pattern. */
  customRegex?: string;
  minSize: number;
  maxSize: number;
}

export interface EmbeddingConfig {
  provider: EmbeddingProvider;
  model: string;
  dimensions: number;
  batchSize: number;
  endpointUrl?: string;
  /** A reference to a secret, never the key itself. */
  apiKeyRef?: string;
}

export interface RetrievalConfig {
  topK: number;
  /** Cosine similarity a chunk must reach. */
  minScore: number;
  maxTokens: number;
  hybridSearch: { enabled: boolean; keywordWeight: number };
  rerank: { enabled: boolean; provider?: RerankProvider; model?: string; topN: number };
}

export interface ProcessingConfig {
  supportedMimeTypes: string[];
  ocr: { enabled: boolean; language: string };
  metadata: { extract: boolean; fields: string[] };
}

export interface RAGConfig {
  id: string;
  name?: string;
  vectorStoreId?: string;
  accountId?: string;
  isDefault: boolean;
  chunking: ChunkingConfig;
  embedding: EmbeddingConfig;
  retrieval: RetrievalConfig;
  processing: ProcessingConfig;
}

/** The settings that apply where neither the store nor its account has a configuration. */
export const DEFAULT_RAG_CONFIG: Omit<RAGConfig, 'id'> = {
  isDefault: true,
  chunking: {
    strategy: 'recursive',
    sizeTokens: 512,
    overlapTokens: 50,
    separators: ['\n\n', '\n', '. ', ' '],
    minSize: 50,
    maxSize: 2000,
  },
  embedding: {
    provider: 'openai',
    model: 'text-embedding-3-small',
    dimensions: embeddingDimensions,
    batchSize: 100,
  },
  retrieval: {
    topK: chunkSearchDefaults.topK,
    minScore: chunkSearchDefaults.minScore,
    maxTokens: 2000,
    hybridSearch: { enabled: false, keywordWeight: 0.3 },
    rerank: { enabled: false, topN: 5 },
  },
  processing: {
    supportedMimeTypes: [...ragDefaultMimeTypes],
    ocr: { enabled: false, language: 'spa' },
    metadata: { extract: true, fields: ['title', 'author', 'created_date', 'page_count'] },
  },
};

/** Null becomes absent: the optional fields of RAGConfig are never null. */
const optional = <T>(value: T | null): T | undefined => value ?? undefined;

/** A configuration row as RAGConfig. Every column is NOT NULL where RAGConfig needs a value. */
export function toRAGConfig(record: FluxcoreRagConfiguration): RAGConfig {
  return {
    id: record.id,
    name: optional(record.name),
    vectorStoreId: optional(record.vectorStoreId),
    accountId: optional(record.accountId),
    isDefault: record.isDefault,
    chunking: {
      strategy: record.chunkingStrategy,
      sizeTokens: record.chunkSizeTokens,
      overlapTokens: record.chunkOverlapTokens,
      separators: record.chunkSeparators,
      customRegex: optional(record.chunkCustomRegex),
      minSize: record.minChunkSize,
      maxSize: record.maxChunkSize,
    },
    embedding: {
      provider: record.embeddingProvider as EmbeddingProvider,
      model: record.embeddingModel,
      dimensions: record.embeddingDimensions,
      batchSize: record.embeddingBatchSize,
      endpointUrl: optional(record.embeddingEndpointUrl),
      apiKeyRef: optional(record.embeddingApiKeyRef),
    },
    retrieval: {
      topK: record.retrievalTopK,
      minScore: Number(record.retrievalMinScore),
      maxTokens: record.retrievalMaxTokens,
      hybridSearch: {
        enabled: record.hybridSearchEnabled,
        keywordWeight: Number(record.hybridKeywordWeight),
      },
      rerank: {
        enabled: record.rerankEnabled,
        provider: optional(record.rerankProvider) as RerankProvider | undefined,
        model: optional(record.rerankModel),
        topN: record.rerankTopN,
      },
    },
    processing: {
      supportedMimeTypes: record.supportedMimeTypes,
      ocr: { enabled: record.ocrEnabled, language: record.ocrLanguage },
      metadata: { extract: record.extractMetadata, fields: record.metadataFields },
    },
  };
}

/**
 * The settings that apply to a vector store: its own configuration, else its account's
 * default, else DEFAULT_RAG_CONFIG (with `id` empty). Replaces the original's database
 * function get_effective_rag_config.
 */
export async function getEffectiveRagConfig(
  db: Database | Transaction,
  params: { vectorStoreId: string; accountId: string },
): Promise<RAGConfig> {
  const [own] = await db
    .select()
    .from(fluxcoreRagConfigurations)
    .where(eq(fluxcoreRagConfigurations.vectorStoreId, params.vectorStoreId))
    .limit(1);
  if (own) return toRAGConfig(own);
  const [accountDefault] = await db
    .select()
    .from(fluxcoreRagConfigurations)
    .where(eq(fluxcoreRagConfigurations.accountId, params.accountId))
    .orderBy(desc(fluxcoreRagConfigurations.isDefault))
    .limit(1);
  if (accountDefault) return toRAGConfig(accountDefault);
  return { id: '', ...structuredClone(DEFAULT_RAG_CONFIG) };
}
