import type { TypeChangeRows } from './index.ts';

/** The credits-and-access domain's tightened column types, by table (index.ts: the row format). */
export const creditsAndAccessTypeChanges: TypeChangeRows = {
  account_ai_entitlements: [
    ['allowed_providers', 'jsonb', 'ai_provider[]', 'providers'],
    ['created_at', 'timestamp!', 'timestamptz!', 'timestamptz'],
    ['default_provider', 'varchar(20)', 'ai_provider', 'closedSet'],
    ['updated_at', 'timestamp!', 'timestamptz!', 'timestamptz'],
  ],
  account_deletion_jobs: [['status', 'varchar(50)!', 'account_deletion_job_status!', 'closedSet']],
  credits_conversation_sessions: [
    ['created_at', 'timestamp!', 'timestamptz!', 'timestamptz'],
    ['expires_at', 'timestamp!', 'timestamptz!', 'timestamptz'],
    ['updated_at', 'timestamp!', 'timestamptz!', 'timestamptz'],
  ],
  credits_ledger: [['created_at', 'timestamp!', 'timestamptz!', 'timestamptz']],
  credits_policies: [
    ['created_at', 'timestamp!', 'timestamptz!', 'timestamptz'],
    ['updated_at', 'timestamp!', 'timestamptz!', 'timestamptz'],
  ],
  credits_wallets: [
    ['created_at', 'timestamp!', 'timestamptz!', 'timestamptz'],
    ['updated_at', 'timestamp!', 'timestamptz!', 'timestamptz'],
  ],
  fluxcore_account_credits: [
    ['created_at', 'timestamp!', 'timestamptz!', 'timestamptz'],
    ['last_alert_sent_at', 'timestamp', 'timestamptz', 'timestamptz'],
    ['plan_type', 'varchar(50)', 'fluxcore_credit_plan_type', 'closedSet'],
    ['updated_at', 'timestamp!', 'timestamptz!', 'timestamptz'],
  ],
  fluxcore_credit_transactions: [
    ['created_at', 'timestamp!', 'timestamptz!', 'timestamptz'],
    ['transaction_type', 'varchar(50)!', 'fluxcore_credit_transaction_type!', 'closedSet'],
  ],
  system_admins: [['created_at', 'timestamp!', 'timestamptz!', 'timestamptz']],
};
