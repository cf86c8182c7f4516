import { relations, sql } from 'drizzle-orm';
import { pgTable, text, uniqueIndex, varchar } from 'drizzle-orm/pg-core';
import { id, rowSchemas, timestamps } from '../columns.ts';
import { accounts } from './accounts.ts';
import { actors } from './actors.ts';
import { passwordResetTokens } from './password-reset-tokens.ts';

export const users = pgTable(
  'users',
  {
    id: id(),
    email: varchar('email', { length: 320 }).notNull(),
    passwordHash: text('password_hash').notNull(),
    name: varchar('name', { length: 255 }).notNull(),
    ...timestamps(),
  },
  // Emails compare case-insensitively: one account per address, whatever its case.
  (t) => [uniqueIndex('users_email_lower_key').on(sql`lower(${t.email})`)],
);

export const usersRelations = relations(users, ({ many }) => ({
  accounts: many(accounts),
  actors: many(actors),
  passwordResetTokens: many(passwordResetTokens),
}));

export type User = typeof users.$inferSelect;
export type NewUser = typeof users.$inferInsert;

export const userSchemas = rowSchemas(users);
