import { pgEnum } from 'drizzle-orm/pg-core';

/** `active` is the original's own status for a live assistant (it writes and filters by it). */
export const assistantStatuses = ['draft', 'production', 'disabled', 'active'] as const;
export type AssistantStatus = (typeof assistantStatuses)[number];
export const assistantStatusEnum = pgEnum('assistant_status', assistantStatuses);

/** Where an assistant runs: FluxCore's own loop, or OpenAI's Assistants API. */
export const assistantRuntimes = ['local', 'openai'] as const;
export type AssistantRuntime = (typeof assistantRuntimes)[number];
export const assistantRuntimeEnum = pgEnum('assistant_runtime', assistantRuntimes);

export const instructionStatuses = ['draft', 'production', 'disabled'] as const;
export type InstructionStatus = (typeof instructionStatuses)[number];
export const instructionStatusEnum = pgEnum('instruction_status', instructionStatuses);

export const vectorStoreAccessModes = ['read', 'write', 'read_write'] as const;
export type VectorStoreAccessMode = (typeof vectorStoreAccessModes)[number];
export const vectorStoreAccessModeEnum = pgEnum('vector_store_access_mode', vectorStoreAccessModes);

/** internal: runs inside FluxCore; external: calls a third-party API. */
/** `mcp` and `http` are the original's kinds of external tool. */
export const toolTypes = ['internal', 'external', 'mcp', 'http'] as const;
export type ToolType = (typeof toolTypes)[number];
export const toolTypeEnum = pgEnum('tool_type', toolTypes);

export const toolAuthTypes = ['none', 'api_key', 'oauth2'] as const;
export type ToolAuthType = (typeof toolAuthTypes)[number];
export const toolAuthTypeEnum = pgEnum('tool_auth_type', toolAuthTypes);

export const toolConnectionStatuses = ['connected', 'disconnected', 'error'] as const;
export type ToolConnectionStatus = (typeof toolConnectionStatuses)[number];
export const toolConnectionStatusEnum = pgEnum('tool_connection_status', toolConnectionStatuses);

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
