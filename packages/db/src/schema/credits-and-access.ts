/**
 * Credits, AI entitlements, internal admins, account deletion and protected accounts
 * (DOMAIN.md §3). History: the FluxCore groups "AI entitlements", "credits", "system admins",
 * "account deletion" and "protected accounts" of the 2026-02-08 audit, and the pending seed
 * script 009_credits_policies_seed.sql.
 */
import { relations, sql } from 'drizzle-orm';
import {
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  text,
  uniqueIndex,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';
import { createInsertSchema, createSelectSchema } from 'drizzle-zod';
import { accounts, conversations, users } from './chat.ts';
import { createdAt, id, moment, reference, timestamps } from './columns.ts';

/**
 * The feature key the credits gating code looks up and the credits policies seed inserts.
 * One constant for both: the original seeded `ai_session` and looked up `ai.session`, so its
 * seed never matched.
 */
export const aiSessionFeatureKey = 'ai.session' as const;

export const aiProviders = ['openai', 'groq', 'anthropic', 'google', 'mistral'] as const;
export type AiProvider = (typeof aiProviders)[number];
export const aiProviderEnum = pgEnum('ai_provider', aiProviders);

export const creditsLedgerEntryTypes = [
  'grant',
  'spend',
  'refund',
  'adjustment',
  'expiry',
] as const;
export type CreditsLedgerEntryType = (typeof creditsLedgerEntryTypes)[number];
export const creditsLedgerEntryTypeEnum = pgEnum(
  'credits_ledger_entry_type',
  creditsLedgerEntryTypes,
);

export const accountDeletionJobStatuses = [
  'pending',
  'snapshot',
  'snapshot_ready',
  'external_cleanup',
  'local_cleanup',
  'completed',
  'failed',
] as const;
export type AccountDeletionJobStatus = (typeof accountDeletionJobStatuses)[number];
export const accountDeletionJobStatusEnum = pgEnum(
  'account_deletion_job_status',
  accountDeletionJobStatuses,
);

/** Which AI providers an account may use. */
export const accountAiEntitlements = pgTable(
  'account_ai_entitlements',
  {
    id: id(),
    accountId: uuid('account_id').notNull(),
    /** Off until granted: AI costs money. */
    enabled: boolean('enabled').notNull().default(false),
    allowedProviders: aiProviderEnum('allowed_providers').array().notNull().default(sql`'{}'`),
    defaultProvider: aiProviderEnum('default_provider'),
    ...timestamps(),
  },
  (t) => [
    ...reference(t.accountId, () => accounts.id, 'cascade', { indexed: false }),
    uniqueIndex('account_ai_entitlements_account_id_key').on(t.accountId),
    check(
      'account_ai_entitlements_default_provider_check',
      sql`${t.defaultProvider} is null or ${t.defaultProvider} = any(${t.allowedProviders})`,
    ),
  ],
);

/**
 * An account's credits. The balance equals the sum of its ledger deltas; debit it with
 * `update … set balance = balance - $x where … and balance >= $x`.
 */
export const creditsWallets = pgTable(
  'credits_wallets',
  {
    id: id(),
    /** Deleting the account deletes its money rows with it (cascade), ledger included. */
    accountId: uuid('account_id').notNull(),
    balance: integer('balance').notNull().default(0),
    ...timestamps(),
  },
  (t) => [
    ...reference(t.accountId, () => accounts.id, 'cascade', { indexed: false }),
    uniqueIndex('credits_wallets_account_id_key').on(t.accountId),
    check('credits_wallets_balance_check', sql`${t.balance} >= 0`),
  ],
);

export type CreditsLedgerMetadata = Record<string, unknown>;

/** Append-only: every change of a wallet's balance, positive for grants, negative for spends. */
export const creditsLedger = pgTable(
  'credits_ledger',
  {
    id: id(),
    /**
     * Restrict: a wallet with history cannot be deleted on its own. Deleting the account still
     * works, because its cascade removes the wallet and the ledger rows in the same statement.
     */
    walletId: uuid('wallet_id').notNull(),
    accountId: uuid('account_id').notNull(),
    delta: integer('delta').notNull(),
    entryType: creditsLedgerEntryTypeEnum('entry_type').notNull(),
    featureKey: varchar('feature_key', { length: 100 }),
    engine: varchar('engine', { length: 100 }),
    model: varchar('model', { length: 200 }),
    /** The money history outlives the conversation and the session (set null). */
    conversationId: uuid('conversation_id'),
    sessionId: uuid('session_id'),
    /** Null for entries that need none; retries reuse the key: `on conflict do nothing`. */
    idempotencyKey: varchar('idempotency_key', { length: 200 }),
    /**
     * sha256 (hex) of the request that used the idempotency key: a reuse of the key with other
     * parameters is a conflict, not a replay. Null for rows written before it existed.
     */
    requestFingerprint: varchar('request_fingerprint', { length: 64 }),
    metadata: jsonb('metadata').$type<CreditsLedgerMetadata>().notNull().default({}),
    createdAt: createdAt(),
  },
  (t) => [
    ...reference(t.walletId, () => creditsWallets.id, 'restrict', { indexed: false }),
    ...reference(t.accountId, () => accounts.id, 'cascade'),
    ...reference(t.conversationId, () => conversations.id, 'set null'),
    ...reference(t.sessionId, () => creditsConversationSessions.id, 'set null'),
    // Hot query: a wallet's history, newest first.
    index('credits_ledger_wallet_created_idx').on(t.walletId, t.createdAt.desc()),
    uniqueIndex('credits_ledger_wallet_idempotency_key').on(t.walletId, t.idempotencyKey),
    check('credits_ledger_delta_check', sql`${t.delta} <> 0`),
    // Grants and refunds add, spends and expiries take away, adjustments go either way.
    check(
      'credits_ledger_delta_sign_check',
      sql`(${t.entryType} in ('grant', 'refund') and ${t.delta} > 0) or (${t.entryType} in ('spend', 'expiry') and ${t.delta} < 0) or ${t.entryType} = 'adjustment'`,
    ),
  ],
);

/** The price of an AI feature on one engine and model. */
export const creditsPolicies = pgTable(
  'credits_policies',
  {
    id: id(),
    featureKey: varchar('feature_key', { length: 100 }).notNull(),
    engine: varchar('engine', { length: 100 }).notNull(),
    model: varchar('model', { length: 200 }).notNull(),
    costCredits: integer('cost_credits').notNull(),
    /** Tokens a session may use. */
    tokenBudget: integer('token_budget').notNull(),
    /** How long a session lasts. */
    durationHours: integer('duration_hours').notNull(),
    active: boolean('active').notNull().default(true),
    ...timestamps(),
  },
  (t) => [
    // The seed inserts with `on conflict (feature_key, engine, model) do nothing`.
    uniqueIndex('credits_policies_feature_engine_model_key').on(t.featureKey, t.engine, t.model),
    check('credits_policies_cost_check', sql`${t.costCredits} >= 0`),
    check('credits_policies_token_budget_check', sql`${t.tokenBudget} > 0`),
    check('credits_policies_duration_check', sql`${t.durationHours} > 0`),
  ],
);

/** A paid AI session on one conversation, valid until expires_at. */
export const creditsConversationSessions = pgTable(
  'credits_conversation_sessions',
  {
    id: id(),
    accountId: uuid('account_id').notNull(),
    conversationId: uuid('conversation_id').notNull(),
    featureKey: varchar('feature_key', { length: 100 }).notNull(),
    engine: varchar('engine', { length: 100 }).notNull(),
    model: varchar('model', { length: 200 }).notNull(),
    costCredits: integer('cost_credits').notNull(),
    tokenBudget: integer('token_budget').notNull(),
    /** May overshoot token_budget: the last reply is counted after it is generated. */
    tokensUsed: integer('tokens_used').notNull().default(0),
    expiresAt: moment('expires_at').notNull(),
    ...timestamps(),
  },
  (t) => [
    ...reference(t.accountId, () => accounts.id, 'cascade', { indexed: false }),
    ...reference(t.conversationId, () => conversations.id, 'cascade'),
    // Hot query: the live session for (account, conversation, feature).
    index('credits_conversation_sessions_live_idx').on(
      t.accountId,
      t.conversationId,
      t.featureKey,
      t.expiresAt.desc(),
    ),
    check('credits_conversation_sessions_cost_check', sql`${t.costCredits} >= 0`),
    check('credits_conversation_sessions_token_budget_check', sql`${t.tokenBudget} >= 0`),
    check('credits_conversation_sessions_tokens_used_check', sql`${t.tokensUsed} >= 0`),
  ],
);

/**
 * Internal scopes, e.g. `{ "credits": true, "policies": true }` or `{ "*": true }`. An explicit
 * true or false for a scope wins, else `*` decides (`hasInternalAccess`).
 */
export type SystemAdminScopes = Record<string, boolean>;

export const systemAdmins = pgTable(
  'system_admins',
  {
    userId: uuid('user_id').primaryKey(),
    scopes: jsonb('scopes').$type<SystemAdminScopes>().notNull().default({}),
    /** The grant outlives the admin who made it (set null). */
    createdBy: uuid('created_by'),
    ...timestamps(),
  },
  (t) => [
    ...reference(t.userId, () => users.id, 'cascade', { indexed: false }),
    ...reference(t.createdBy, () => users.id, 'set null'),
  ],
);

/** What the snapshot phase saved of the account before anything was deleted. */
export type AccountDeletionSnapshot = Record<string, unknown>;
/** Progress of the cleanup in external systems (storage, providers), resumable after a crash. */
export type AccountDeletionExternalState = Record<string, unknown>;

/** A worker-run account deletion, phase by phase, with a lease and retries with backoff. */
export const accountDeletionJobs = pgTable(
  'account_deletion_jobs',
  {
    id: id(),
    /** No foreign key on purpose: the job and its logs outlive the account they delete. */
    accountId: uuid('account_id').notNull(),
    /** The job outlives the user who asked for it (set null). */
    requesterUserId: uuid('requester_user_id'),
    /** The account the request was made from, when it was not the account being deleted. */
    requesterAccountId: uuid('requester_account_id'),
    status: accountDeletionJobStatusEnum('status').notNull().default('pending'),
    /** Finer step within the status, for resuming. */
    phase: varchar('phase', { length: 100 }),
    snapshot: jsonb('snapshot').$type<AccountDeletionSnapshot>().notNull().default({}),
    snapshotReadyAt: moment('snapshot_ready_at'),
    /** Where the owner downloads the snapshot, while it is kept. */
    snapshotUrl: text('snapshot_url'),
    snapshotDownloadedAt: moment('snapshot_downloaded_at'),
    snapshotDownloadCount: integer('snapshot_download_count').notNull().default(0),
    /** The owner confirmed the snapshot; deletion may go on without waiting for a download. */
    snapshotAcknowledgedAt: moment('snapshot_acknowledged_at'),
    metadata: jsonb('metadata').$type<Record<string, unknown>>().notNull().default({}),
    externalState: jsonb('external_state')
      .$type<AccountDeletionExternalState>()
      .notNull()
      .default({}),
    failureReason: text('failure_reason'),
    attempts: integer('attempts').notNull().default(0),
    maxAttempts: integer('max_attempts').notNull().default(5),
    /** Not before this moment: the retry backoff. */
    nextAttemptAt: moment('next_attempt_at').notNull().defaultNow(),
    /** The worker's lease: who holds the job and until when. */
    lockedAt: moment('locked_at'),
    lockedBy: varchar('locked_by', { length: 200 }),
    leaseExpiresAt: moment('lease_expires_at'),
    completedAt: moment('completed_at'),
    ...timestamps(),
  },
  (t) => [
    index('account_deletion_jobs_account_id_idx').on(t.accountId),
    ...reference(t.requesterUserId, () => users.id, 'set null'),
    ...reference(t.requesterAccountId, () => accounts.id, 'set null'),
    // At most one active job per account; finished jobs stay as history.
    uniqueIndex('account_deletion_jobs_active_account_key')
      .on(t.accountId)
      .where(sql`${t.status} not in ('completed', 'failed')`),
    // The worker claims due jobs by status and next attempt.
    index('account_deletion_jobs_status_next_attempt_idx').on(t.status, t.nextAttemptAt),
    check('account_deletion_jobs_attempts_check', sql`${t.attempts} >= 0 and ${t.maxAttempts} > 0`),
    check(
      'account_deletion_jobs_lease_check',
      sql`(${t.lockedBy} is null) = (${t.lockedAt} is null) and (${t.lockedBy} is null) = (${t.leaseExpiresAt} is null)`,
    ),
  ],
);

/** Append-only trail of account deletions, kept after the account is gone. */
export const accountDeletionLogs = pgTable(
  'account_deletion_logs',
  {
    id: id(),
    /** Null for an attempt refused before any job existed (a protected account). */
    jobId: uuid('job_id'),
    /** No foreign key on purpose: the log outlives the account. */
    accountId: uuid('account_id').notNull(),
    status: accountDeletionJobStatusEnum('status').notNull(),
    /** Who asked: the trail outlives both (set null). */
    requesterUserId: uuid('requester_user_id'),
    requesterAccountId: uuid('requester_account_id'),
    reason: text('reason'),
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
    createdAt: createdAt(),
  },
  (t) => [
    ...reference(t.jobId, () => accountDeletionJobs.id, 'cascade'),
    index('account_deletion_logs_account_id_idx').on(t.accountId),
    ...reference(t.requesterUserId, () => users.id, 'set null'),
    ...reference(t.requesterAccountId, () => accounts.id, 'set null'),
  ],
);

/** Accounts that can never be deleted (reserved and system accounts). */
export const protectedAccounts = pgTable(
  'protected_accounts',
  {
    id: id(),
    /** Restrict: the database itself refuses to delete a protected account. */
    accountId: uuid('account_id').notNull(),
    /**
     * The user who owns the protected account. Nullable here (NOT NULL in the original): rows
     * written before this column existed have none, and deleting that user must not fail.
     */
    ownerUserId: uuid('owner_user_id'),
    reason: text('reason').notNull(),
    /** The admin who protected it; null when the system did (seed, reserved names). */
    enforcedBy: uuid('enforced_by'),
    ...timestamps(),
  },
  (t) => [
    ...reference(t.accountId, () => accounts.id, 'restrict', { indexed: false }),
    ...reference(t.enforcedBy, () => users.id, 'set null'),
    ...reference(t.ownerUserId, () => users.id, 'set null'),
    uniqueIndex('protected_accounts_account_id_key').on(t.accountId),
  ],
);

export const accountAiEntitlementsRelations = relations(accountAiEntitlements, ({ one }) => ({
  account: one(accounts, {
    fields: [accountAiEntitlements.accountId],
    references: [accounts.id],
  }),
}));

export const creditsWalletsRelations = relations(creditsWallets, ({ one, many }) => ({
  account: one(accounts, { fields: [creditsWallets.accountId], references: [accounts.id] }),
  ledgerEntries: many(creditsLedger),
}));

export const creditsLedgerRelations = relations(creditsLedger, ({ one }) => ({
  wallet: one(creditsWallets, {
    fields: [creditsLedger.walletId],
    references: [creditsWallets.id],
  }),
  account: one(accounts, { fields: [creditsLedger.accountId], references: [accounts.id] }),
  conversation: one(conversations, {
    fields: [creditsLedger.conversationId],
    references: [conversations.id],
  }),
  session: one(creditsConversationSessions, {
    fields: [creditsLedger.sessionId],
    references: [creditsConversationSessions.id],
  }),
}));

export const creditsConversationSessionsRelations = relations(
  creditsConversationSessions,
  ({ one, many }) => ({
    account: one(accounts, {
      fields: [creditsConversationSessions.accountId],
      references: [accounts.id],
    }),
    conversation: one(conversations, {
      fields: [creditsConversationSessions.conversationId],
      references: [conversations.id],
    }),
    ledgerEntries: many(creditsLedger),
  }),
);

export const systemAdminsRelations = relations(systemAdmins, ({ one }) => ({
  user: one(users, { fields: [systemAdmins.userId], references: [users.id] }),
  creator: one(users, { fields: [systemAdmins.createdBy], references: [users.id] }),
}));

export const accountDeletionJobsRelations = relations(accountDeletionJobs, ({ one, many }) => ({
  requester: one(users, {
    fields: [accountDeletionJobs.requesterUserId],
    references: [users.id],
  }),
  logs: many(accountDeletionLogs),
}));

export const accountDeletionLogsRelations = relations(accountDeletionLogs, ({ one }) => ({
  job: one(accountDeletionJobs, {
    fields: [accountDeletionLogs.jobId],
    references: [accountDeletionJobs.id],
  }),
}));

export const protectedAccountsRelations = relations(protectedAccounts, ({ one }) => ({
  account: one(accounts, { fields: [protectedAccounts.accountId], references: [accounts.id] }),
  enforcer: one(users, { fields: [protectedAccounts.enforcedBy], references: [users.id] }),
}));

export type AccountAiEntitlement = typeof accountAiEntitlements.$inferSelect;
export type NewAccountAiEntitlement = typeof accountAiEntitlements.$inferInsert;
export type CreditsWallet = typeof creditsWallets.$inferSelect;
export type NewCreditsWallet = typeof creditsWallets.$inferInsert;
export type CreditsLedgerEntry = typeof creditsLedger.$inferSelect;
export type NewCreditsLedgerEntry = typeof creditsLedger.$inferInsert;
export type CreditsPolicy = typeof creditsPolicies.$inferSelect;
export type NewCreditsPolicy = typeof creditsPolicies.$inferInsert;
export type CreditsConversationSession = typeof creditsConversationSessions.$inferSelect;
export type NewCreditsConversationSession = typeof creditsConversationSessions.$inferInsert;
export type SystemAdmin = typeof systemAdmins.$inferSelect;
export type NewSystemAdmin = typeof systemAdmins.$inferInsert;
export type AccountDeletionJob = typeof accountDeletionJobs.$inferSelect;
export type NewAccountDeletionJob = typeof accountDeletionJobs.$inferInsert;
export type AccountDeletionLog = typeof accountDeletionLogs.$inferSelect;
export type NewAccountDeletionLog = typeof accountDeletionLogs.$inferInsert;
export type ProtectedAccount = typeof protectedAccounts.$inferSelect;
export type NewProtectedAccount = typeof protectedAccounts.$inferInsert;

/** zod validators derived from the tables: `select` for rows read, `insert` for rows written. */
export const accountAiEntitlementSchemas = {
  select: createSelectSchema(accountAiEntitlements),
  insert: createInsertSchema(accountAiEntitlements),
};
export const creditsWalletSchemas = {
  select: createSelectSchema(creditsWallets),
  insert: createInsertSchema(creditsWallets),
};
export const creditsLedgerEntrySchemas = {
  select: createSelectSchema(creditsLedger),
  insert: createInsertSchema(creditsLedger),
};
export const creditsPolicySchemas = {
  select: createSelectSchema(creditsPolicies),
  insert: createInsertSchema(creditsPolicies),
};
export const creditsConversationSessionSchemas = {
  select: createSelectSchema(creditsConversationSessions),
  insert: createInsertSchema(creditsConversationSessions),
};
export const systemAdminSchemas = {
  select: createSelectSchema(systemAdmins),
  insert: createInsertSchema(systemAdmins),
};
export const accountDeletionJobSchemas = {
  select: createSelectSchema(accountDeletionJobs),
  insert: createInsertSchema(accountDeletionJobs),
};
export const accountDeletionLogSchemas = {
  select: createSelectSchema(accountDeletionLogs),
  insert: createInsertSchema(accountDeletionLogs),
};
export const protectedAccountSchemas = {
  select: createSelectSchema(protectedAccounts),
  insert: createInsertSchema(protectedAccounts),
};
