import { relations, sql } from 'drizzle-orm';
import { check, integer, pgTable, primaryKey, uuid } from 'drizzle-orm/pg-core';
import { messages } from '../chat/messages.ts';
import { moment, reference, rowSchemas } from '../columns.ts';
import { assets } from './assets.ts';

/** A message's assets, in display order. */
export const messageAssets = pgTable(
  'message_assets',
  {
    messageId: uuid('message_id').notNull(),
    assetId: uuid('asset_id').notNull(),
    position: integer('position').notNull().default(0),
    version: integer('version').notNull().default(1),
    linkedAt: moment('linked_at').defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'message_assets_pkey', columns: [t.messageId, t.assetId] }),
    ...reference(t.messageId, () => messages.id, 'cascade', { indexed: false }),
    ...reference(t.assetId, () => assets.id, 'cascade'),
    check('message_assets_position_check', sql`${t.position} >= 0`),
  ],
);

export const messageAssetsRelations = relations(messageAssets, ({ one }) => ({
  message: one(messages, { fields: [messageAssets.messageId], references: [messages.id] }),
  asset: one(assets, { fields: [messageAssets.assetId], references: [assets.id] }),
}));

export type MessageAsset = typeof messageAssets.$inferSelect;

export type NewMessageAsset = typeof messageAssets.$inferInsert;

export const messageAssetSchemas = rowSchemas(messageAssets);
