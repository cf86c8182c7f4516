import { relations, sql } from 'drizzle-orm';
import { integer, jsonb, pgTable, text, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';
import { accounts } from '../chat/accounts.ts';
import { id, reference, rowSchemas, timestamps } from '../columns.ts';
import { assistantRuntimeEnum } from './constants.ts';
import { fluxcoreAssistantInstructions } from './fluxcore-assistant-instructions.ts';
import { fluxcoreAssistantVectorStores } from './fluxcore-assistant-vector-stores.ts';

/** The model an assistant runs on. Rows written before 0030 may hold `{}`. */
export type AssistantModelConfig = {
  /** `openai`, `anthropic`, … */
  provider: string;
  model: string;
  /** 0 to 2. */
  temperature: number;
  /** 0 to 1. */
  topP: number;
  maxTokens?: number;
  responseFormat: 'text' | 'json' | 'json_object';
};

export type AssistantTimingConfig = {
  /** Wait before replying, so a reply does not land instantly. */
  responseDelaySeconds: number;
  /** Waits longer for a person who is still typing. */
  smartDelay: boolean;
};

export const defaultAssistantModelConfig: AssistantModelConfig = {
  provider: 'openai',
  model: 'gpt-4o',
  temperature: 0.7,
  topP: 1,
  responseFormat: 'text',
};
export const defaultAssistantTimingConfig: AssistantTimingConfig = {
  responseDelaySeconds: 2,
  smartDelay: true,
};

export const fluxcoreAssistants = pgTable(
  'fluxcore_assistants',
  {
    id: id(),
    accountId: uuid('account_id').notNull(),
    name: varchar('name', { length: 255 }).notNull(),
    description: text('description'),
    /** The provider's id (`asst_…`) when the runtime is openai. */
    externalId: varchar('external_id', { length: 255 }),
    status: varchar('status', { length: 20 }).notNull().default('draft'),
    runtime: assistantRuntimeEnum('runtime').notNull().default('local'),
    modelConfig: jsonb('model_config')
      .$type<AssistantModelConfig>()
      .notNull()
      .default(defaultAssistantModelConfig),
    timingConfig: jsonb('timing_config')
      .$type<AssistantTimingConfig>()
      .notNull()
      .default(defaultAssistantTimingConfig),
    /** The size of the assistant's prompt material, kept by the instruction editor. */
    sizeBytes: integer('size_bytes').default(0),
    tokensUsed: integer('tokens_used').default(0),
    /** Free text (a name or id) of who changed it last, as the original's UI writes it. */
    lastModifiedBy: varchar('last_modified_by', { length: 255 }),
    ...timestamps(),
  },
  (t) => [
    ...reference(t.accountId, () => accounts.id, 'cascade'),
    // One local row per provider assistant: syncing looks rows up by the provider's id.
    uniqueIndex('fluxcore_assistants_external_id_key')
      .on(t.externalId)
      .where(sql`${t.externalId} is not null`),
  ],
);

export const fluxcoreAssistantsRelations = relations(fluxcoreAssistants, ({ one, many }) => ({
  account: one(accounts, { fields: [fluxcoreAssistants.accountId], references: [accounts.id] }),
  instructions: many(fluxcoreAssistantInstructions),
  vectorStores: many(fluxcoreAssistantVectorStores),
}));

export type FluxcoreAssistant = typeof fluxcoreAssistants.$inferSelect;
export type NewFluxcoreAssistant = typeof fluxcoreAssistants.$inferInsert;

export const fluxcoreAssistantSchemas = rowSchemas(fluxcoreAssistants);
