/**
 * Running a deletion job's steps (see jobs.ts for the whole flow): each step is one
 * transaction that locks the job row and checks the lease is still this worker's; a failed
 * step is retried with capped exponential backoff until max_attempts, then the job is
 * `failed` with the reason. A protected account fails at once: retrying cannot help.
 */
import { eq, sql } from 'drizzle-orm';
import type { Transaction } from '../../connection/client.ts';
import { redactSecrets } from '../../errors/flux-db-error.ts';
import {
  type AccountDeletionJob,
  type AccountDeletionJobStatus,
  accountDeletionJobs,
  accounts,
} from '../../schema/index.ts';
import { type Db, leaseUntil, lockHeldJob, log, protectionOf } from './job-records.ts';
import { countAccountRows, deleteAccountRows, planAccountDeletion } from './plan.ts';

export interface DeletionBackoff {
  /** The wait after the first failure; it doubles with each further failure. */
  baseMs: number;
  /** The longest wait. */
  capMs: number;
}

export const deletionBackoffDefaults: DeletionBackoff = { baseMs: 1_000, capMs: 5 * 60_000 };

/** The wait before retrying after the `attempts`-th failure. */
export function deletionRetryDelayMs(attempts: number, backoff = deletionBackoffDefaults): number {
  return Math.min(backoff.capMs, backoff.baseMs * 2 ** Math.max(0, attempts - 1));
}

export type DeletionStepResult =
  /** A step ran; the job has more. */
  | { kind: 'advanced'; status: AccountDeletionJobStatus }
  | { kind: 'completed' }
  /** This worker no longer holds the job (its lease expired and another took it). */
  | { kind: 'lease_lost' }
  | { kind: 'retry_scheduled'; attempts: number; nextAttemptAt: Date; reason: string }
  | { kind: 'failed'; reason: string };

/** A failure no retry can fix. */
class PermanentDeletionFailure extends Error {}

export interface DeletionStepParams {
  jobId: string;
  workerId: string;
  /** Each step extends the lease by this much. */
  leaseMs: number;
  backoff?: DeletionBackoff;
}

/** Runs the next step of a job this worker holds. Never throws for a failing step. */
export async function runDeletionStep(
  db: Db,
  params: DeletionStepParams,
): Promise<DeletionStepResult> {
  try {
    return await db.transaction(async (tx) => {
      const job = await lockHeldJob(tx, params.jobId, params.workerId);
      if (!job) return { kind: 'lease_lost' } as const;
      switch (job.status) {
        case 'pending':
        case 'snapshot':
          return takeSnapshot(tx, job, params.leaseMs);
        case 'snapshot_ready':
        case 'external_cleanup':
          return cleanUpLocally(tx, job, params.leaseMs);
        case 'local_cleanup':
          return complete(tx, job);
        case 'completed':
          return { kind: 'completed' } as const;
        case 'failed':
          return { kind: 'failed', reason: job.failureReason ?? 'failed' } as const;
      }
    });
  } catch (error) {
    return recordFailure(db, params, error);
  }
}

/** Phase 1: record what the account holds before anything is deleted. */
async function takeSnapshot(
  tx: Transaction,
  job: AccountDeletionJob,
  leaseMs: number,
): Promise<DeletionStepResult> {
  const plan = await planAccountDeletion(tx);
  const [account] = await tx
    .select({
      id: accounts.id,
      ownerUserId: accounts.ownerUserId,
      username: accounts.username,
      accountType: accounts.accountType,
      createdAt: accounts.createdAt,
    })
    .from(accounts)
    .where(eq(accounts.id, job.accountId));
  const rows = await countAccountRows(tx, plan, job.accountId);
  await tx
    .update(accountDeletionJobs)
    .set({
      status: 'snapshot_ready',
      phase: 'snapshot',
      snapshot: { account: account ?? null, rows, takenAt: new Date().toISOString() },
      snapshotReadyAt: sql`now()`,
      leaseExpiresAt: leaseUntil(leaseMs),
    })
    .where(eq(accountDeletionJobs.id, job.id));
  await log(tx, job, 'snapshot_ready', 'snapshot taken', { rows });
  return { kind: 'advanced', status: 'snapshot_ready' };
}

