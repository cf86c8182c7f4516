/** db:serve's defaults, apart from its code, so the command table loads nothing more. */

/** How long a connection waits for another that holds the one session before it is refused. */
export const defaultServeWaitMs = 5_000;
/** How long a connection may hold the one session idle in a transaction before it is cut off. */
export const defaultIdleInTransactionMs = 30_000;
