import {
  foreignKey,
  index,
  jsonb,
  pgTable,
  timestamp,
  unique,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';
import { accounts } from '../chat/accounts.ts';
import { fluxcoreWorks } from './fluxcore-works.ts';

export const fluxcoreExternalEffects = pgTable(
  'fluxcore_external_effects',
  {
    id: uuid('id').defaultRandom().primaryKey(),
    accountId: uuid('account_id').notNull(),
    workId: uuid('work_id').notNull(),
    toolName: varchar('tool_name', { length: 255 }).notNull(),
    toolCallId: varchar('tool_call_id', { length: 255 }),
    idempotencyKey: varchar('idempotency_key', { length: 255 }).notNull(),
    request: jsonb('request'),
    response: jsonb('response'),
    status: varchar('status', { length: 20 }).notNull(),
    claimId: uuid('claim_id'),
    startedAt: timestamp('started_at').notNull(),
    finishedAt: timestamp('finished_at'),
  },
  (table) => [
    index('fluxcore_external_effects_work_id_idx').on(table.workId),
    foreignKey({
      columns: [table.accountId],
      foreignColumns: [accounts.id],
      name: 'fluxcore_external_effects_account_id_accounts_id_fk',
    }),
    foreignKey({
      columns: [table.workId],
      foreignColumns: [fluxcoreWorks.id],
      name: 'fluxcore_external_effects_work_id_fluxcore_works_id_fk',
    }),
    unique('fluxcore_external_effects_account_id_idempotency_key_unique').on(
      table.accountId,
      table.idempotencyKey,
    ),
  ],
);

export type FluxcoreExternalEffect = typeof fluxcoreExternalEffects.$inferSelect;
export type NewFluxcoreExternalEffect = typeof fluxcoreExternalEffects.$inferInsert;
