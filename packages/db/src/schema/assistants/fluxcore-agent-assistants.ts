import { foreignKey, index, pgTable, timestamp, uuid, varchar } from 'drizzle-orm/pg-core';
import { fluxcoreAgents } from './fluxcore-agents.ts';
import { fluxcoreAssistants } from './fluxcore-assistants.ts';

export const fluxcoreAgentAssistants = pgTable(
  'fluxcore_agent_assistants',
  {
    id: uuid('id').defaultRandom().primaryKey(),
    agentId: uuid('agent_id').notNull(),
    assistantId: uuid('assistant_id').notNull(),
    role: varchar('role', { length: 30 }).default('worker').notNull(),
    stepId: varchar('step_id', { length: 100 }),
    createdAt: timestamp('created_at').defaultNow().notNull(),
  },
  (table) => [
    // Row-level security filters on agent_id (issue 24): its policy and the audit need an index that leads with it.
    index('fluxcore_agent_assistants_agent_id_idx').on(table.agentId),
    foreignKey({
      columns: [table.agentId],
      foreignColumns: [fluxcoreAgents.id],
      name: 'fluxcore_agent_assistants_agent_id_fluxcore_agents_id_fk',
    }).onDelete('cascade'),
    foreignKey({
      columns: [table.assistantId],
      foreignColumns: [fluxcoreAssistants.id],
      name: 'fluxcore_agent_assistants_assistant_id_fluxcore_assistants_id_f',
    }).onDelete('cascade'),
  ],
);

export type FluxcoreAgentAssistant = typeof fluxcoreAgentAssistants.$inferSelect;
export type NewFluxcoreAgentAssistant = typeof fluxcoreAgentAssistants.$inferInsert;
