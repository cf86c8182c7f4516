import { relations, sql } from 'drizzle-orm';
import { check, jsonb, pgTable, text, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';
import { accounts } from '../chat/accounts.ts';
import { id, moment, reference, rowSchemas, timestamps } from '../columns.ts';
import { fluxcoreToolDefinitions } from './fluxcore-tool-definitions.ts';

/**
 * How to reach a connection's secret. Never the token itself: either a reference to a secret
 * store, or ciphertext with the id of the key that decrypts it. A leaked row or backup then
 * leaks no credential. A check refuses any other key.
 */
/**
 * The original's ToolAuthConfig without its two plain tokens: the same type, client id, expiry
 * and scopes, and the tokens as a secret reference or ciphertext (see original/tightenings.ts).
 */
export type ToolAuthConfig = {
  type?: 'oauth2' | 'api_key' | 'none';
  clientId?: string;
  expiresAt?: string;
  scopes?: string[];
  secretRef?: string;
  ciphertext?: string;
  keyId?: string;
};

export const fluxcoreToolConnections = pgTable(
  'fluxcore_tool_connections',
  {
    id: id(),
    accountId: uuid('account_id').notNull(),
    toolDefinitionId: uuid('tool_definition_id').notNull(),
    status: varchar('status', { length: 20 }).notNull().default('disconnected'),
    authConfig: jsonb('auth_config').$type<ToolAuthConfig>().notNull().default({}),
    errorMessage: text('error_message'),
    lastUsedAt: moment('last_used_at'),
    ...timestamps(),
  },
  (t) => [
    ...reference(t.accountId, () => accounts.id, 'cascade', { indexed: false }),
    ...reference(t.toolDefinitionId, () => fluxcoreToolDefinitions.id, 'cascade'),
    uniqueIndex('fluxcore_tool_connections_account_tool_key').on(t.accountId, t.toolDefinitionId),
    // Only the keys of ToolAuthConfig: the original's plain accessToken and refreshToken, or a
    // plain token under another name, are refused; its type, client id, expiry and scopes pass.
    check(
      'fluxcore_tool_connections_auth_config_check',
      sql`jsonb_typeof(${t.authConfig}) = 'object' and ${t.authConfig} - 'type' - 'clientId' - 'expiresAt' - 'scopes' - 'secretRef' - 'ciphertext' - 'keyId' = '{}'::jsonb`,
    ),
  ],
);

export const fluxcoreToolConnectionsRelations = relations(fluxcoreToolConnections, ({ one }) => ({
  account: one(accounts, {
    fields: [fluxcoreToolConnections.accountId],
    references: [accounts.id],
  }),
  toolDefinition: one(fluxcoreToolDefinitions, {
    fields: [fluxcoreToolConnections.toolDefinitionId],
    references: [fluxcoreToolDefinitions.id],
  }),
}));

export type FluxcoreToolConnection = typeof fluxcoreToolConnections.$inferSelect;
export type NewFluxcoreToolConnection = typeof fluxcoreToolConnections.$inferInsert;

export const fluxcoreToolConnectionSchemas = rowSchemas(fluxcoreToolConnections);
