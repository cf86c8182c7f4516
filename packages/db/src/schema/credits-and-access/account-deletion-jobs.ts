import { relations, sql } from 'drizzle-orm';
import {
  check,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  uniqueIndex,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';
import { accounts } from '../chat/accounts.ts';
import { users } from '../chat/users.ts';
import { id, moment, reference, rowSchemas, timestamps } from '../columns.ts';
import { accountDeletionLogs } from './account-deletion-logs.ts';
import { accountDeletionJobStatusEnum } from './constants.ts';

/** What the snapshot phase saved of the account before anything was deleted. */
export type AccountDeletionSnapshot = Record<string, unknown>;
/** Progress of the cleanup in external systems (storage, providers), resumable after a crash. */
export type AccountDeletionExternalState = Record<string, unknown>;

/** A worker-run account deletion, phase by phase, with a lease and retries with backoff. */
export const accountDeletionJobs = pgTable(
  'account_deletion_jobs',
  {
    id: id(),
    /** No foreign key on purpose: the job and its logs outlive the account they delete. */
    accountId: uuid('account_id').notNull(),
    /** The job outlives the user who asked for it (set null). */
    requesterUserId: uuid('requester_user_id'),
    /** The account the request was made from, when it was not the account being deleted. */
    requesterAccountId: uuid('requester_account_id'),
    status: accountDeletionJobStatusEnum('status').notNull().default('pending'),
    /** Finer step within the status, for resuming. */
    phase: varchar('phase', { length: 100 }),
    snapshot: jsonb('snapshot').$type<AccountDeletionSnapshot>().notNull().default({}),
    snapshotReadyAt: moment('snapshot_ready_at'),
    /** Where the owner downloads the snapshot, while it is kept. */
    snapshotUrl: text('snapshot_url'),
    snapshotDownloadedAt: moment('snapshot_downloaded_at'),
    snapshotDownloadCount: integer('snapshot_download_count').notNull().default(0),
    /** The owner confirmed the snapshot; deletion may go on without waiting for a download. */
    snapshotAcknowledgedAt: moment('snapshot_acknowledged_at'),
    metadata: jsonb('metadata').$type<Record<string, unknown>>().notNull().default({}),
    externalState: jsonb('external_state')
      .$type<AccountDeletionExternalState>()
      .notNull()
      .default({}),
    failureReason: text('failure_reason'),
    attempts: integer('attempts').notNull().default(0),
    maxAttempts: integer('max_attempts').notNull().default(5),
    /** Not before this moment: the retry backoff. */
    nextAttemptAt: moment('next_attempt_at').notNull().defaultNow(),
    /** The worker's lease: who holds the job and until when. */
    lockedAt: moment('locked_at'),
    lockedBy: varchar('locked_by', { length: 200 }),
    leaseExpiresAt: moment('lease_expires_at'),
    completedAt: moment('completed_at'),
    ...timestamps(),
  },
  (t) => [
    index('account_deletion_jobs_account_id_idx').on(t.accountId),
    ...reference(t.requesterUserId, () => users.id, 'set null'),
    ...reference(t.requesterAccountId, () => accounts.id, 'set null'),
    // At most one active job per account; finished jobs stay as history.
    uniqueIndex('account_deletion_jobs_active_account_key')
      .on(t.accountId)
      .where(sql`${t.status} not in ('completed', 'failed')`),
    // The worker claims due jobs by status and next attempt.
    index('account_deletion_jobs_status_next_attempt_idx').on(t.status, t.nextAttemptAt),
    check('account_deletion_jobs_attempts_check', sql`${t.attempts} >= 0 and ${t.maxAttempts} > 0`),
    check(
      'account_deletion_jobs_lease_check',
      sql`(${t.lockedBy} is null) = (${t.lockedAt} is null) and (${t.lockedBy} is null) = (${t.leaseExpiresAt} is null)`,
    ),
  ],
);

export const accountDeletionJobsRelations = relations(accountDeletionJobs, ({ one, many }) => ({
  requester: one(users, {
    fields: [accountDeletionJobs.requesterUserId],
    references: [users.id],
  }),
  logs: many(accountDeletionLogs),
}));

export type AccountDeletionJob = typeof accountDeletionJobs.$inferSelect;
export type NewAccountDeletionJob = typeof accountDeletionJobs.$inferInsert;

export const accountDeletionJobSchemas = rowSchemas(accountDeletionJobs);
