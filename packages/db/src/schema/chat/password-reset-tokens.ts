import { relations } from 'drizzle-orm';
import { pgTable, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';
import { createdAt, id, moment, reference, rowSchemas } from '../columns.ts';
import { users } from './users.ts';

export const passwordResetTokens = pgTable(
  'password_reset_tokens',
  {
    id: id(),
    userId: uuid('user_id').notNull(),
    /** A hash of the token: the token itself is never stored. */
    tokenHash: varchar('token_hash', { length: 128 }).notNull(),
    expiresAt: moment('expires_at').notNull(),
    usedAt: moment('used_at'),
    createdAt: createdAt(),
  },
  (t) => [
    ...reference(t.userId, () => users.id, 'cascade'),
    uniqueIndex('password_reset_tokens_token_hash_key').on(t.tokenHash),
  ],
);

export const passwordResetTokensRelations = relations(passwordResetTokens, ({ one }) => ({
  user: one(users, { fields: [passwordResetTokens.userId], references: [users.id] }),
}));

export type PasswordResetToken = typeof passwordResetTokens.$inferSelect;
export type NewPasswordResetToken = typeof passwordResetTokens.$inferInsert;

export const passwordResetTokenSchemas = rowSchemas(passwordResetTokens);
