/**
 * Assets, files, templates, marketplace and billing (DOMAIN.md §6): the stored files, their
 * upload sessions, policies and audit trail; where assets are used (plans, template slots,
 * messages); templates; sharing and selling vector stores, instructions and tools; usage prices
 * and platform metrics. History: the FluxCore "files and assets", "media and message assets",
 * "templates" and "marketplace" groups of the 2026-02-08 audit, and the original's
 * fluxcore_pricing_config and fluxcore_system_metrics (its scripts 019 and 020).
 *
 * A file per table, named after it; the value sets and their enums are in constants.ts.
 */
export * from './asset-audit-logs.ts';
export * from './asset-enrichments.ts';
export * from './asset-policies.ts';
export * from './asset-upload-sessions.ts';
export * from './assets.ts';
export * from './constants.ts';
export * from './fluxcore-asset-permissions.ts';
export * from './fluxcore-marketplace-listings.ts';
export * from './fluxcore-marketplace-reviews.ts';
export * from './fluxcore-marketplace-subscriptions.ts';
export * from './fluxcore-pricing-config.ts';
export * from './fluxcore-system-metrics.ts';
export * from './fluxcore-template-settings.ts';
export * from './message-assets.ts';
export * from './plan-assets.ts';
export * from './template-assets.ts';
export * from './templates.ts';
