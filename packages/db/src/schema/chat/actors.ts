import { relations } from 'drizzle-orm';
import { index, pgTable, real, text, timestamp, uuid, varchar } from 'drizzle-orm/pg-core';
import { createdAt, id, reference, rowSchemas } from '../columns.ts';
import { accounts } from './accounts.ts';
import { actorTypeEnum } from './constants.ts';
import { users } from './users.ts';

export const actors = pgTable(
  'actors',
  {
    id: id(),
    userId: uuid('user_id'),
    accountId: uuid('account_id'),
    role: varchar('role', { length: 50 }).default('member'),
    /** Manual script 008. */
    actorType: actorTypeEnum('actor_type').notNull().default('account'),
    /** HITO 16: set when an extension speaks. */
    extensionId: varchar('extension_id', { length: 200 }),
    displayName: varchar('display_name', { length: 200 }),
    // Declared by the original's Drizzle schema at 239c046 and created by none of its migration
    // files: a widget visitor (its token, the account whose widget it is, the real account it
    // signed in as) and its last known place.
    externalKey: text('external_key'),
    tenantId: uuid('tenant_id'),
    linkedAccountId: uuid('linked_account_id'),
    linkedAt: timestamp('linked_at'),
    /** The fluxcore_actors row this actor came from, while identities move (no key). */
    migratedFrom: uuid('migrated_from'),
    lastLat: real('last_lat'),
    lastLon: real('last_lon'),
    lastAddress: text('last_address'),
    lastLocationAt: timestamp('last_location_at'),
    createdAt: createdAt(),
  },
  (t) => [
    ...reference(t.userId, () => users.id, 'cascade'),
    ...reference(t.accountId, () => accounts.id, 'cascade'),
    // A visitor outlives neither link: the account's deletion leaves it unlinked.
    ...reference(t.tenantId, () => accounts.id, 'set null'),
    ...reference(t.linkedAccountId, () => accounts.id, 'set null'),
    index('actors_external_key_idx').on(t.externalKey),
  ],
);

export const actorsRelations = relations(actors, ({ one }) => ({
  user: one(users, { fields: [actors.userId], references: [users.id] }),
  account: one(accounts, { fields: [actors.accountId], references: [accounts.id] }),
}));

export type Actor = typeof actors.$inferSelect;
export type NewActor = typeof actors.$inferInsert;

export const actorSchemas = rowSchemas(actors);
