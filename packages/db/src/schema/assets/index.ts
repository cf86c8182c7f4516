/**
 * Assets, files, templates, marketplace and billing (DOMAIN.md §6), one file per table family.
 */
export * from './assets.ts';
export * from './billing.ts';
export * from './constants.ts';
export * from './links.ts';
export * from './marketplace.ts';
export * from './templates.ts';
