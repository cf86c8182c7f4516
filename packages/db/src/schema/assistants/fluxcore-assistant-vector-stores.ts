import { relations } from 'drizzle-orm';
import { boolean, pgTable, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';
import { id, reference, rowSchemas, timestamps } from '../columns.ts';
import { fluxcoreVectorStores } from '../rag/fluxcore-vector-stores.ts';
import { fluxcoreAssistants } from './fluxcore-assistants.ts';

export const fluxcoreAssistantVectorStores = pgTable(
  'fluxcore_assistant_vector_stores',
  {
    id: id(),
    assistantId: uuid('assistant_id').notNull(),
    vectorStoreId: uuid('vector_store_id').notNull(),
    accessMode: varchar('access_mode', { length: 20 }).notNull().default('read'),
    isEnabled: boolean('is_enabled').notNull().default(true),
    ...timestamps(),
  },
  (t) => [
    ...reference(t.assistantId, () => fluxcoreAssistants.id, 'cascade', { indexed: false }),
    ...reference(t.vectorStoreId, () => fluxcoreVectorStores.id, 'cascade'),
    uniqueIndex('fluxcore_assistant_vector_stores_assistant_store_key').on(
      t.assistantId,
      t.vectorStoreId,
    ),
  ],
);

export const fluxcoreAssistantVectorStoresRelations = relations(
  fluxcoreAssistantVectorStores,
  ({ one }) => ({
    assistant: one(fluxcoreAssistants, {
      fields: [fluxcoreAssistantVectorStores.assistantId],
      references: [fluxcoreAssistants.id],
    }),
    vectorStore: one(fluxcoreVectorStores, {
      fields: [fluxcoreAssistantVectorStores.vectorStoreId],
      references: [fluxcoreVectorStores.id],
    }),
  }),
);

export type FluxcoreAssistantVectorStore = typeof fluxcoreAssistantVectorStores.$inferSelect;
export type NewFluxcoreAssistantVectorStore = typeof fluxcoreAssistantVectorStores.$inferInsert;

export const fluxcoreAssistantVectorStoreSchemas = rowSchemas(fluxcoreAssistantVectorStores);
