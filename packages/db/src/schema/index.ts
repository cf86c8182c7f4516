/**
 * Every table of FluxCore, one file per domain section of shared/design/DOMAIN.md.
 * Importing this module defines tables only: it opens no connection.
 *
 * | section | file |
 * |---|---|
 * | 1 core chat | chat.ts |
 * | 2 extensions, automation, workspaces, website builder, appointments | apps.ts |
 * | 3 credits, AI entitlements, admins, account deletion, protection | credits-and-access.ts |
 * | 4 FluxCore AI: assistants, instructions, tools, usage | assistants.ts, assistant-tools.ts |
 * | 5 vector stores and RAG (pgvector); the query cache and store counters | rag.ts, rag-cache-and-stats.ts |
 * | 6 assets, files, templates, marketplace, billing; usage prices and metrics | assets/ (a file per table family), pricing-and-metrics.ts |
 * | legacy tables the audit recognises | legacy.ts |
 * | each table's one-line purpose (db:docs, the audit) | purposes.ts |
 */
export * from './apps.ts';
export * from './assets/index.ts';
export * from './assistant-tools.ts';
export * from './assistants.ts';
export * from './chat.ts';
export * from './credits-and-access.ts';
export * from './database-logic.ts';
export * from './legacy.ts';
export * from './original.ts';
export * from './pricing-and-metrics.ts';
export * from './purposes.ts';
export * from './rag.ts';
export * from './rag-cache-and-stats.ts';
