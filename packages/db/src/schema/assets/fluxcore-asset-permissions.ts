import { relations } from 'drizzle-orm';
import { check, pgTable, text, unique, uuid } from 'drizzle-orm/pg-core';
import { fluxcoreInstructions } from '../assistants/fluxcore-instructions.ts';
import { fluxcoreToolDefinitions } from '../assistants/fluxcore-tool-definitions.ts';
import { accounts } from '../chat/accounts.ts';
import { exactlyOneOf, id, moment, reference, rowSchemas, timestamps } from '../columns.ts';
import { fluxcoreVectorStores } from '../rag/fluxcore-vector-stores.ts';
import { assetPermissionLevelEnum, assetPermissionSourceEnum } from './constants.ts';

/** Shares one vector store, instruction or tool with another account. */
export const fluxcoreAssetPermissions = pgTable(
  'fluxcore_asset_permissions',
  {
    id: id(),
    vectorStoreId: uuid('vector_store_id'),
    instructionId: uuid('instruction_id'),
    toolDefinitionId: uuid('tool_definition_id'),
    granteeAccountId: uuid('grantee_account_id').notNull(),
    /** The grant survives the granting account (set null). */
    grantedByAccountId: uuid('granted_by_account_id'),
    permissionLevel: assetPermissionLevelEnum('permission_level').notNull().default('read'),
    source: assetPermissionSourceEnum('source').notNull().default('manual'),
    grantedAt: moment('granted_at').notNull().defaultNow(),
    expiresAt: moment('expires_at'),
    notes: text('notes'),
    ...timestamps(),
  },
  (t) => [
    ...reference(t.vectorStoreId, () => fluxcoreVectorStores.id, 'cascade', { indexed: false }),
    ...reference(t.instructionId, () => fluxcoreInstructions.id, 'cascade'),
    ...reference(t.toolDefinitionId, () => fluxcoreToolDefinitions.id, 'cascade'),
    ...reference(t.granteeAccountId, () => accounts.id, 'cascade'),
    ...reference(t.grantedByAccountId, () => accounts.id, 'set null'),
    check(
      'fluxcore_asset_permissions_one_scope_check',
      exactlyOneOf(t.vectorStoreId, t.instructionId, t.toolDefinitionId),
    ),
    // One grant per (asset, grantee); the two unused asset columns are null, hence nulls not
    // distinct (a unique constraint: drizzle's uniqueIndex has no nullsNotDistinct).
    unique('fluxcore_asset_permissions_asset_grantee_key')
      .on(t.vectorStoreId, t.instructionId, t.toolDefinitionId, t.granteeAccountId)
      .nullsNotDistinct(),
  ],
);

export const fluxcoreAssetPermissionsRelations = relations(fluxcoreAssetPermissions, ({ one }) => ({
  vectorStore: one(fluxcoreVectorStores, {
    fields: [fluxcoreAssetPermissions.vectorStoreId],
    references: [fluxcoreVectorStores.id],
  }),
  instruction: one(fluxcoreInstructions, {
    fields: [fluxcoreAssetPermissions.instructionId],
    references: [fluxcoreInstructions.id],
  }),
  toolDefinition: one(fluxcoreToolDefinitions, {
    fields: [fluxcoreAssetPermissions.toolDefinitionId],
    references: [fluxcoreToolDefinitions.id],
  }),
  grantee: one(accounts, {
    fields: [fluxcoreAssetPermissions.granteeAccountId],
    references: [accounts.id],
  }),
  grantedBy: one(accounts, {
    fields: [fluxcoreAssetPermissions.grantedByAccountId],
    references: [accounts.id],
  }),
}));

export type FluxcoreAssetPermission = typeof fluxcoreAssetPermissions.$inferSelect;

export type NewFluxcoreAssetPermission = typeof fluxcoreAssetPermissions.$inferInsert;

export const fluxcoreAssetPermissionSchemas = rowSchemas(fluxcoreAssetPermissions);
