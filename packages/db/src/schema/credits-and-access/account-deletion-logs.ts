import { relations } from 'drizzle-orm';
import { index, jsonb, pgTable, text, uuid, varchar } from 'drizzle-orm/pg-core';
import { accounts } from '../chat/accounts.ts';
import { users } from '../chat/users.ts';
import { createdAt, id, reference, rowSchemas } from '../columns.ts';
import { accountDeletionJobs } from './account-deletion-jobs.ts';

/** Append-only trail of account deletions, kept after the account is gone. */
export const accountDeletionLogs = pgTable(
  'account_deletion_logs',
  {
    id: id(),
    /** Null for an attempt refused before any job existed (a protected account). */
    jobId: uuid('job_id'),
    /** No foreign key on purpose: the log outlives the account. */
    accountId: uuid('account_id').notNull(),
    status: varchar('status', { length: 50 }).notNull(),
    /** Who asked: the trail outlives both (set null). */
    requesterUserId: uuid('requester_user_id'),
    requesterAccountId: uuid('requester_account_id'),
    reason: text('reason'),
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
    createdAt: createdAt(),
  },
  (t) => [
    ...reference(t.jobId, () => accountDeletionJobs.id, 'cascade'),
    index('account_deletion_logs_account_id_idx').on(t.accountId),
    ...reference(t.requesterUserId, () => users.id, 'set null'),
    ...reference(t.requesterAccountId, () => accounts.id, 'set null'),
  ],
);

export const accountDeletionLogsRelations = relations(accountDeletionLogs, ({ one }) => ({
  job: one(accountDeletionJobs, {
    fields: [accountDeletionLogs.jobId],
    references: [accountDeletionJobs.id],
  }),
}));

export type AccountDeletionLog = typeof accountDeletionLogs.$inferSelect;
export type NewAccountDeletionLog = typeof accountDeletionLogs.$inferInsert;

export const accountDeletionLogSchemas = rowSchemas(accountDeletionLogs);
