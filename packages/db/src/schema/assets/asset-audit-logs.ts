import { relations } from 'drizzle-orm';
import { boolean, index, inet, jsonb, pgTable, text, uuid, varchar } from 'drizzle-orm/pg-core';
import { accounts } from '../chat/accounts.ts';
import { id, moment, reference, rowSchemas } from '../columns.ts';
import { assetUploadSessions } from './asset-upload-sessions.ts';
import { assets } from './assets.ts';
import { assetAuditActionEnum, assetAuditActorTypeEnum } from './constants.ts';

export type AssetAuditDetails = Record<string, unknown>;

/** Append-only. Its rows are the account's data, so they go with the account (cascade). */
export const assetAuditLogs = pgTable(
  'asset_audit_logs',
  {
    id: id(),
    accountId: uuid('account_id'),
    /** The log outlives the asset and the session (set null). */
    assetId: uuid('asset_id'),
    sessionId: uuid('session_id'),
    action: assetAuditActionEnum('action').notNull(),
    actorType: assetAuditActorTypeEnum('actor_type').notNull().default('system'),
    /** A user, assistant or api key id, by actor_type: no foreign key. */
    actorId: uuid('actor_id'),
    context: varchar('context', { length: 100 }),
    success: boolean('success').default(true),
    errorMessage: text('error_message'),
    ipAddress: inet('ip_address'),
    userAgent: text('user_agent'),
    metadata: jsonb('metadata').$type<AssetAuditDetails>().default({}),
    timestamp: moment('timestamp').notNull().defaultNow(),
  },
  (t) => [
    ...reference(t.accountId, () => accounts.id, 'cascade', { indexed: false }),
    ...reference(t.assetId, () => assets.id, 'set null'),
    ...reference(t.sessionId, () => assetUploadSessions.id, 'set null'),
    // Hot query: an account's audit trail over a period.
    index('asset_audit_logs_account_created_idx').on(t.accountId, t.timestamp),
  ],
);

export const assetAuditLogsRelations = relations(assetAuditLogs, ({ one }) => ({
  account: one(accounts, { fields: [assetAuditLogs.accountId], references: [accounts.id] }),
  asset: one(assets, { fields: [assetAuditLogs.assetId], references: [assets.id] }),
  session: one(assetUploadSessions, {
    fields: [assetAuditLogs.sessionId],
    references: [assetUploadSessions.id],
  }),
}));

export type AssetAuditLog = typeof assetAuditLogs.$inferSelect;

export type NewAssetAuditLog = typeof assetAuditLogs.$inferInsert;

export const assetAuditLogSchemas = rowSchemas(assetAuditLogs);
