import { foreignKey, jsonb, pgTable, text, timestamp, uuid, varchar } from 'drizzle-orm/pg-core';
import { accounts } from '../chat/accounts.ts';

export const fluxcoreAgents = pgTable(
  'fluxcore_agents',
  {
    id: uuid('id').defaultRandom().primaryKey(),
    accountId: uuid('account_id').notNull(),
    name: varchar('name', { length: 255 }).notNull(),
    description: text('description'),
    status: varchar('status', { length: 20 }).default('draft').notNull(),
    flow: jsonb('flow').default({ steps: [] }).notNull(),
    scopes: jsonb('scopes')
      .default({
        allowedTools: [],
        allowedModels: [],
        maxTotalTokens: 5000,
        canCreateSubAgents: false,
        maxExecutionTimeMs: 30000,
      })
      .notNull(),
    triggerConfig: jsonb('trigger_config').default({ type: 'message_received' }),
    createdAt: timestamp('created_at').defaultNow().notNull(),
    updatedAt: timestamp('updated_at').defaultNow().notNull(),
  },
  (table) => [
    foreignKey({
      columns: [table.accountId],
      foreignColumns: [accounts.id],
      name: 'fluxcore_agents_account_id_accounts_id_fk',
    }).onDelete('cascade'),
  ],
);

export type FluxcoreAgent = typeof fluxcoreAgents.$inferSelect;
export type NewFluxcoreAgent = typeof fluxcoreAgents.$inferInsert;
