/**
 * Account deletion as a job a worker runs phase by phase (this file: requesting, claiming and
 * releasing a job; steps.ts runs its steps):
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
import { setTenant } from '../../connection/with-tenant.ts';
import { type AccountDeletionJob, accountDeletionJobs, accounts } from '../../schema/index.ts';
import { liveAccount } from '../access/ownership.ts';
import {
  type Db,
  finishedDeletionStatuses,
  leaseUntil,
  lockHeldJob,
  log,
  protectionOf,
} from './job-records.ts';

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
      .where(and(eq(accounts.id, params.accountId), liveAccount));
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
      .select({
        id: accountDeletionJobs.id,
        accountId: accountDeletionJobs.accountId,
        lockedBy: accountDeletionJobs.lockedBy,
      })
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
    // The job's account is the tenant of what follows (its log row), as in every step.
    await setTenant(tx, candidate.accountId);
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
