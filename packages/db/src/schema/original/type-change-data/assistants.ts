import type { TypeChangeRows } from './index.ts';

/** The assistants domain's tightened column types, by table (index.ts: the row format). */
export const assistantsTypeChanges: TypeChangeRows = {
  fluxcore_assistant_instructions: [
    ['created_at', 'timestamp!', 'timestamptz!', 'timestamptz'],
    ['updated_at', 'timestamp!', 'timestamptz!', 'timestamptz'],
    ['version_id', 'varchar(100)', 'uuid', 'idTyped'],
  ],
  fluxcore_assistant_tools: [['created_at', 'timestamp!', 'timestamptz!', 'timestamptz']],
  fluxcore_assistant_vector_stores: [
    ['access_mode', 'varchar(20)!', 'vector_store_access_mode!', 'closedSet'],
    ['created_at', 'timestamp!', 'timestamptz!', 'timestamptz'],
    ['updated_at', 'timestamp!', 'timestamptz!', 'timestamptz'],
  ],
  fluxcore_assistants: [
    ['created_at', 'timestamp!', 'timestamptz!', 'timestamptz'],
    ['runtime', 'varchar(20)!', 'assistant_runtime!', 'closedSet'],
    ['size_bytes', 'integer', 'integer!', 'notNull'],
    ['status', 'varchar(20)!', 'assistant_status!', 'closedSet'],
    ['tokens_used', 'integer', 'integer!', 'notNull'],
    ['updated_at', 'timestamp!', 'timestamptz!', 'timestamptz'],
  ],
  fluxcore_instruction_versions: [
    ['created_at', 'timestamp!', 'timestamptz!', 'timestamptz'],
    ['created_by', 'varchar(255)', 'uuid', 'idTyped'],
    ['line_count', 'integer', 'integer!', 'notNull'],
    ['size_bytes', 'integer', 'integer!', 'notNull'],
    ['tokens_estimated', 'integer', 'integer!', 'notNull'],
    ['word_count', 'integer', 'integer!', 'notNull'],
  ],
  fluxcore_instructions: [
    ['created_at', 'timestamp!', 'timestamptz!', 'timestamptz'],
    ['status', 'varchar(20)!', 'instruction_status!', 'closedSet'],
    ['updated_at', 'timestamp!', 'timestamptz!', 'timestamptz'],
    ['visibility', 'varchar(20)!', 'asset_visibility!', 'closedSet'],
  ],
  fluxcore_tool_connections: [
    ['created_at', 'timestamp!', 'timestamptz!', 'timestamptz'],
    ['last_used_at', 'timestamp', 'timestamptz', 'timestamptz'],
    ['status', 'varchar(20)!', 'tool_connection_status!', 'closedSet'],
    ['updated_at', 'timestamp!', 'timestamptz!', 'timestamptz'],
  ],
  fluxcore_tool_definitions: [
    ['auth_type', 'varchar(20)!', 'tool_auth_type!', 'closedSet'],
    ['created_at', 'timestamp!', 'timestamptz!', 'timestamptz'],
    ['schema', 'jsonb', 'jsonb!', 'notNull'],
    ['type', 'varchar(20)!', 'tool_type!', 'closedSet'],
    ['updated_at', 'timestamp!', 'timestamptz!', 'timestamptz'],
    ['visibility', 'varchar(20)!', 'asset_visibility!', 'closedSet'],
  ],
  fluxcore_usage_logs: [
    ['api_calls', 'integer', 'integer!', 'notNull'],
    ['chunks_processed', 'integer', 'integer!', 'notNull'],
    ['cost_credits', 'numeric(10,4)', 'numeric(10,4)!', 'notNull'],
    ['created_at', 'timestamp!', 'timestamptz!', 'timestamptz'],
    ['operation', 'varchar(50)!', 'usage_operation!', 'closedSet'],
    ['processing_time_ms', 'integer', 'integer!', 'notNull'],
    ['request_metadata', 'jsonb', 'jsonb!', 'notNull'],
    ['resource_type', 'varchar(50)!', 'usage_resource_type!', 'closedSet'],
    ['tokens_used', 'integer', 'integer!', 'notNull'],
  ],
};
