import { relations, sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  integer,
  jsonb,
  pgTable,
  text,
  unique,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';
import { accounts } from '../chat/accounts.ts';
import { id, nullableTimestamps, reference, rowSchemas } from '../columns.ts';

/** Switches beyond the policy's columns (encryption, public access and audit are columns). */
export type AssetPolicyFlags = Record<string, unknown>;

/** Upload and access rules per asset scope; an account's policy overrides the global one. */
export const assetPolicies = pgTable(
  'asset_policies',
  {
    id: id(),
    /** Null: a global policy. */
    accountId: uuid('account_id'),
    name: varchar('name', { length: 100 }).notNull(),
    description: text('description'),
    scope: varchar('scope', { length: 50 }).notNull(),
    allowedContexts: jsonb('allowed_contexts').$type<string[]>().notNull().default([]),
    /** Lifetime of a signed URL, unless the caller asks for less. */
    defaultTtlSeconds: integer('default_ttl_seconds').notNull().default(3600),
    /** The longest signed URL a caller may ask for. */
    maxTtlSeconds: integer('max_ttl_seconds').notNull().default(86_400),
    maxFileSizeBytes: bigint('max_file_size_bytes', { mode: 'number' }),
    /** Empty: any type. */
    allowedMimeTypes: jsonb('allowed_mime_types').$type<string[]>().default([]),
    retentionDays: integer('retention_days'),
    /** Deduplication across what (the original's dedup_scope). */
    dedupScope: varchar('dedup_scope', { length: 50 }).default('intra_account'),
    requireEncryption: boolean('require_encryption').default(false),
    allowPublicAccess: boolean('allow_public_access').default(false),
    auditAllAccess: boolean('audit_all_access').default(true),
    flags: jsonb('flags').$type<AssetPolicyFlags>().notNull().default({}),
    isActive: boolean('is_active').default(true),
    ...nullableTimestamps(),
  },
  (t) => [
    ...reference(t.accountId, () => accounts.id, 'cascade', { indexed: false }),
    // One name per account, and one among the global policies (null account).
    unique('asset_policies_account_name_key').on(t.accountId, t.name).nullsNotDistinct(),
    check(
      'asset_policies_limits_check',
      sql`${t.defaultTtlSeconds} > 0 and ${t.maxTtlSeconds} >= ${t.defaultTtlSeconds} and (${t.maxFileSizeBytes} is null or ${t.maxFileSizeBytes} > 0) and (${t.retentionDays} is null or ${t.retentionDays} > 0)`,
    ),
  ],
);

export const assetPoliciesRelations = relations(assetPolicies, ({ one }) => ({
  account: one(accounts, { fields: [assetPolicies.accountId], references: [accounts.id] }),
}));

export type AssetPolicy = typeof assetPolicies.$inferSelect;

export type NewAssetPolicy = typeof assetPolicies.$inferInsert;

export const assetPolicySchemas = rowSchemas(assetPolicies);
