/**
 * db:converge's waits when none is given: read by converge() and by the CLI's flag defaults
 * (a module of its own, so the CLI's start-up loads no converge code).
 */

/** How long to wait for the migration lock, and in all for the table locks (over its tries). */
export const convergeLockTimeoutMs = 10_000;
/**
 * The longest one wait for a table lock: the app's reads and writes that queue behind a
 * waiting ALTER wait no longer than this. Past it the plan rolls back and is tried again,
 * until convergeLockTimeoutMs (or --lock-timeout) is spent.
 */
export const convergeLockAttemptMs = 500;
/** The longest one statement of the plan may run (a table rewrite on a large table). */
export const convergeStatementTimeoutMs = 30 * 60_000;
