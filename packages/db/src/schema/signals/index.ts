/**
 * Signals (the May lineage, 2026-03): notifications to an account or a user, each user's
 * preferences for them, and the log of each delivery attempt. A file per table; the enums are
 * in constants.ts.
 */
export * from './constants.ts';
export * from './signal-delivery-log.ts';
export * from './signal-preferences.ts';
export * from './signals.ts';