/** Phase 2: delete the account's rows in foreign-key order, all in this one transaction. */
async function cleanUpLocally(
  tx: Transaction,
  job: AccountDeletionJob,
  leaseMs: number,
): Promise<DeletionStepResult> {
  const protection = await protectionOf(tx, job.accountId);
  if (protection !== undefined) {
    throw new PermanentDeletionFailure(`the account is protected (${protection})`);
  }
  const plan = await planAccountDeletion(tx);
  const deleted = await deleteAccountRows(tx, plan, job.accountId);
  await tx
    .update(accountDeletionJobs)
    .set({ status: 'local_cleanup', phase: 'local_cleanup', leaseExpiresAt: leaseUntil(leaseMs) })
    .where(eq(accountDeletionJobs.id, job.id));
  await log(tx, job, 'local_cleanup', 'account data deleted', { deleted });
  return { kind: 'advanced', status: 'local_cleanup' };
}

/**
 * Phase 3: delete anything written for the account since the cleanup (normally nothing: this
 * is the idempotent re-run of phase 2), then close the job and drop the lease.
 */
async function complete(tx: Transaction, job: AccountDeletionJob): Promise<DeletionStepResult> {
  const plan = await planAccountDeletion(tx);
  const late = await deleteAccountRows(tx, plan, job.accountId);
  const lateRows = Object.values(late).reduce((sum, count) => sum + count, 0);
  await tx
    .update(accountDeletionJobs)
    .set({
      status: 'completed',
      phase: 'completed',
      completedAt: sql`now()`,
      failureReason: null,
      lockedAt: null,
      lockedBy: null,
      leaseExpiresAt: null,
    })
    .where(eq(accountDeletionJobs.id, job.id));
  await log(tx, job, 'completed', 'account deleted', { lateRows });
  return { kind: 'completed' };
}

/** The database's own words: drizzle wraps driver errors (with the query) in `cause`. */
function describeFailure(error: unknown): string {
  let innermost = error;
  while (innermost instanceof Error && innermost.cause instanceof Error)
    innermost = innermost.cause;
  const message = innermost instanceof Error ? innermost.message : String(innermost);
  return redactSecrets(message).slice(0, 1000);
}

/** Counts a failed attempt: schedules a retry with backoff, or fails the job for good. */
async function recordFailure(
  db: Db,
  params: DeletionStepParams,
  error: unknown,
): Promise<DeletionStepResult> {
  const reason = describeFailure(error);
  const permanent = error instanceof PermanentDeletionFailure;
  return db.transaction(async (tx) => {
    const job = await lockHeldJob(tx, params.jobId, params.workerId);
    if (!job) return { kind: 'lease_lost' } as const;
    const attempts = job.attempts + 1;
    if (permanent || attempts >= job.maxAttempts) {
      await tx
        .update(accountDeletionJobs)
        .set({
          status: 'failed',
          attempts,
          failureReason: reason,
          lockedAt: null,
          lockedBy: null,
          leaseExpiresAt: null,
        })
        .where(eq(accountDeletionJobs.id, job.id));
      await log(tx, job, 'failed', reason, {
        attempts,
        maxAttempts: job.maxAttempts,
        failedIn: job.status,
        permanent,
      });
      return { kind: 'failed', reason } as const;
    }
    const delayMs = deletionRetryDelayMs(attempts, params.backoff);
    const [updated] = await tx
      .update(accountDeletionJobs)
      .set({
        attempts,
        failureReason: reason,
        nextAttemptAt: sql`now() + ${delayMs} * interval '1 millisecond'`,
        lockedAt: null,
        lockedBy: null,
        leaseExpiresAt: null,
      })
      .where(eq(accountDeletionJobs.id, job.id))
      .returning({ nextAttemptAt: accountDeletionJobs.nextAttemptAt });
    await log(tx, job, job.status, `attempt ${attempts} of ${job.maxAttempts} failed: ${reason}`, {
      attempts,
      retryInMs: delayMs,
    });
    return {
      kind: 'retry_scheduled',
      attempts,
      nextAttemptAt: updated?.nextAttemptAt ?? new Date(),
      reason,
    } as const;
  });
}
