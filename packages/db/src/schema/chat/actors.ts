import { relations } from 'drizzle-orm';
import { pgTable, uuid, varchar } from 'drizzle-orm/pg-core';
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
    createdAt: createdAt(),
  },
  (t) => [
    ...reference(t.userId, () => users.id, 'cascade'),
    ...reference(t.accountId, () => accounts.id, 'cascade'),
  ],
);

export const actorsRelations = relations(actors, ({ one }) => ({
  user: one(users, { fields: [actors.userId], references: [users.id] }),
  account: one(accounts, { fields: [actors.accountId], references: [accounts.id] }),
}));

export type Actor = typeof actors.$inferSelect;
export type NewActor = typeof actors.$inferInsert;

export const actorSchemas = rowSchemas(actors);
