/**
 * How the AI runs for an account (the May lineage's Canon v8.3, 2026-03): which runtime owns
 * its messages, the account's policy (mode, delays, turn windows, what the AI may read), the
 * queue of conversation turns waiting for cognition, and the audit of every action a runtime
 * took. Declared by the original's Drizzle schema and created by no migration file of it; here
 * our migrations create them. A file per table, named after it.
 */
export * from './account-runtime-config.ts';
export * from './fluxcore-account-policies.ts';
export * from './fluxcore-action-audit.ts';
export * from './fluxcore-cognition-queue.ts';
