import type { TypeChangeRows } from './index.ts';

/** The apps domain's tightened column types, by table (index.ts: the row format). */
export const appsTypeChanges: TypeChangeRows = {
  appointment_services: [
    ['created_at', 'timestamp!', 'timestamptz!', 'timestamptz'],
    ['currency', 'varchar(3)', 'char(3)', 'currency'],
    ['updated_at', 'timestamp!', 'timestamptz!', 'timestamptz'],
  ],
  appointment_staff: [
    ['created_at', 'timestamp!', 'timestamptz!', 'timestamptz'],
    ['services', 'jsonb!', 'uuid[]!', 'serviceIds'],
    ['updated_at', 'timestamp!', 'timestamptz!', 'timestamptz'],
  ],
  appointments: [
    ['created_at', 'timestamp!', 'timestamptz!', 'timestamptz'],
    ['scheduled_at', 'timestamp!', 'timestamptz!', 'timestamptz'],
    ['updated_at', 'timestamp!', 'timestamptz!', 'timestamptz'],
  ],
  automation_rules: [
    ['created_at', 'timestamp!', 'timestamptz!', 'timestamptz'],
    ['mode', 'varchar(20)!', 'automation_mode!', 'closedSet'],
    ['updated_at', 'timestamp!', 'timestamptz!', 'timestamptz'],
  ],
  extension_contexts: [
    ['created_at', 'timestamp!', 'timestamptz!', 'timestamptz'],
    ['updated_at', 'timestamp!', 'timestamptz!', 'timestamptz'],
  ],
  extension_installations: [
    ['installed_at', 'timestamp!', 'timestamptz!', 'timestamptz'],
    ['permissions_granted_at', 'timestamp', 'timestamptz', 'timestamptz'],
    ['updated_at', 'timestamp!', 'timestamptz!', 'timestamptz'],
  ],
  website_configs: [
    ['created_at', 'timestamp!', 'timestamptz!', 'timestamptz'],
    ['custom_domain', 'varchar(255)', 'varchar(253)', 'domainLength'],
    ['last_build_at', 'timestamp', 'timestamptz', 'timestamptz'],
    ['published_at', 'timestamp', 'timestamptz', 'timestamptz'],
    ['status', 'varchar(20)!', 'website_config_status!', 'closedSet'],
    ['updated_at', 'timestamp!', 'timestamptz!', 'timestamptz'],
  ],
  workspace_invitations: [
    ['accepted_at', 'timestamp', 'timestamptz', 'timestamptz'],
    ['created_at', 'timestamp!', 'timestamptz!', 'timestamptz'],
    ['expires_at', 'timestamp!', 'timestamptz!', 'timestamptz'],
    ['role', 'varchar(20)!', 'workspace_member_role!', 'closedSet'],
  ],
  workspace_members: [
    ['created_at', 'timestamp!', 'timestamptz!', 'timestamptz'],
    ['invited_at', 'timestamp', 'timestamptz', 'timestamptz'],
    ['joined_at', 'timestamp!', 'timestamptz!', 'timestamptz'],
    ['role', 'varchar(20)!', 'workspace_member_role!', 'closedSet'],
  ],
  workspaces: [
    ['created_at', 'timestamp!', 'timestamptz!', 'timestamptz'],
    ['updated_at', 'timestamp!', 'timestamptz!', 'timestamptz'],
  ],
};
