import { relations } from 'drizzle-orm';
import { integer, pgTable, primaryKey, uuid, varchar } from 'drizzle-orm/pg-core';
import { moment, reference, rowSchemas } from '../columns.ts';
import { assets } from './assets.ts';
import { templates } from './templates.ts';

/**
 * Assets placed in a template's named slots. The key keeps the seed's (template, asset, slot):
 * a slot may hold several assets (a gallery) and an asset may fill several slots.
 */
export const templateAssets = pgTable(
  'template_assets',
  {
    templateId: uuid('template_id').notNull(),
    assetId: uuid('asset_id').notNull(),
    slot: varchar('slot', { length: 100 }).notNull().default('default'),
    version: integer('version').notNull().default(1),
    linkedAt: moment('linked_at').defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'template_assets_pkey', columns: [t.templateId, t.assetId, t.slot] }),
    ...reference(t.templateId, () => templates.id, 'cascade', { indexed: false }),
    ...reference(t.assetId, () => assets.id, 'cascade'),
  ],
);

export const templateAssetsRelations = relations(templateAssets, ({ one }) => ({
  template: one(templates, { fields: [templateAssets.templateId], references: [templates.id] }),
  asset: one(assets, { fields: [templateAssets.assetId], references: [assets.id] }),
}));

export type TemplateAsset = typeof templateAssets.$inferSelect;

export type NewTemplateAsset = typeof templateAssets.$inferInsert;

export const templateAssetSchemas = rowSchemas(templateAssets);
