/**
 * db:converge's waits when none is given: read by converge() and by the CLI's flag defaults
 * (a module of its own, so the CLI's start-up loads no converge code).
 */

/** How long to wait for the migration lock and for each table lock. */
export const convergeLockTimeoutMs = 10_000;
/** The longest one statement of the plan may run (a table rewrite on a large table). */
export const convergeStatementTimeoutMs = 30 * 60_000;
