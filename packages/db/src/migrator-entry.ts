/**
 * `@fluxcore/db/migrator`: the migrator as a program uses it at run time. Load the journal
 * (loadMigrations(migrationsFolder)), then on one SqlSession: migrationStatus, migrate,
 * baseline, rollback, and converge (a database built by another history brought to the schema
 * of record); auditDatabase compares a database with the schema and the journal. Nothing
 * here loads drizzle-kit: the developer-time tools (down-file generation, db:check, squawk and
 * drizzle-kit calls) live in src/authoring/, behind the package's commands.
 */

export { auditDatabase } from './audit/audit.ts';
export type { AuditReport } from './audit/compare.ts';
export { migrationsFolder } from './connection/config.ts';
export {
  type ConvergeOptions,
  type ConvergeOutcome,
  type ConvergeStatus,
  converge,
} from './converge/apply.ts';
export { readTarget } from './converge/target.ts';
export { type MigrateOptions, type MigrateResult, migrate } from './migrator/apply.ts';
export {
  type BaselineOptions,
  type BaselineResult,
  type BaselineStep,
  baseline,
} from './migrator/baseline.ts';
export { loadMigrations, type Migration } from './migrator/journal.ts';
export { migrationLockKey } from './migrator/lock.ts';
export { type AppliedMethod, type AppliedRow, readAppliedRows } from './migrator/records.ts';
export {
  type RollbackOptions,
  type RollbackResult,
  type RollbackStep,
  rollback,
} from './migrator/rollback.ts';
export {
  type MigrationState,
  type MigrationStatus,
  migrationStatus,
  type StatusReport,
} from './migrator/status.ts';
