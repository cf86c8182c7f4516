import { foreignKey, index, pgTable, timestamp, uuid, varchar } from 'drizzle-orm/pg-core';
import { accounts } from '../chat/accounts.ts';
import { fluxcoreExternalEffects } from './fluxcore-external-effects.ts';
import { fluxcoreSemanticContexts } from './fluxcore-semantic-contexts.ts';
import { fluxcoreWorks } from './fluxcore-works.ts';

export const fluxcoreExternalEffectClaims = pgTable(
  'fluxcore_external_effect_claims',
  {
    id: uuid('id').defaultRandom().primaryKey(),
    accountId: uuid('account_id').notNull(),
    semanticContextId: uuid('semantic_context_id').notNull(),
    workId: uuid('work_id').notNull(),
    effectType: varchar('effect_type', { length: 100 }).notNull(),
    status: varchar('status', { length: 20 }).notNull(),
    toolCallId: varchar('tool_call_id', { length: 255 }),
    claimedAt: timestamp('claimed_at').defaultNow().notNull(),
    releasedAt: timestamp('released_at'),
    externalEffectId: uuid('external_effect_id'),
  },
  (table) => [
    // Row-level security filters on account_id (issue 24): its policy and the audit need an index that leads with it.
    index('fluxcore_external_effect_claims_account_id_idx').on(table.accountId),
    foreignKey({
      columns: [table.accountId],
      foreignColumns: [accounts.id],
      name: 'fluxcore_external_effect_claims_account_id_accounts_id_fk',
    }),
    foreignKey({
      columns: [table.externalEffectId],
      foreignColumns: [fluxcoreExternalEffects.id],
      name: 'fluxcore_external_effect_claims_external_effect_id_fluxcore_ext',
    }),
    foreignKey({
      columns: [table.semanticContextId],
      foreignColumns: [fluxcoreSemanticContexts.id],
      name: 'fluxcore_external_effect_claims_semantic_context_id_fluxcore_se',
    }),
    foreignKey({
      columns: [table.workId],
      foreignColumns: [fluxcoreWorks.id],
      name: 'fluxcore_external_effect_claims_work_id_fluxcore_works_id_fk',
    }),
  ],
);

export type FluxcoreExternalEffectClaim = typeof fluxcoreExternalEffectClaims.$inferSelect;
export type NewFluxcoreExternalEffectClaim = typeof fluxcoreExternalEffectClaims.$inferInsert;
