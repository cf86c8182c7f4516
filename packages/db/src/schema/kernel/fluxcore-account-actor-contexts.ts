import { index, pgTable, text, timestamp, uuid, varchar } from 'drizzle-orm/pg-core';
import { accounts } from '../chat/accounts.ts';
import { fluxcoreActors } from './fluxcore-actors.ts';

/** What an actor means to one account: its display name, notes and status there. */
export const fluxcoreAccountActorContexts = pgTable(
  'fluxcore_account_actor_contexts',
  {
    id: uuid('id').defaultRandom().primaryKey(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    actorId: uuid('actor_id')
      .notNull()
      .references(() => fluxcoreActors.id, { onDelete: 'cascade' }),
    displayName: varchar('display_name', { length: 255 }),
    metadata: text('metadata'),
    status: varchar('status', { length: 50 }).default('active').notNull(),
    createdAt: timestamp('created_at').defaultNow().notNull(),
    updatedAt: timestamp('updated_at').defaultNow().notNull(),
  },
  (table) => [
    index('fluxcore_account_actor_contexts_acc_actor_idx').on(table.accountId, table.actorId),
    index('fluxcore_account_actor_contexts_actor_idx').on(table.actorId),
  ],
);

export type FluxcoreAccountActorContext = typeof fluxcoreAccountActorContexts.$inferSelect;
export type NewFluxcoreAccountActorContext = typeof fluxcoreAccountActorContexts.$inferInsert;
