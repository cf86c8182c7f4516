import { relations } from 'drizzle-orm';
import { boolean, integer, pgTable, primaryKey, uuid, varchar } from 'drizzle-orm/pg-core';
import { moment, reference, rowSchemas, updatedAt } from '../columns.ts';
import { assets } from './assets.ts';
import { planAssetDependencyTypeEnum } from './constants.ts';

/** The assets an execution plan needs. Plans live outside this schema: no foreign key. */
export const planAssets = pgTable(
  'plan_assets',
  {
    planId: uuid('plan_id').notNull(),
    assetId: uuid('asset_id').notNull(),
    stepId: varchar('step_id', { length: 100 }),
    version: integer('version').notNull().default(1),
    dependencyType: planAssetDependencyTypeEnum('dependency_type').notNull().default('required'),
    isReady: boolean('is_ready').default(false),
    readyAt: moment('ready_at'),
    linkedAt: moment('linked_at').defaultNow(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ name: 'plan_assets_pkey', columns: [t.planId, t.assetId] }),
    ...reference(t.assetId, () => assets.id, 'cascade'),
  ],
);

export const planAssetsRelations = relations(planAssets, ({ one }) => ({
  asset: one(assets, { fields: [planAssets.assetId], references: [assets.id] }),
}));

export type PlanAsset = typeof planAssets.$inferSelect;

export type NewPlanAsset = typeof planAssets.$inferInsert;

export const planAssetSchemas = rowSchemas(planAssets);
