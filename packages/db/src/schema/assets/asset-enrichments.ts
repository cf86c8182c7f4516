import {
  foreignKey,
  index,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { assets } from './assets.ts';

export const assetEnrichments = pgTable(
  'asset_enrichments',
  {
    id: uuid('id').defaultRandom().primaryKey(),
    assetId: uuid('asset_id').notNull(),
    type: text('type').notNull(),
    payload: jsonb('payload').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).defaultNow().notNull(),
  },
  (table) => [
    index('idx_asset_enrichments_asset').on(table.assetId),
    uniqueIndex('ux_asset_enrichments_type').on(table.assetId, table.type),
    foreignKey({
      columns: [table.assetId],
      foreignColumns: [assets.id],
      name: 'asset_enrichments_asset_id_assets_id_fk',
    }).onDelete('cascade'),
  ],
);

export type AssetEnrichment = typeof assetEnrichments.$inferSelect;
export type NewAssetEnrichment = typeof assetEnrichments.$inferInsert;
