import { sql } from 'drizzle-orm';
import { bigint, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** A sign-in session as projected from the journal: who, from where, its scopes and status. */
export const fluxcoreSessionProjection = pgTable(
  'fluxcore_session_projection',
  {
    sessionId: uuid('session_id').primaryKey(),
    actorId: text('actor_id').notNull(),
    accountId: text('account_id').notNull(),
    entryPoint: text('entry_point'),
    deviceHash: text('device_hash'),
    method: text('method'),
    scopes: jsonb('scopes').$type<string[]>().default(sql`'[]'::jsonb`).notNull(),
    status: text('status').default('pending').notNull(),
    lastSequenceNumber: bigint('last_sequence_number', { mode: 'number' }).default(0).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).defaultNow().notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).defaultNow().notNull(),
  },
  // Row-level security filters on account_id (issue 24): its policy and the audit need an index that leads with it.
  (table) => [index('fluxcore_session_projection_account_id_idx').on(table.accountId)],
);

export type FluxcoreSessionProjection = typeof fluxcoreSessionProjection.$inferSelect;
export type NewFluxcoreSessionProjection = typeof fluxcoreSessionProjection.$inferInsert;
