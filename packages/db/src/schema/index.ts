/**
 * Every table of FluxCore: a folder per domain section of shared/design/DOMAIN.md, a file per
 * table in it, named after the table (`fluxcore_vector_store_files` is
 * rag/fluxcore-vector-store-files.ts), with its relations, validators and types. Each domain's
 * value sets and their enums are in its constants.ts. Importing this module defines tables
 * only: it opens no connection.
 *
 * | section | folder |
 * |---|---|
 * | 1 core chat | chat/ |
 * | 2 extensions, automation, workspaces, website builder, appointments | apps/ |
 * | 3 credits, AI entitlements, admins, account deletion, protection | credits-and-access/ |
 * | 4 FluxCore AI: assistants, instructions, tools, usage | assistants/ |
 * | 5 vector stores and RAG (pgvector), the query cache and store counters | rag/ |
 * | 6 assets, files, templates, marketplace; usage prices and metrics | assets/ |
 * | signals: notifications, preferences, delivery log (May lineage) | signals/ |
 * | the work engine: definitions, works, slots, events, effects (May lineage) | works/ |
 * | the kernel journal and its projections: signals, projectors, identity (May lineage) | kernel/ |
 * | how the AI runs per account: runtime, policy, cognition queue, action audit (May) | runtime/ |
 * | an account's locations and opening hours (May lineage) | locations/ |
 * | what changes about the original database, legacy tables, each table's purpose | original/ |
 * | column and constraint helpers every table shares | columns.ts |
 */
export * from './apps/index.ts';
export * from './assets/index.ts';
export * from './assistants/index.ts';
export * from './chat/index.ts';
export * from './credits-and-access/index.ts';
export * from './kernel/index.ts';
export * from './locations/index.ts';
export * from './original/index.ts';
export * from './rag/index.ts';
export * from './runtime/index.ts';
export * from './signals/index.ts';
export * from './tenancy/index.ts';
export * from './tenancy/policies.ts';
export * from './works/index.ts';
