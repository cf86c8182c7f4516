import { relations } from 'drizzle-orm';
import { boolean, jsonb, pgTable, text, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';
import { accounts } from '../chat/accounts.ts';
import { id, reference, rowSchemas, timestamps } from '../columns.ts';
import { fluxcoreToolConnections } from './fluxcore-tool-connections.ts';

/** The tool's function-calling schema (OpenAI format): its parameters are a JSON Schema. */
export type ToolSchema = {
  name?: string;
  description?: string;
  parameters?: Record<string, unknown>;
  [key: string]: unknown;
};

export const fluxcoreToolDefinitions = pgTable(
  'fluxcore_tool_definitions',
  {
    id: id(),
    /** The author of a custom tool; null for the platform's own tools. */
    accountId: uuid('account_id'),
    slug: varchar('slug', { length: 100 }).notNull(),
    name: varchar('name', { length: 255 }).notNull(),
    description: text('description'),
    category: varchar('category', { length: 100 }).notNull(),
    type: varchar('type', { length: 20 }).notNull().default('internal'),
    visibility: varchar('visibility', { length: 20 }).notNull().default('public'),
    schema: jsonb('schema').$type<ToolSchema>().default({}),
    authType: varchar('auth_type', { length: 20 }).notNull().default('none'),
    /** The OAuth provider when auth_type is oauth2. */
    oauthProvider: varchar('oauth_provider', { length: 100 }),
    isBuiltIn: boolean('is_built_in').notNull().default(false),
    isEnabled: boolean('is_enabled').notNull().default(true),
    /** An icon name of the UI's icon set. */
    icon: varchar('icon', { length: 100 }),
    ...timestamps(),
  },
  (t) => [
    ...reference(t.accountId, () => accounts.id, 'cascade'),
    uniqueIndex('fluxcore_tool_definitions_slug_key').on(t.slug),
  ],
);

export const fluxcoreToolDefinitionsRelations = relations(
  fluxcoreToolDefinitions,
  ({ one, many }) => ({
    account: one(accounts, {
      fields: [fluxcoreToolDefinitions.accountId],
      references: [accounts.id],
    }),
    connections: many(fluxcoreToolConnections),
  }),
);

export type FluxcoreToolDefinition = typeof fluxcoreToolDefinitions.$inferSelect;
export type NewFluxcoreToolDefinition = typeof fluxcoreToolDefinitions.$inferInsert;

export const fluxcoreToolDefinitionSchemas = rowSchemas(fluxcoreToolDefinitions);
