/**
 * The account-deletion loop: claim a due job, run its steps until it is finished, repeat; poll
 * when nothing is due. Stopping (the signal) never abandons a step half way: the current step
 * finishes, then the lease is released so another worker resumes the job at once.
 */
import {
  claimDeletionJob,
  type DatabaseClient,
  type DeletionBackoff,
  describeError,
  type RuntimeRole,
  releaseLease,
  runDeletionStep,
  type Transaction,
  withRole,
} from '@fluxcore/db';

export interface WorkerOptions {
  db: DatabaseClient;
  /** Written to locked_by and the deletion logs. Unique per running worker. */
  workerId: string;
  /** How long a claim lasts without news from this worker; each step renews it. */
  leaseMs: number;
  /** The wait between polls when no job is due. */
  pollMs: number;
  /** Aborting it stops the worker after the current step. */
  signal: AbortSignal;
  backoff?: DeletionBackoff;
  log?: (line: string) => void;
  /**
   * The runtime role every transaction acts as (`fluxcore_system`, FLUXCORE_WORKER_DB_ROLE):
   * row-level security then gives it the queue of jobs and, in each step, the job's account's
   * rows only. Unset, the connection's own login (the owner: not subject to the policies).
   */
  role?: RuntimeRole;
}

export interface WorkerSummary {
  completed: number;
  failed: number;
  retried: number;
  released: number;
}

/** Waits `ms`, or less when the signal aborts. */
export function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
  });
}

export async function runWorker(options: WorkerOptions): Promise<WorkerSummary> {
  const { workerId, leaseMs, pollMs, signal } = options;
  // The deletion operations take the drizzle handle of the client.
  const db = options.db.db;
  const { role } = options;
  // Each operation in a transaction as the role (its own transactions nest as savepoints).
  const as = <T>(fn: (tx: typeof db | Transaction) => Promise<T>): Promise<T> =>
    role ? withRole(db, role, fn) : fn(db);
  const log = options.log ?? (() => {});
  const summary: WorkerSummary = { completed: 0, failed: 0, retried: 0, released: 0 };
  let lastFailure: string | undefined;
  while (!signal.aborted) {
    let jobId: string | undefined;
    try {
      const job = await as((tx) => claimDeletionJob(tx, { workerId, leaseMs }));
      if (lastFailure) log(`${workerId}: the database answers again`);
      lastFailure = undefined;
      if (!job) {
        await pause(pollMs, signal);
        continue;
      }
      jobId = job.id;
      log(`${workerId}: claimed job ${job.id} (account ${job.accountId}, ${job.status})`);
      for (;;) {
        if (signal.aborted) {
          await as((tx) =>
            releaseLease(tx, { jobId: job.id, workerId, reason: 'worker stopping' }),
          );
          summary.released += 1;
          log(`${workerId}: released job ${job.id} to stop`);
          break;
        }
        const step = await as((tx) =>
          runDeletionStep(tx, { jobId: job.id, workerId, leaseMs, backoff: options.backoff }),
        );
        if (step.kind === 'advanced') {
          log(`${workerId}: job ${job.id} is ${step.status}`);
          continue;
        }
        if (step.kind === 'completed') summary.completed += 1;
        if (step.kind === 'failed') summary.failed += 1;
        if (step.kind === 'retry_scheduled') summary.retried += 1;
        log(`${workerId}: job ${job.id} ${step.kind}${'reason' in step ? `: ${step.reason}` : ''}`);
        break;
      }
    } catch (error) {
      // The database went away or refused us: keep the lease to expire on its own, and retry
      // after a pause rather than crash (a restart would not help either).
      // One line (describeError: never SQL text or parameters), and only when it changes: a
      // database that keeps refusing does not fill the log with the same line every poll.
      const line = `${workerId}: ${jobId ? `job ${jobId}: ` : ''}${describeError(error)}`;
      if (line !== lastFailure) log(line);
      lastFailure = line;
      await pause(pollMs, signal);
    }
  }
  return summary;
}
