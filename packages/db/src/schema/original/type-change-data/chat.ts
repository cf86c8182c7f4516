import type { TypeChangeRows } from './index.ts';

/** The chat domain's tightened column types, by table (index.ts: the row format). */
export const chatTypeChanges: TypeChangeRows = {
  accounts: [
    ['account_type', 'varchar(20)!', 'account_type!', 'closedSet'],
    ['alias', 'varchar(100)', 'varchar(100)!', 'filledFromUsername'],
    ['created_at', 'timestamp!', 'timestamptz!', 'timestamptz'],
    ['updated_at', 'timestamp!', 'timestamptz!', 'timestamptz'],
  ],
  actors: [
    ['actor_type', 'varchar(20)!', 'actor_type!', 'closedSet'],
    ['created_at', 'timestamp!', 'timestamptz!', 'timestamptz'],
  ],
  conversations: [
    ['channel', 'varchar(20)!', 'conversation_channel!', 'closedSet'],
    ['created_at', 'timestamp!', 'timestamptz!', 'timestamptz'],
    ['last_message_at', 'timestamp', 'timestamptz', 'timestamptz'],
    ['status', 'varchar(20)!', 'conversation_status!', 'closedSet'],
    ['updated_at', 'timestamp!', 'timestamptz!', 'timestamptz'],
  ],
  media_attachments: [
    ['created_at', 'timestamp!', 'timestamptz!', 'timestamptz'],
    ['type', 'text!', 'media_type!', 'closedSet'],
  ],
  message_enrichments: [['created_at', 'timestamp!', 'timestamptz!', 'timestamptz']],
  messages: [
    ['created_at', 'timestamp!', 'timestamptz!', 'timestamptz'],
    ['generated_by', 'varchar(20)!', 'message_generator!', 'closedSet'],
    ['type', 'varchar(20)!', 'message_type!', 'closedSet'],
  ],
  password_reset_tokens: [
    ['created_at', 'timestamp!', 'timestamptz!', 'timestamptz'],
    ['expires_at', 'timestamp!', 'timestamptz!', 'timestamptz'],
  ],
  relationships: [
    ['created_at', 'timestamp!', 'timestamptz!', 'timestamptz'],
    ['last_interaction', 'timestamp', 'timestamptz', 'timestamptz'],
  ],
  users: [
    ['created_at', 'timestamp!', 'timestamptz!', 'timestamptz'],
    ['updated_at', 'timestamp!', 'timestamptz!', 'timestamptz'],
  ],
};
