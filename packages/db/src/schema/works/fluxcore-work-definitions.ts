import {
  foreignKey,
  jsonb,
  pgTable,
  text,
  timestamp,
  unique,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';
import { accounts } from '../chat/accounts.ts';

export const fluxcoreWorkDefinitions = pgTable(
  'fluxcore_work_definitions',
  {
    id: uuid('id').defaultRandom().primaryKey(),
    accountId: uuid('account_id').notNull(),
    typeId: text('type_id').notNull(),
    version: varchar('version', { length: 20 }).notNull(),
    definitionJson: jsonb('definition_json').notNull(),
    createdAt: timestamp('created_at').defaultNow().notNull(),
    deprecatedAt: timestamp('deprecated_at'),
  },
  (table) => [
    foreignKey({
      columns: [table.accountId],
      foreignColumns: [accounts.id],
      name: 'fluxcore_work_definitions_account_id_accounts_id_fk',
    }),
    unique('fluxcore_work_definitions_account_id_type_id_version_unique').on(
      table.accountId,
      table.typeId,
      table.version,
    ),
  ],
);

export type FluxcoreWorkDefinition = typeof fluxcoreWorkDefinitions.$inferSelect;
export type NewFluxcoreWorkDefinition = typeof fluxcoreWorkDefinitions.$inferInsert;
