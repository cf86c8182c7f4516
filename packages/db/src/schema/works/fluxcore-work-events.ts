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
import { fluxcoreWorks } from './fluxcore-works.ts';

export const fluxcoreWorkEvents = pgTable(
  'fluxcore_work_events',
  {
    id: uuid('id').defaultRandom().primaryKey(),
    accountId: uuid('account_id').notNull(),
    workId: uuid('work_id').notNull(),
    eventType: varchar('event_type', { length: 50 }).notNull(),
    actor: varchar('actor', { length: 50 }).notNull(),
    traceId: varchar('trace_id', { length: 255 }).notNull(),
    workRevision: integer('work_revision').notNull(),
    delta: jsonb('delta'),
    evidenceRef: jsonb('evidence_ref'),
    semanticContextId: uuid('semantic_context_id'),
    createdAt: timestamp('created_at').defaultNow().notNull(),
  },
  (table) => [
    // Row-level security filters on account_id (issue 24): its policy and the audit need an index that leads with it.
    index('fluxcore_work_events_account_id_idx').on(table.accountId),
    index('fluxcore_work_events_work_created_idx').on(table.workId, table.createdAt),
    foreignKey({
      columns: [table.accountId],
      foreignColumns: [accounts.id],
      name: 'fluxcore_work_events_account_id_accounts_id_fk',
    }),
    foreignKey({
      columns: [table.workId],
      foreignColumns: [fluxcoreWorks.id],
      name: 'fluxcore_work_events_work_id_fluxcore_works_id_fk',
    }),
  ],
);

export type FluxcoreWorkEvent = typeof fluxcoreWorkEvents.$inferSelect;
export type NewFluxcoreWorkEvent = typeof fluxcoreWorkEvents.$inferInsert;
