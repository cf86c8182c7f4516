/**
 * The work engine (the May lineage's "WES", 2026-03): versioned work definitions, the works
 * running on them with their slots and events, the semantic contexts and proposals that start
 * them, the AI's decision events, and the external effects a work causes with their claims.
 * A file per table, named after it.
 */
export * from './fluxcore-decision-events.ts';
export * from './fluxcore-external-effect-claims.ts';
export * from './fluxcore-external-effects.ts';
export * from './fluxcore-proposed-works.ts';
export * from './fluxcore-semantic-contexts.ts';
export * from './fluxcore-work-definitions.ts';
export * from './fluxcore-work-events.ts';
export * from './fluxcore-work-slots.ts';
export * from './fluxcore-works.ts';
