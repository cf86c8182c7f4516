/**
 * Credits, AI entitlements, internal admins, account deletion and protected accounts
 * (DOMAIN.md §3). History: the FluxCore groups "AI entitlements", "credits", "system admins",
 * "account deletion" and "protected accounts" of the 2026-02-08 audit, the pending seed
 * script 009_credits_policies_seed.sql, and the FluxCore "billing" group (the original's 019:
 * fluxcore_account_credits and fluxcore_credit_transactions).
 *
 * A file per table, named after it; the value sets and their enums are in constants.ts.
 */
export * from './account-ai-entitlements.ts';
export * from './account-deletion-jobs.ts';
export * from './account-deletion-logs.ts';
export * from './constants.ts';
export * from './credits-conversation-sessions.ts';
export * from './credits-ledger.ts';
export * from './credits-policies.ts';
export * from './credits-wallets.ts';
export * from './fluxcore-account-credits.ts';
export * from './fluxcore-credit-transactions.ts';
export * from './protected-accounts.ts';
export * from './system-admins.ts';
