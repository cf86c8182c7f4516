import {
  foreignKey,
  index,
  jsonb,
  pgTable,
  real,
  text,
  timestamp,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';
import { accounts } from '../chat/accounts.ts';
import { fluxcoreDecisionEvents } from './fluxcore-decision-events.ts';
import { fluxcoreWorkDefinitions } from './fluxcore-work-definitions.ts';

export const fluxcoreProposedWorks = pgTable(
  'fluxcore_proposed_works',
  {
    id: uuid('id').defaultRandom().primaryKey(),
    accountId: uuid('account_id').notNull(),
    conversationId: varchar('conversation_id', { length: 255 }).notNull(),
    decisionEventId: uuid('decision_event_id').notNull(),
    workDefinitionId: uuid('work_definition_id'),
    intent: text('intent'),
    candidateSlots: jsonb('candidate_slots').notNull(),
    confidence: real('confidence'),
    traceId: varchar('trace_id', { length: 255 }).notNull(),
    createdAt: timestamp('created_at').defaultNow().notNull(),
    evaluatedAt: timestamp('evaluated_at'),
    resolution: varchar('resolution', { length: 50 }).notNull(),
    resultingWorkId: uuid('resulting_work_id'),
  },
  (table) => [
    // Row-level security filters on account_id (issue 24): its policy and the audit need an index that leads with it.
    index('fluxcore_proposed_works_account_id_idx').on(table.accountId),
    foreignKey({
      columns: [table.accountId],
      foreignColumns: [accounts.id],
      name: 'fluxcore_proposed_works_account_id_accounts_id_fk',
    }),
    foreignKey({
      columns: [table.decisionEventId],
      foreignColumns: [fluxcoreDecisionEvents.id],
      name: 'fluxcore_proposed_works_decision_event_id_fluxcore_decision_eve',
    }),
    foreignKey({
      columns: [table.workDefinitionId],
      foreignColumns: [fluxcoreWorkDefinitions.id],
      name: 'fluxcore_proposed_works_work_definition_id_fluxcore_work_defini',
    }),
  ],
);

export type FluxcoreProposedWork = typeof fluxcoreProposedWorks.$inferSelect;
export type NewFluxcoreProposedWork = typeof fluxcoreProposedWorks.$inferInsert;
