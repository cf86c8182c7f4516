/**
 * Where assets are used: execution plans, template slots and messages (DOMAIN.md §6). History:
 * the FluxCore "media and message assets" group of the 2026-02-08 audit.
 */
import { relations, sql } from 'drizzle-orm';
import { boolean, check, integer, pgTable, primaryKey, uuid, varchar } from 'drizzle-orm/pg-core';
import { createInsertSchema, createSelectSchema } from 'drizzle-zod';
import { messages } from '../chat.ts';
import { moment, reference, updatedAt } from '../columns.ts';
import { assets } from './assets.ts';
import { planAssetDependencyTypeEnum } from './constants.ts';
import { templates } from './templates.ts';

/** The assets an execution plan needs. Plans live outside this schema: no foreign key. */
export const planAssets = pgTable(
  'plan_assets',
  {
    planId: uuid('plan_id').notNull(),
    assetId: uuid('asset_id').notNull(),
    stepId: varchar('step_id', { length: 100 }),
    version: integer('version').notNull().default(1),
    dependencyType: planAssetDependencyTypeEnum('dependency_type').notNull().default('required'),
    isReady: boolean('is_ready').notNull().default(false),
    readyAt: moment('ready_at'),
    linkedAt: moment('linked_at').notNull().defaultNow(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ name: 'plan_assets_pkey', columns: [t.planId, t.assetId] }),
    ...reference(t.assetId, () => assets.id, 'cascade'),
  ],
);

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
    linkedAt: moment('linked_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'template_assets_pkey', columns: [t.templateId, t.assetId, t.slot] }),
    ...reference(t.templateId, () => templates.id, 'cascade', { indexed: false }),
    ...reference(t.assetId, () => assets.id, 'cascade'),
  ],
);

/** A message's assets, in display order. */
export const messageAssets = pgTable(
  'message_assets',
  {
    messageId: uuid('message_id').notNull(),
    assetId: uuid('asset_id').notNull(),
    position: integer('position').notNull().default(0),
    version: integer('version').notNull().default(1),
    linkedAt: moment('linked_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'message_assets_pkey', columns: [t.messageId, t.assetId] }),
    ...reference(t.messageId, () => messages.id, 'cascade', { indexed: false }),
    ...reference(t.assetId, () => assets.id, 'cascade'),
    check('message_assets_position_check', sql`${t.position} >= 0`),
  ],
);

export const planAssetsRelations = relations(planAssets, ({ one }) => ({
  asset: one(assets, { fields: [planAssets.assetId], references: [assets.id] }),
}));

export const templateAssetsRelations = relations(templateAssets, ({ one }) => ({
  template: one(templates, { fields: [templateAssets.templateId], references: [templates.id] }),
  asset: one(assets, { fields: [templateAssets.assetId], references: [assets.id] }),
}));

export const messageAssetsRelations = relations(messageAssets, ({ one }) => ({
  message: one(messages, { fields: [messageAssets.messageId], references: [messages.id] }),
  asset: one(assets, { fields: [messageAssets.assetId], references: [assets.id] }),
}));

export type PlanAsset = typeof planAssets.$inferSelect;

export type NewPlanAsset = typeof planAssets.$inferInsert;

export type TemplateAsset = typeof templateAssets.$inferSelect;

export type NewTemplateAsset = typeof templateAssets.$inferInsert;

export type MessageAsset = typeof messageAssets.$inferSelect;

export type NewMessageAsset = typeof messageAssets.$inferInsert;

export const planAssetSchemas = {
  select: createSelectSchema(planAssets),
  insert: createInsertSchema(planAssets),
};

export const templateAssetSchemas = {
  select: createSelectSchema(templateAssets),
  insert: createInsertSchema(templateAssets),
};

export const messageAssetSchemas = {
  select: createSelectSchema(messageAssets),
  insert: createInsertSchema(messageAssets),
};
