import {
  boolean,
  foreignKey,
  index,
  jsonb,
  pgTable,
  text,
  timestamp,
  unique,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';
import { accounts } from '../chat/accounts.ts';
import { fluxcoreWorks } from './fluxcore-works.ts';

export const fluxcoreWorkSlots = pgTable(
  'fluxcore_work_slots',
  {
    id: uuid('id').defaultRandom().primaryKey(),
    accountId: uuid('account_id').notNull(),
    workId: uuid('work_id').notNull(),
    path: text('path').notNull(),
    type: varchar('type', { length: 50 }).notNull(),
    value: jsonb('value'),
    status: varchar('status', { length: 20 }).notNull(),
    immutable: boolean('immutable').default(false).notNull(),
    setBy: varchar('set_by', { length: 50 }).notNull(),
    setAt: timestamp('set_at').defaultNow().notNull(),
    evidence: jsonb('evidence'),
    semanticConfirmedAt: timestamp('semantic_confirmed_at'),
    semanticContextId: uuid('semantic_context_id'),
  },
  (table) => [
    // Row-level security filters on account_id (issue 24): its policy and the audit need an index that leads with it.
    index('fluxcore_work_slots_account_id_idx').on(table.accountId),
    foreignKey({
      columns: [table.accountId],
      foreignColumns: [accounts.id],
      name: 'fluxcore_work_slots_account_id_accounts_id_fk',
    }),
    foreignKey({
      columns: [table.workId],
      foreignColumns: [fluxcoreWorks.id],
      name: 'fluxcore_work_slots_work_id_fluxcore_works_id_fk',
    }),
    unique('fluxcore_work_slots_work_id_path_unique').on(table.workId, table.path),
  ],
);

export type FluxcoreWorkSlot = typeof fluxcoreWorkSlots.$inferSelect;
export type NewFluxcoreWorkSlot = typeof fluxcoreWorkSlots.$inferInsert;
