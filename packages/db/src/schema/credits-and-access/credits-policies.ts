import { sql } from 'drizzle-orm';
import { boolean, check, integer, pgTable, uniqueIndex, varchar } from 'drizzle-orm/pg-core';
import { id, rowSchemas, timestamps } from '../columns.ts';

/** The price of an AI feature on one engine and model. */
export const creditsPolicies = pgTable(
  'credits_policies',
  {
    id: id(),
    featureKey: varchar('feature_key', { length: 100 }).notNull(),
    engine: varchar('engine', { length: 100 }).notNull(),
    model: varchar('model', { length: 200 }).notNull(),
    costCredits: integer('cost_credits').notNull(),
    /** Tokens a session may use. */
    tokenBudget: integer('token_budget').notNull(),
    /** How long a session lasts. */
    durationHours: integer('duration_hours').notNull().default(24),
    active: boolean('active').notNull().default(true),
    ...timestamps(),
  },
  (t) => [
    // The seed inserts with `on conflict (feature_key, engine, model) do nothing`.
    uniqueIndex('credits_policies_feature_engine_model_key').on(t.featureKey, t.engine, t.model),
    check('credits_policies_cost_check', sql`${t.costCredits} >= 0`),
    check('credits_policies_token_budget_check', sql`${t.tokenBudget} > 0`),
    check('credits_policies_duration_check', sql`${t.durationHours} > 0`),
  ],
);

export type CreditsPolicy = typeof creditsPolicies.$inferSelect;
export type NewCreditsPolicy = typeof creditsPolicies.$inferInsert;

export const creditsPolicySchemas = rowSchemas(creditsPolicies);
