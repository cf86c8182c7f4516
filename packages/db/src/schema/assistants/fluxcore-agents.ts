import {
  foreignKey,
  index,
  jsonb,
  pgTable,
  text,
  timestamp,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';
import { accounts } from '../chat/accounts.ts';

/** The kinds of step an agent's flow runs. */
export type AgentStepType =
  | 'llm'
  | 'rag'
  | 'deterministic'
  | 'tool'
  | 'router'
  | 'human-in-loop'
  | 'transform';

/** One step of an agent's flow: when it runs, what it reads, where it goes next. */
export interface AgentFlowStep {
  id: string;
  type: AgentStepType;
  /** A condition on the context, such as `{{ classifier.intent == 'complaint' }}`. */
  condition?: string;
  /** Inputs mapped from the context, such as `{ user_message: '{{ trigger.content }}' }`. */
  inputs?: Record<string, string>;
  // biome-ignore lint/suspicious/noExplicitAny: each step type reads its own settings freely
  config?: Record<string, any>;
  /** The next step, the next steps, or a router's branches. */
  next?: string | string[] | Record<string, string>;
}

/** An agent's flow: its steps and the one it starts at (the first, when not named). */
export interface AgentFlow {
  steps: AgentFlowStep[];
  entryPoint?: string;
}

/** What an agent may use: models, tools, token and time budgets. */
export interface AgentScopes {
  allowedModels: string[];
  maxTotalTokens: number;
  maxExecutionTimeMs: number;
  allowedTools: string[];
  canCreateSubAgents: boolean;
}

/** What starts an agent. */
export interface AgentTriggerConfig {
  type: 'message_received' | 'manual' | 'scheduled' | 'webhook';
  filter?: string;
}

export const fluxcoreAgents = pgTable(
  'fluxcore_agents',
  {
    id: uuid('id').defaultRandom().primaryKey(),
    accountId: uuid('account_id').notNull(),
    name: varchar('name', { length: 255 }).notNull(),
    description: text('description'),
    status: varchar('status', { length: 20 }).default('draft').notNull(),
    flow: jsonb('flow').$type<AgentFlow>().default({ steps: [] }).notNull(),
    scopes: jsonb('scopes')
      .$type<AgentScopes>()
      .default({
        allowedTools: [],
        allowedModels: [],
        maxTotalTokens: 5000,
        canCreateSubAgents: false,
        maxExecutionTimeMs: 30000,
      })
      .notNull(),
    triggerConfig: jsonb('trigger_config')
      .$type<AgentTriggerConfig>()
      .default({ type: 'message_received' }),
    createdAt: timestamp('created_at').defaultNow().notNull(),
    updatedAt: timestamp('updated_at').defaultNow().notNull(),
  },
  (table) => [
    // Row-level security filters on account_id (issue 24): its policy and the audit need an index that leads with it.
    index('fluxcore_agents_account_id_idx').on(table.accountId),
    foreignKey({
      columns: [table.accountId],
      foreignColumns: [accounts.id],
      name: 'fluxcore_agents_account_id_accounts_id_fk',
    }).onDelete('cascade'),
  ],
);

export type FluxcoreAgent = typeof fluxcoreAgents.$inferSelect;
export type NewFluxcoreAgent = typeof fluxcoreAgents.$inferInsert;
