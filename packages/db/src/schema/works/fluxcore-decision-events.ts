import {
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  timestamp,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';
import { accounts } from '../chat/accounts.ts';

export const fluxcoreDecisionEvents = pgTable(
  'fluxcore_decision_events',
  {
    id: uuid('id').defaultRandom().primaryKey(),
    accountId: uuid('account_id').notNull(),
    traceId: varchar('trace_id', { length: 255 }).notNull(),
    messageId: uuid('message_id'),
    input: jsonb('input').notNull(),
    proposedWork: jsonb('proposed_work'),
    modelInfo: jsonb('model_info'),
    latencyMs: integer('latency_ms'),
    tokens: jsonb('tokens'),
    createdAt: timestamp('created_at').defaultNow().notNull(),
  },
  (table) => [
    // Row-level security filters on account_id (issue 24): its policy and the audit need an index that leads with it.
    index('fluxcore_decision_events_account_id_idx').on(table.accountId),
    foreignKey({
      columns: [table.accountId],
      foreignColumns: [accounts.id],
      name: 'fluxcore_decision_events_account_id_accounts_id_fk',
    }),
  ],
);

export type FluxcoreDecisionEvent = typeof fluxcoreDecisionEvents.$inferSelect;
export type NewFluxcoreDecisionEvent = typeof fluxcoreDecisionEvents.$inferInsert;
