/**
 * What this schema declares about the original FluxCore database and its own tables besides
 * their definitions: renamed columns, backfilled columns, tightened types, the database logic
 * (functions and triggers) and who keeps it, the legacy tables, and each table's purpose.
 * Read by db:converge, the audit and db:docs.
 */
export * from './backfills.ts';
export * from './database-logic.ts';
export type { DatabaseLogicDecision } from './database-logic-decisions.ts';
export * from './legacy.ts';
export * from './purposes.ts';
export * from './renames.ts';
export * from './tightenings.ts';
export * from './type-changes.ts';
