import { pgEnum } from 'drizzle-orm/pg-core';

/**
 * The statuses this package's code writes. The column is a varchar(20), as the original's: its
 * code writes and filters by `active` too, and declares no closed type.
 */
export const assistantStatuses = ['draft', 'production', 'disabled', 'active'] as const;
export type AssistantStatus = (typeof assistantStatuses)[number];

/** Where an assistant runs: FluxCore's own loop, or OpenAI's Assistants API. */
/** The original's `runtime: 'local' | 'openai'`; its test-persistence script also writes `diagnostic`. */
export const assistantRuntimes = ['local', 'openai', 'diagnostic'] as const;
export type AssistantRuntime = (typeof assistantRuntimes)[number];
export const assistantRuntimeEnum = pgEnum('assistant_runtime', assistantRuntimes);

export const instructionStatuses = ['draft', 'production', 'disabled'] as const;
export type InstructionStatus = (typeof instructionStatuses)[number];

export const vectorStoreAccessModes = ['read', 'write', 'read_write'] as const;
export type VectorStoreAccessMode = (typeof vectorStoreAccessModes)[number];

/** internal: runs inside FluxCore; external: calls a third-party API. */
/** `mcp` and `http` are the original's kinds of external tool. */
export const toolTypes = ['internal', 'external', 'mcp', 'http'] as const;
export type ToolType = (typeof toolTypes)[number];

export const toolAuthTypes = ['none', 'api_key', 'oauth2'] as const;
export type ToolAuthType = (typeof toolAuthTypes)[number];

export const toolConnectionStatuses = ['connected', 'disconnected', 'error'] as const;
export type ToolConnectionStatus = (typeof toolConnectionStatuses)[number];

/** The kind of thing a usage row is about (`resource_id` names the row). */
export const usageResourceTypes = [
  'assistant',
  'instruction',
  'vector_store',
  'file',
  'tool',
  // The original's billing resources (its ResourceType).
  'embedding',
  'retrieval',
  'document_processing',
  'storage',
  'api_call',
] as const;
export type UsageResourceType = (typeof usageResourceTypes)[number];
/** The original's billing resources: the values its usage logs and prices use. */
export type ResourceType = Extract<
  UsageResourceType,
  'embedding' | 'retrieval' | 'document_processing' | 'storage' | 'api_call'
>;
export const usageResourceTypeEnum = pgEnum('usage_resource_type', usageResourceTypes);

export const usageOperations = [
  'chat_completion',
  'embedding',
  'retrieval',
  'rerank',
  'tool_call',
  'file_processing',
] as const;
/** The operations this package's code logs; the column takes any string, as the original's does. */
export type UsageOperation = (typeof usageOperations)[number];
