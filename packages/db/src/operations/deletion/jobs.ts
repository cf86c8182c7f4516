/**
 * Account deletion as a job a worker runs phase by phase:
 *
 *   pending ──snapshot──▶ snapshot_ready ──local cleanup──▶ local_cleanup ──verify──▶ completed
 *
 * - A worker claims a due job with `FOR UPDATE SKIP LOCKED` and holds it by a lease
 *   (locked_at, locked_by, lease_expires_at). A job whose lease expired (its worker died) is
 *   claimable again, and resumes at its recorded status.
 * - Each step is one transaction that first locks the job row and checks the lease is still
 *   this worker's, so two workers never run a step of one job at once. A step that dies half
 *   way leaves nothing (its transaction rolls back); a step that ran commits with the next
 *   status, so no step runs twice. Running one again would change nothing either (a snapshot
 *   is rewritten, deletes find no rows).
 * - A failed step is retried with capped exponential backoff until max_attempts, then the job
 *   is `failed` with the reason. A protected account fails at once: retrying cannot help.
 * - Every change (request, refusal, claim, release, each status, each failure) appends a row to
 *   account_deletion_logs.
 */
import { and, asc, eq, isNull, lt, lte, notInArray, or, sql } from 'drizzle-orm';
import type { Database, Transaction } from '../../client.ts';
import { redactSecrets } from '../../errors.ts';
import {
  type AccountDeletionJob,
  type AccountDeletionJobStatus,
  accountDeletionJobs,
  accountDeletionLogs,
  accounts,
  protectedAccounts,
} from '../../schema/index.ts';
import { countAccountRows, deleteAccountRows, planAccountDeletion } from './plan.ts';

/** Statuses a job never leaves. */
export const finishedDeletionStatuses = [
  'completed',
  'failed',
] as const satisfies readonly AccountDeletionJobStatus[];

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

type Db = Database | Transaction;

async function log(
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

async function protectionOf(db: Db, accountId: string): Promise<string | undefined> {
  const [row] = await db
    .select({ reason: protectedAccounts.reason })
    .from(protectedAccounts)
    .where(eq(protectedAccounts.accountId, accountId));
  return row?.reason;
}

export type RequestAccountDeletionResult =
  | { kind: 'requested'; job: AccountDeletionJob }
  /** A job for this account is already under way: it is returned, nothing new is queued. */
  | { kind: 'already_requested'; job: AccountDeletionJob }
  /** Refused, and the refusal logged: protected accounts are never deleted. */
  | { kind: 'protected'; reason: string }
  | { kind: 'account_not_found' };

export async function requestAccountDeletion(
  db: Db,
  params: { accountId: string; requesterUserId?: string; reason?: string },
): Promise<RequestAccountDeletionResult> {
  return db.transaction(async (tx) => {
    const [account] = await tx
      .select({ id: accounts.id })
      .from(accounts)
      .where(eq(accounts.id, params.accountId));
    if (!account) return { kind: 'account_not_found' } as const;
    const details = {
      requesterUserId: params.requesterUserId ?? null,
      requestReason: params.reason ?? null,
    };
    const protection = await protectionOf(tx, params.accountId);
    if (protection !== undefined) {
      await log(
        tx,
        { id: null, accountId: params.accountId },
        'failed',
        `refused: the account is protected (${protection})`,
        details,
      );
      return { kind: 'protected', reason: protection } as const;
    }
    // The partial unique index allows one active job per account: a second request (even a
    // concurrent one) inserts nothing and gets the job under way.
    const [job] = await tx
      .insert(accountDeletionJobs)
      .values({ accountId: params.accountId, requesterUserId: params.requesterUserId ?? null })
      .onConflictDoNothing()
      .returning();
    if (job) {
      await log(tx, job, 'pending', 'requested', details);
      return { kind: 'requested', job } as const;
    }
    const [active] = await tx
      .select()
      .from(accountDeletionJobs)
      .where(
        and(
          eq(accountDeletionJobs.accountId, params.accountId),
          notInArray(accountDeletionJobs.status, [...finishedDeletionStatuses]),
        ),
      );
    if (!active) throw new Error('a conflicting deletion job vanished while requesting');
    return { kind: 'already_requested', job: active } as const;
  });
}

const leaseUntil = (leaseMs: number) => sql`now() + ${leaseMs} * interval '1 millisecond'`;

/**
 * Takes the next due job (pending or mid-way, past its backoff, unleased or with an expired
 * lease) and leases it to `workerId` for `leaseMs`. Concurrent workers skip each other's locked
 * rows instead of waiting, so each claims a different job. Null when none is due.
 */
export async function claimDeletionJob(
  db: Db,
  params: { workerId: string; leaseMs: number },
): Promise<AccountDeletionJob | null> {
  return db.transaction(async (tx) => {
    const [candidate] = await tx
      .select({ id: accountDeletionJobs.id, lockedBy: accountDeletionJobs.lockedBy })
      .from(accountDeletionJobs)
      .where(
        and(
          notInArray(accountDeletionJobs.status, [...finishedDeletionStatuses]),
          lte(accountDeletionJobs.nextAttemptAt, sql`now()`),
          or(
            isNull(accountDeletionJobs.lockedBy),
            lt(accountDeletionJobs.leaseExpiresAt, sql`now()`),
          ),
        ),
      )
      .orderBy(asc(accountDeletionJobs.nextAttemptAt), asc(accountDeletionJobs.createdAt))
      .limit(1)
      .for('update', { skipLocked: true });
    if (!candidate) return null;
    const [job] = await tx
      .update(accountDeletionJobs)
      .set({
        lockedAt: sql`now()`,
        lockedBy: params.workerId,
        leaseExpiresAt: leaseUntil(params.leaseMs),
      })
      .where(eq(accountDeletionJobs.id, candidate.id))
      .returning();
    if (!job) return null;
    await log(
      tx,
      job,
      job.status,
      candidate.lockedBy
        ? `claimed by ${params.workerId} after the lease of ${candidate.lockedBy} expired`
        : `claimed by ${params.workerId}`,
      { workerId: params.workerId, previousHolder: candidate.lockedBy },
    );
    return job;
  });
}

/** The job, locked for this transaction, if `workerId` still holds its lease. */
async function lockHeldJob(
  tx: Transaction,
  jobId: string,
  workerId: string,
): Promise<AccountDeletionJob | undefined> {
  const [job] = await tx
    .select()
    .from(accountDeletionJobs)
    .where(eq(accountDeletionJobs.id, jobId))
    .for('update');
  return job && job.lockedBy === workerId ? job : undefined;
}

/** Gives a job back without finishing it (a worker stopping): another worker may take it. */
export async function releaseLease(
  db: Db,
  params: { jobId: string; workerId: string; reason?: string },
): Promise<boolean> {
  return db.transaction(async (tx) => {
    const job = await lockHeldJob(tx, params.jobId, params.workerId);
    if (!job) return false;
    await tx
      .update(accountDeletionJobs)
      .set({ lockedAt: null, lockedBy: null, leaseExpiresAt: null })
      .where(eq(accountDeletionJobs.id, job.id));
    await log(tx, job, job.status, `released by ${params.workerId}`, {
      workerId: params.workerId,
      why: params.reason ?? null,
    });
    return true;
  });
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
