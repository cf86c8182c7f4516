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

/**
 * A configuration row as RAGConfig. A setting the row leaves null (the original's columns are
 * nullable, and its writes may pass null) takes DEFAULT_RAG_CONFIG's value.
 */
export function toRAGConfig(record: FluxcoreRagConfiguration): RAGConfig {
  const { chunking, embedding, retrieval, processing } = DEFAULT_RAG_CONFIG;
  const orNumber = (value: string | null, fallback: number) =>
    value === null ? fallback : Number(value);
  return {
    id: record.id,
    name: optional(record.name),
    vectorStoreId: optional(record.vectorStoreId),
    accountId: optional(record.accountId),
    isDefault: record.isDefault ?? false,
    chunking: {
      // The column takes any string, as the original's does; RAGConfig names the known ones.
      strategy: record.chunkingStrategy as ChunkingStrategy,
      sizeTokens: record.chunkSizeTokens ?? chunking.sizeTokens,
      overlapTokens: record.chunkOverlapTokens ?? chunking.overlapTokens,
      separators: record.chunkSeparators ?? [...(chunking.separators ?? [])],
      customRegex: optional(record.chunkCustomRegex),
      minSize: record.minChunkSize ?? chunking.minSize,
      maxSize: record.maxChunkSize ?? chunking.maxSize,
    },
    embedding: {
      provider: record.embeddingProvider as EmbeddingProvider,
      model: record.embeddingModel ?? embedding.model,
      dimensions: record.embeddingDimensions ?? embedding.dimensions,
      batchSize: record.embeddingBatchSize ?? embedding.batchSize,
      endpointUrl: optional(record.embeddingEndpointUrl),
      apiKeyRef: optional(record.embeddingApiKeyRef),
    },
    retrieval: {
      topK: record.retrievalTopK ?? retrieval.topK,
      minScore: orNumber(record.retrievalMinScore, retrieval.minScore),
      maxTokens: record.retrievalMaxTokens ?? retrieval.maxTokens,
      hybridSearch: {
        enabled: record.hybridSearchEnabled ?? retrieval.hybridSearch.enabled,
        keywordWeight: orNumber(record.hybridKeywordWeight, retrieval.hybridSearch.keywordWeight),
      },
      rerank: {
        enabled: record.rerankEnabled ?? retrieval.rerank.enabled,
        provider: optional(record.rerankProvider) as RerankProvider | undefined,
        model: optional(record.rerankModel),
        topN: record.rerankTopN ?? retrieval.rerank.topN,
      },
    },
    processing: {
      supportedMimeTypes: record.supportedMimeTypes ?? [...processing.supportedMimeTypes],
      ocr: {
        enabled: record.ocrEnabled ?? processing.ocr.enabled,
        language: record.ocrLanguage ?? processing.ocr.language,
      },
      metadata: {
        extract: record.extractMetadata ?? processing.metadata.extract,
        fields: record.metadataFields ?? [...processing.metadata.fields],
      },
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
