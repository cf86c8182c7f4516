import { relations } from 'drizzle-orm';
import { boolean, index, pgTable, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, reference, rowSchemas } from '../columns.ts';
import { fluxcoreAssistants } from './fluxcore-assistants.ts';
import { fluxcoreToolConnections } from './fluxcore-tool-connections.ts';

export const fluxcoreAssistantTools = pgTable(
  'fluxcore_assistant_tools',
  {
    id: id(),
    /** The original had no foreign key here; an assistant's links go with it (cascade). */
    assistantId: uuid('assistant_id').notNull(),
    toolConnectionId: uuid('tool_connection_id').notNull(),
    isEnabled: boolean('is_enabled').notNull().default(true),
    createdAt: createdAt(),
  },
  (t) => [
    ...reference(t.assistantId, () => fluxcoreAssistants.id, 'cascade', { indexed: false }),
    ...reference(t.toolConnectionId, () => fluxcoreToolConnections.id, 'cascade'),
    // Also the index of the assistant's foreign key (it leads). Not unique: the original
    // allowed a connection twice, and adopting its data must not fail on that.
    index('fluxcore_assistant_tools_assistant_connection_idx').on(
      t.assistantId,
      t.toolConnectionId,
    ),
  ],
);

export const fluxcoreAssistantToolsRelations = relations(fluxcoreAssistantTools, ({ one }) => ({
  assistant: one(fluxcoreAssistants, {
    fields: [fluxcoreAssistantTools.assistantId],
    references: [fluxcoreAssistants.id],
  }),
  toolConnection: one(fluxcoreToolConnections, {
    fields: [fluxcoreAssistantTools.toolConnectionId],
    references: [fluxcoreToolConnections.id],
  }),
}));

export type FluxcoreAssistantTool = typeof fluxcoreAssistantTools.$inferSelect;
export type NewFluxcoreAssistantTool = typeof fluxcoreAssistantTools.$inferInsert;

export const fluxcoreAssistantToolSchemas = rowSchemas(fluxcoreAssistantTools);
