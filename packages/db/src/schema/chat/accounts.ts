import { relations } from 'drizzle-orm';
import { jsonb, pgTable, text, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';
import { id, reference, rowSchemas, timestamps } from '../columns.ts';
import { actors } from './actors.ts';
import { accountTypeEnum } from './constants.ts';
import { messages } from './messages.ts';
import { users } from './users.ts';

export type AccountProfile = {
  bio?: string;
  avatarUrl?: string;
  timezone?: string;
  locale?: string;
  [key: string]: unknown;
};

export const accounts = pgTable(
  'accounts',
  {
    id: id(),
    ownerUserId: uuid('owner_user_id').notNull(),
    username: varchar('username', { length: 100 }).notNull(),
    displayName: varchar('display_name', { length: 255 }).notNull(),
    accountType: accountTypeEnum('account_type').notNull().default('personal'),
    profile: jsonb('profile').$type<AccountProfile>().notNull().default({}),
    privateContext: text('private_context'),
    /** Manual script 009: a contextual alias. */
    alias: varchar('alias', { length: 100 }),
    ...timestamps(),
  },
  (t) => [
    ...reference(t.ownerUserId, () => users.id, 'cascade'),
    uniqueIndex('accounts_username_key').on(t.username),
  ],
);

export const accountsRelations = relations(accounts, ({ one, many }) => ({
  owner: one(users, { fields: [accounts.ownerUserId], references: [users.id] }),
  actors: many(actors),
  sentMessages: many(messages),
}));

export type Account = typeof accounts.$inferSelect;
export type NewAccount = typeof accounts.$inferInsert;

export const accountSchemas = rowSchemas(accounts);
