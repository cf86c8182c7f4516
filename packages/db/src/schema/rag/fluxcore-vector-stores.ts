import { relations, sql } from 'drizzle-orm';
import {
  bigint,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  uniqueIndex,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';
import { accounts } from '../chat/accounts.ts';
import { id, moment, reference, rowSchemas, timestamps } from '../columns.ts';
import { type VectorStoreFileStatus, vectorStoreBackendEnum } from './constants.ts';
import { fluxcoreDocumentChunks } from './fluxcore-document-chunks.ts';
import { fluxcoreRagConfigurations } from './fluxcore-rag-configurations.ts';
import { fluxcoreVectorStoreFiles } from './fluxcore-vector-store-files.ts';

/** OpenAI-style metadata: up to 16 short string pairs. */
export type VectorStoreMetadata = Record<string, string>;

/** The count of a store's files per status, as OpenAI reports it. */
export type VectorStoreFileCounts = Partial<Record<VectorStoreFileStatus | 'total', number>>;

export type VectorStoreUsage = {
  bytesUsed?: number;
  hoursUsedThisMonth?: number;
  costPerGBPerDay?: number;
  [key: string]: unknown;
};

/** OpenAI's expiry policy; `{}` means the store never expires. */
export type VectorStoreExpiresAfter = { anchor?: 'last_active_at'; days?: number };

export const fluxcoreVectorStores = pgTable(
  'fluxcore_vector_stores',
  {
    id: id(),
    accountId: uuid('account_id').notNull(),
    name: varchar('name', { length: 255 }).notNull(),
    description: text('description'),
    /** The provider's id (`vs_…`) when the backend is openai. */
    externalId: varchar('external_id', { length: 255 }),
    visibility: varchar('visibility', { length: 20 }).notNull().default('private'),
    status: varchar('status', { length: 20 }).notNull().default('draft'),
    backend: vectorStoreBackendEnum('backend').notNull().default('local'),
    source: varchar('source', { length: 20 }).notNull().default('primary'),
    metadata: jsonb('metadata').$type<VectorStoreMetadata>().default({}),
    fileCounts: jsonb('file_counts')
      .$type<VectorStoreFileCounts>()

      .default({ in_progress: 0, completed: 0, failed: 0, cancelled: 0, total: 0 }),
    usage: jsonb('usage')
      .$type<VectorStoreUsage>()
      .notNull()
      .default({ bytesUsed: 0, hoursUsedThisMonth: 0, costPerGBPerDay: 0.1 }),
    /** The local backend's totals (the original's columns; file_counts is OpenAI's view). */
    fileCount: integer('file_count').default(0),
    sizeBytes: integer('size_bytes').default(0),
    usageBytes: bigint('usage_bytes', { mode: 'number' }).default(0),
    /** `never`, or another policy with expiration_days (see vectorStoreExpirationPolicies). */
    expirationPolicy: varchar('expiration_policy', { length: 50 }).default('never'),
    expirationDays: integer('expiration_days'),
    lastModifiedBy: varchar('last_modified_by', { length: 255 }),
    // Nullable: the original's type says `| null` and its sync code writes null.
    expiresAfter: jsonb('expires_after').$type<VectorStoreExpiresAfter>().default({}),
    expiresAt: moment('expires_at'),
    /** The anchor of the expiry policy. */
    lastActiveAt: moment('last_active_at'),
    ...timestamps(),
  },
  (t) => [
    ...reference(t.accountId, () => accounts.id, 'cascade'),
    // One local row per provider store: syncing looks rows up by the provider's id.
    uniqueIndex('fluxcore_vector_stores_external_id_key')
      .on(t.externalId)
      .where(sql`${t.externalId} is not null`),
    // The expiry sweep reads only stores that can expire.
    index('fluxcore_vector_stores_expires_at_idx')
      .on(t.expiresAt)
      .where(sql`${t.expiresAt} is not null`),
  ],
);

export const fluxcoreVectorStoresRelations = relations(fluxcoreVectorStores, ({ one, many }) => ({
  account: one(accounts, { fields: [fluxcoreVectorStores.accountId], references: [accounts.id] }),
  files: many(fluxcoreVectorStoreFiles),
  chunks: many(fluxcoreDocumentChunks),
  ragConfiguration: one(fluxcoreRagConfigurations),
}));

export type FluxcoreVectorStore = typeof fluxcoreVectorStores.$inferSelect;
export type NewFluxcoreVectorStore = typeof fluxcoreVectorStores.$inferInsert;

export const fluxcoreVectorStoreSchemas = rowSchemas(fluxcoreVectorStores);
