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
    ['created_at', 'timestamp!', 'timestamptz!', 'timestamptz'],
    ['updated_at', 'timestamp!', 'timestamptz!', 'timestamptz'],
  ],
  fluxcore_assistants: [
    ['created_at', 'timestamp!', 'timestamptz!', 'timestamptz'],
    ['runtime', 'varchar(20)!', 'assistant_runtime!', 'closedSet'],
    ['updated_at', 'timestamp!', 'timestamptz!', 'timestamptz'],
  ],
  fluxcore_instruction_versions: [
    ['created_at', 'timestamp!', 'timestamptz!', 'timestamptz'],
    ['created_by', 'varchar(255)', 'uuid', 'idTyped'],
  ],
  fluxcore_instructions: [
    ['created_at', 'timestamp!', 'timestamptz!', 'timestamptz'],
    ['updated_at', 'timestamp!', 'timestamptz!', 'timestamptz'],
  ],
  fluxcore_tool_connections: [
    ['created_at', 'timestamp!', 'timestamptz!', 'timestamptz'],
    ['last_used_at', 'timestamp', 'timestamptz', 'timestamptz'],
    ['updated_at', 'timestamp!', 'timestamptz!', 'timestamptz'],
  ],
  fluxcore_tool_definitions: [
    ['created_at', 'timestamp!', 'timestamptz!', 'timestamptz'],
    ['updated_at', 'timestamp!', 'timestamptz!', 'timestamptz'],
  ],
  fluxcore_usage_logs: [
    ['created_at', 'timestamp!', 'timestamptz!', 'timestamptz'],
    ['resource_type', 'varchar(50)!', 'usage_resource_type!', 'closedSet'],
  ],
};
