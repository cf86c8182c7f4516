/**
 * The kernel journal and what is projected from it (the May lineage's RFC-0001, 2026-03): the
 * adapters that certify observations, the append-only journal of signals, each projector's
 * cursor and errors, the session projection, and the identity projection (actors, the addresses
 * they speak from, their context per account, and a visitor's link to a real account).
 *
 * The original's Drizzle schema declares these tables, and no migration file of the original
 * creates them (its team made them with drizzle-kit push or root scripts); here our migrations
 * do. A file per table, named after it.
 */
export * from './fluxcore-account-actor-contexts.ts';
export * from './fluxcore-actor-address-links.ts';
export * from './fluxcore-actor-identity-links.ts';
export * from './fluxcore-actors.ts';
export * from './fluxcore-addresses.ts';
export * from './fluxcore-projector-cursors.ts';
export * from './fluxcore-projector-errors.ts';
export * from './fluxcore-reality-adapters.ts';
export * from './fluxcore-session-projection.ts';
export * from './fluxcore-signals.ts';
