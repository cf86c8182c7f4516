import { pgEnum } from 'drizzle-orm/pg-core';

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

export const creditPlanTypes = ['free', 'starter', 'pro', 'enterprise'] as const;

export type CreditPlanType = (typeof creditPlanTypes)[number];

export const creditPlanTypeEnum = pgEnum('fluxcore_credit_plan_type', creditPlanTypes);

export const creditTransactionTypes = [
  'purchase',
  'usage',
  'refund',
  'adjustment',
  'subscription_grant',
  // The original's names for a promotional grant and a subscription charge.
  'bonus',
  'subscription',
] as const;

export type CreditTransactionType = (typeof creditTransactionTypes)[number];

export const creditTransactionTypeEnum = pgEnum(
  'fluxcore_credit_transaction_type',
  creditTransactionTypes,
);

export type PlanType = CreditPlanType;

export type TransactionType = CreditTransactionType;
