/**
 * What every deletion-job operation shares: the job log (every change appends a row to
 * account_deletion_logs), the protection check, the lease, and the job row locked for a step.
 */
import { eq, sql } from 'drizzle-orm';
import type { Database, Transaction } from '../../connection/client.ts';
import { setTenant } from '../../connection/with-tenant.ts';
import {
  type AccountDeletionJob,
  type AccountDeletionJobStatus,
  accountDeletionJobs,
  accountDeletionLogs,
  protectedAccounts,
} from '../../schema/index.ts';

/** Statuses a job never leaves. */
export const finishedDeletionStatuses = [
  'completed',
  'failed',
] as const satisfies readonly AccountDeletionJobStatus[];

export type Db = Database | Transaction;

export async function log(
  db: Db,
  job: Pick<AccountDeletionJob, 'id' | 'accountId'> | { id: null; accountId: string },
  status: AccountDeletionJobStatus,
  reason: string,
  details: Record<string, unknown> = {},
): Promise<void> {
  await db
    .insert(accountDeletionLogs)
    .values({ jobId: job.id, accountId: job.accountId, status, reason, details });
}

export async function protectionOf(db: Db, accountId: string): Promise<string | undefined> {
  const [row] = await db
    .select({ reason: protectedAccounts.reason })
    .from(protectedAccounts)
    .where(eq(protectedAccounts.accountId, accountId));
  // A protection without a reason still protects: the original's reason column is nullable.
  return row ? (row.reason ?? 'protected') : undefined;
}

export const leaseUntil = (leaseMs: number) => sql`now() + ${leaseMs} * interval '1 millisecond'`;

/**
 * The job, locked for this transaction, if `workerId` still holds its lease; the transaction's
 * tenant is then the job's account, so a worker acting as the system role reaches that
 * account's rows (and only those) through row-level security.
 */
export async function lockHeldJob(
  tx: Transaction,
  jobId: string,
  workerId: string,
): Promise<AccountDeletionJob | undefined> {
  const [job] = await tx
    .select()
    .from(accountDeletionJobs)
    .where(eq(accountDeletionJobs.id, jobId))
    .for('update');
  if (!job || job.lockedBy !== workerId) return undefined;
  await setTenant(tx, job.accountId);
  return job;
}
