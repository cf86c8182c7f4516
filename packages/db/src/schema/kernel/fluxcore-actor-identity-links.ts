import {
  bigint,
  bigserial,
  foreignKey,
  index,
  pgTable,
  text,
  timestamp,
  unique,
} from 'drizzle-orm/pg-core';
import { fluxcoreSignals } from './fluxcore-signals.ts';

/** A provisional actor (a widget visitor) bound to the real account it signed in as, once. */
export const fluxcoreActorIdentityLinks = pgTable(
  'fluxcore_actor_identity_links',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    provisionalActorId: text('provisional_actor_id').notNull(),
    realAccountId: text('real_account_id').notNull(),
    tenantId: text('tenant_id').notNull(),
    linkingSignalSeq: bigint('linking_signal_seq', { mode: 'number' }).notNull(),
    linkedAt: timestamp('linked_at', { withTimezone: true }).defaultNow().notNull(),
  },
  (table) => [
    // Row-level security filters on tenant_id (issue 24): its policy and the audit need an index that leads with it.
    index('fluxcore_actor_identity_links_tenant_id_idx').on(table.tenantId),
    // Named as PostgreSQL truncates drizzle's default name (63 bytes), as a pushed database has it.
    foreignKey({
      name: 'fluxcore_actor_identity_links_linking_signal_seq_fluxcore_signa',
      columns: [table.linkingSignalSeq],
      foreignColumns: [fluxcoreSignals.sequenceNumber],
    }).onDelete('restrict'),
    unique('fluxcore_actor_identity_links_provisional_actor_id_unique').on(
      table.provisionalActorId,
    ),
    index('idx_actor_identity_links_real').on(table.realAccountId),
    index('idx_actor_identity_links_signal').on(table.linkingSignalSeq),
  ],
);

export type FluxcoreActorIdentityLink = typeof fluxcoreActorIdentityLinks.$inferSelect;
export type NewFluxcoreActorIdentityLink = typeof fluxcoreActorIdentityLinks.$inferInsert;
