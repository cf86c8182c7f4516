import {
  foreignKey,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';
import { accounts } from '../chat/accounts.ts';
import { relationships } from '../chat/relationships.ts';
import { fluxcoreWorkDefinitions } from './fluxcore-work-definitions.ts';

export const fluxcoreWorks = pgTable(
  'fluxcore_works',
  {
    id: uuid('id').defaultRandom().primaryKey(),
    accountId: uuid('account_id').notNull(),
    workDefinitionId: uuid('work_definition_id').notNull(),
    workDefinitionVersion: varchar('work_definition_version', { length: 20 }).notNull(),
    relationshipId: uuid('relationship_id'),
    conversationId: varchar('conversation_id', { length: 255 }),
    aggregateKey: text('aggregate_key'),
    state: varchar('state', { length: 50 }).notNull(),
    revision: integer('revision').default(1).notNull(),
    expiresAt: timestamp('expires_at'),
    suspendedReason: text('suspended_reason'),
    cancelledReason: text('cancelled_reason'),
    createdAt: timestamp('created_at').defaultNow().notNull(),
    updatedAt: timestamp('updated_at').defaultNow().notNull(),
  },
  (table) => [
    index('fluxcore_works_work_definition_id_idx').on(table.workDefinitionId),
    index('fluxcore_works_relationship_id_idx').on(table.relationshipId),
    index('fluxcore_works_acc_aggregate_key_idx').on(table.accountId, table.aggregateKey),
    index('fluxcore_works_acc_rel_conv_state_idx').on(
      table.accountId,
      table.relationshipId,
      table.conversationId,
      table.state,
    ),
    foreignKey({
      columns: [table.accountId],
      foreignColumns: [accounts.id],
      name: 'fluxcore_works_account_id_accounts_id_fk',
    }),
    foreignKey({
      columns: [table.relationshipId],
      foreignColumns: [relationships.id],
      name: 'fluxcore_works_relationship_id_relationships_id_fk',
    }),
    foreignKey({
      columns: [table.workDefinitionId],
      foreignColumns: [fluxcoreWorkDefinitions.id],
      name: 'fluxcore_works_work_definition_id_fluxcore_work_definitions_id_',
    }),
  ],
);

export type FluxcoreWork = typeof fluxcoreWorks.$inferSelect;
export type NewFluxcoreWork = typeof fluxcoreWorks.$inferInsert;
