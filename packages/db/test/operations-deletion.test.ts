/**
 * Account deletion jobs, called directly on both databases: requests (protected accounts
 * refused and logged), claims and leases, the phases and their logs, retries with capped
 * backoff, and the catalog-driven plan. The complete deletion of an account with rows in every
 * table it owns, and several worker processes at once, are in apps/worker/test.
 */
import { beforeAll, describe, expect, test } from 'bun:test';
import {
  createAsset,
  createConversation,
  createOwnedAccount,
  databaseKinds,
  useMigratedDatabase,
} from '@fluxcore/db/testing';
import { asc, eq, sql } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import type { Database } from '../src/connection/client.ts';
import { rawRows } from '../src/connection/raw-rows.ts';
import { FluxDbError } from '../src/errors/flux-db-error.ts';
import {
  claimDeletionJob,
  releaseLease,
  requestAccountDeletion,
} from '../src/operations/deletion/jobs.ts';
import {
  type ForeignKey,
  planAccountDeletion,
  planFromForeignKeys,
} from '../src/operations/deletion/plan.ts';
import { deletionRetryDelayMs, runDeletionStep } from '../src/operations/deletion/steps.ts';
import {
  accountDeletionJobs,
  accountDeletionLogs,
  accounts,
  assets,
  protectedAccounts,
} from '../src/schema/index.ts';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.each(databaseKinds)('account deletion jobs on the %s database', (kind) => {
  const migrated = useMigratedDatabase(kind);
  let db: Database;
  beforeAll(() => {
    db = migrated.db;
  });

  async function logsOf(accountId: string) {
    return db
      .select()
      .from(accountDeletionLogs)
      .where(eq(accountDeletionLogs.accountId, accountId))
      .orderBy(asc(accountDeletionLogs.createdAt), asc(accountDeletionLogs.id));
  }

  /** Finishes every job still due, so each test starts with an empty queue. */
  async function drain(workerId = 'drain') {
    for (let job = await claimDeletionJob(db, { workerId, leaseMs: 60_000 }); job; ) {
      let step = await runDeletionStep(db, { jobId: job.id, workerId, leaseMs: 60_000 });
      while (step.kind === 'advanced') {
        step = await runDeletionStep(db, { jobId: job.id, workerId, leaseMs: 60_000 });
      }
      job = await claimDeletionJob(db, { workerId, leaseMs: 60_000 });
    }
  }

  test('a protected account is refused, and the attempt is logged', async () => {
    const { user, account } = await createOwnedAccount(db, 'reserved');
    await db.insert(protectedAccounts).values({ accountId: account.id, reason: 'system account' });
    const result = await requestAccountDeletion(db, {
      accountId: account.id,
      requesterUserId: user.id,
    });
    expect(result).toEqual({ kind: 'protected', reason: 'system account' });
    const jobs = await db
      .select()
      .from(accountDeletionJobs)
      .where(eq(accountDeletionJobs.accountId, account.id));
    expect(jobs).toEqual([]);
    const logs = await logsOf(account.id);
    expect(logs).toHaveLength(1);
    expect(logs[0]).toMatchObject({ jobId: null, status: 'failed' });
    expect(logs[0]?.reason).toContain('protected (system account)');
    expect(await requestAccountDeletion(db, { accountId: user.id })).toEqual({
      kind: 'account_not_found',
    });
  });

  test('one active job per account: a second request returns the first', async () => {
    const { account } = await createOwnedAccount(db, 'twice');
    const first = await requestAccountDeletion(db, { accountId: account.id });
    const second = await requestAccountDeletion(db, { accountId: account.id });
    expect(first.kind).toBe('requested');
    expect(second.kind).toBe('already_requested');
    if (first.kind === 'requested' && second.kind === 'already_requested') {
      expect(second.job.id).toBe(first.job.id);
    }
    await drain();
  });

  test('phases run snapshot → local cleanup → completed, each logged once', async () => {
    const { account } = await createOwnedAccount(db, 'phased');
    const { account: peer } = await createOwnedAccount(db, 'peer');
    await createConversation(db, account.id, peer.id);
    await requestAccountDeletion(db, { accountId: account.id, reason: 'user asked' });
    const job = await claimDeletionJob(db, { workerId: 'w1', leaseMs: 60_000 });
    expect(job?.accountId).toBe(account.id);
    if (!job) throw new Error('no job');
    const step = (workerId = 'w1') =>
      runDeletionStep(db, { jobId: job.id, workerId, leaseMs: 60_000 });
    expect(await step('someone-else')).toEqual({ kind: 'lease_lost' });
    expect(await step()).toEqual({ kind: 'advanced', status: 'snapshot_ready' });
    const [snapshotted] = await db
      .select()
      .from(accountDeletionJobs)
      .where(eq(accountDeletionJobs.id, job.id));
    expect(snapshotted?.snapshot).toMatchObject({
      account: { id: account.id },
      rows: { accounts: 1, actors: 0 },
    });
    // The relationship and its conversation are the peer's too: they are not the account's rows.
    expect(snapshotted?.snapshot.rows).not.toHaveProperty('conversations');
    expect(await step()).toEqual({ kind: 'advanced', status: 'local_cleanup' });
    // The peer's relationship names the account: its row stays as a tombstone.
    expect(
      await db.$count(
        accounts,
        sql`${accounts.id} = ${account.id} and ${accounts.username} = 'deleted-' || ${accounts.id}::text`,
      ),
    ).toBe(1);
    expect(await db.$count(accounts, eq(accounts.id, peer.id))).toBe(1);
    expect(await step()).toEqual({ kind: 'completed' });
    const [done] = await db
      .select()
      .from(accountDeletionJobs)
      .where(eq(accountDeletionJobs.id, job.id));
    expect(done).toMatchObject({ status: 'completed', lockedBy: null, leaseExpiresAt: null });
    expect(done?.completedAt).toBeInstanceOf(Date);
    // The job is finished: nobody can claim it again, and its worker's lease is gone.
    expect(await claimDeletionJob(db, { workerId: 'w2', leaseMs: 60_000 })).toBeNull();
    expect(await step()).toEqual({ kind: 'lease_lost' });
    const logs = await logsOf(account.id);
    expect(logs.map((log) => [log.status, log.reason])).toEqual([
      ['pending', 'requested'],
      ['pending', 'claimed by w1'],
      ['snapshot_ready', 'snapshot taken'],
      ['local_cleanup', 'account data deleted'],
      ['completed', 'account deleted'],
    ]);
    expect(logs[3]?.details).toMatchObject({ deleted: { accounts: 0, messages: 0 } });
  });

  test("a converged May database's asset shield refuses a stray delete, not the account's deletion", async () => {
    // A stand-in for May's prevent_asset_deletion (its name and rule, this test's body): an
    // assets row goes only when the transaction names its account.
    await db.execute(
      sql.raw(`
      create function public.prevent_asset_deletion() returns trigger language plpgsql as $$
      begin
        if current_setting('fluxcore.allowed_delete_account_id', true) = old.account_id::text then return old; end if;
        raise exception 'asset shield: deleting an asset of account % refused', old.account_id;
      end $$`),
    );
    await db.execute(
      sql.raw(`create trigger protect_assets_from_deletion before delete on assets
        for each row execute function public.prevent_asset_deletion()`),
    );
    try {
      const { account } = await createOwnedAccount(db, 'shielded');
      const asset = await createAsset(db, { accountId: account.id });
      const stray = await Promise.resolve(db.delete(assets).where(eq(assets.id, asset.id))).catch(
        (error: Error) => `${error.message} ${(error.cause as Error | undefined)?.message}`,
      );
      expect(String(stray)).toContain('asset shield');
      await requestAccountDeletion(db, { accountId: account.id });
      await drain();
      expect(await db.$count(assets, eq(assets.id, asset.id))).toBe(0);
      const logs = await logsOf(account.id);
      expect(logs.at(-1)?.status).toBe('completed');
    } finally {
      await db.execute(sql.raw('drop trigger protect_assets_from_deletion on assets'));
      await db.execute(sql.raw('drop function public.prevent_asset_deletion()'));
    }
  });

  // PGlite is one connection: a second session cannot hold a lock meanwhile, so this test
  // exists on the server only (registered, not skipped, so that no run reports a skip).
  const serverOnly = kind === 'server' ? test : () => {};
  serverOnly('a job another transaction holds is skipped, not waited for', async () => {
    const first = await createOwnedAccount(db, 'held');
    const second = await createOwnedAccount(db, 'free');
    const a = await requestAccountDeletion(db, { accountId: first.account.id });
    const b = await requestAccountDeletion(db, { accountId: second.account.id });
    if (a.kind !== 'requested' || b.kind !== 'requested') throw new Error('not requested');
    const other = await migrated.database.session();
    try {
      await other.query('begin');
      await other.query('select id from account_deletion_jobs where id = $1 for update', [
        a.job.id,
      ]);
      const claimed = await claimDeletionJob(db, { workerId: 'w', leaseMs: 60_000 });
      expect(claimed?.id).toBe(b.job.id);
      expect(await claimDeletionJob(db, { workerId: 'w2', leaseMs: 60_000 })).toBeNull();
      await other.query('commit');
    } finally {
      await other.close();
    }
    await releaseLease(db, { jobId: b.job.id, workerId: 'w' });
    await drain();
  });

  test('an expired lease is reclaimed by another worker, and the first one stops', async () => {
    const { account } = await createOwnedAccount(db, 'leased');
    await requestAccountDeletion(db, { accountId: account.id });
    const claimed = await claimDeletionJob(db, { workerId: 'slow', leaseMs: 1 });
    if (!claimed) throw new Error('no job');
    await sleep(20);
    const reclaimed = await claimDeletionJob(db, { workerId: 'fast', leaseMs: 60_000 });
    expect(reclaimed?.id).toBe(claimed.id);
    expect(await runDeletionStep(db, { jobId: claimed.id, workerId: 'slow', leaseMs: 1 })).toEqual({
      kind: 'lease_lost',
    });
    expect(await releaseLease(db, { jobId: claimed.id, workerId: 'slow' })).toBe(false);
    expect(await releaseLease(db, { jobId: claimed.id, workerId: 'fast' })).toBe(true);
    const reasons = (await logsOf(account.id)).map((log) => log.reason);
    expect(reasons).toContain('claimed by fast after the lease of slow expired');
    expect(reasons).toContain('released by fast');
    await drain();
  });

  test('a failing step is retried with capped backoff, then the job fails with the reason', async () => {
    expect(
      [1, 2, 3, 4, 5].map((n) => deletionRetryDelayMs(n, { baseMs: 100, capMs: 250 })),
    ).toEqual([100, 200, 250, 250, 250]);
    const { account } = await createOwnedAccount(db, 'doomed');
    await db.execute(
      sql.raw(`create function refuse_account_delete() returns trigger language plpgsql as $$
      begin raise exception 'storage offline'; end $$`),
    );
    await db.execute(
      sql.raw(`create trigger refuse_account_delete before delete on accounts for each row
        when (old.username like 'doomed%') execute function refuse_account_delete()`),
    );
    try {
      const requested = await requestAccountDeletion(db, { accountId: account.id });
      if (requested.kind !== 'requested') throw new Error('not requested');
      await db
        .update(accountDeletionJobs)
        .set({ maxAttempts: 3 })
        .where(eq(accountDeletionJobs.id, requested.job.id));
      const backoff = { baseMs: 60_000, capMs: 90_000 };
      const results = [];
      for (let attempt = 0; attempt < 3; attempt += 1) {
        const job = await claimDeletionJob(db, { workerId: 'w', leaseMs: 60_000 });
        expect(job?.id).toBe(requested.job.id);
        if (!job) break;
        let step = await runDeletionStep(db, {
          jobId: job.id,
          workerId: 'w',
          leaseMs: 60_000,
          backoff,
        });
        while (step.kind === 'advanced') {
          step = await runDeletionStep(db, {
            jobId: job.id,
            workerId: 'w',
            leaseMs: 60_000,
            backoff,
          });
        }
        results.push(step);
        if (step.kind === 'retry_scheduled') {
          // 60 s after the first failure, then doubled but capped at 90 s.
          const wait = step.nextAttemptAt.getTime() - Date.now();
          const expected = [60_000, 90_000][step.attempts - 1] ?? Number.NaN;
          expect(wait).toBeGreaterThan(expected - 5_000);
          expect(wait).toBeLessThanOrEqual(expected + 1_000);
          // Not due yet: no worker gets it before the backoff ends.
          expect(await claimDeletionJob(db, { workerId: 'w', leaseMs: 60_000 })).toBeNull();
          await db
            .update(accountDeletionJobs)
            .set({ nextAttemptAt: sql`now()` })
            .where(eq(accountDeletionJobs.id, job.id));
        }
      }
      expect(results.map((r) => r.kind)).toEqual(['retry_scheduled', 'retry_scheduled', 'failed']);
      const [failed] = await db
        .select()
        .from(accountDeletionJobs)
        .where(eq(accountDeletionJobs.id, requested.job.id));
      expect(failed).toMatchObject({ status: 'failed', attempts: 3, lockedBy: null });
      expect(failed?.failureReason).toContain('storage offline');
      // Each failed attempt rolled back: the account and its data are still there.
      expect(await db.$count(accounts, eq(accounts.id, account.id))).toBe(1);
      const reasons = (await logsOf(account.id)).map((log) => `${log.status}: ${log.reason}`);
      expect(
        reasons.filter((r) => r.includes('attempt 1 of 3 failed: storage offline')),
      ).toHaveLength(1);
      expect(reasons.filter((r) => r.includes('attempt 2 of 3 failed'))).toHaveLength(1);
      expect(reasons.at(-1)).toBe('failed: storage offline');
    } finally {
      await db.execute(sql.raw('drop trigger refuse_account_delete on accounts'));
      await db.execute(sql.raw('drop function refuse_account_delete()'));
    }
  });

  test('an account protected after the request fails at once, without retries', async () => {
    const { account } = await createOwnedAccount(db, 'late-protected');
    await requestAccountDeletion(db, { accountId: account.id });
    await db.insert(protectedAccounts).values({ accountId: account.id, reason: 'legal hold' });
    const job = await claimDeletionJob(db, { workerId: 'w', leaseMs: 60_000 });
    if (!job) throw new Error('no job');
    await runDeletionStep(db, { jobId: job.id, workerId: 'w', leaseMs: 60_000 });
    const result = await runDeletionStep(db, { jobId: job.id, workerId: 'w', leaseMs: 60_000 });
    expect(result).toEqual({ kind: 'failed', reason: 'the account is protected (legal hold)' });
    expect(await db.$count(accounts, eq(accounts.id, account.id))).toBe(1);
  });

  test('the plan follows the live catalog: a table added later is deleted, children first', async () => {
    await db.execute(
      sql.raw(`create table extra_notes (id uuid primary key default gen_random_uuid(),
        account_id uuid not null references accounts on delete cascade)`),
    );
    await db.execute(
      sql.raw(`create table extra_note_tags (note_id uuid not null references extra_notes
        on delete cascade, tag text not null)`),
    );
    try {
      const { account } = await createOwnedAccount(db, 'noted');
      await db.execute(sql`insert into extra_notes (account_id) values (${account.id})`);
      await db.execute(
        sql`insert into extra_note_tags (note_id, tag) select id, 'x' from extra_notes where account_id = ${account.id}`,
      );
      const tables = (await planAccountDeletion(db)).steps.map((step) => step.table);
      expect(tables.indexOf('extra_note_tags')).toBeLessThan(tables.indexOf('extra_notes'));
      expect(tables.indexOf('extra_notes')).toBeLessThan(tables.indexOf('accounts'));
      expect(tables.at(-1)).toBe('accounts');
      // Restrict and set-null references are never followed.
      expect(tables).not.toContain('protected_accounts');
      expect(tables).not.toContain('users');
      await requestAccountDeletion(db, { accountId: account.id });
      await drain();
      const left = await rawRows<{ n: number }>(
        db,
        sql`select (select count(*) from extra_note_tags) + (select count(*) from extra_notes where account_id = ${account.id}) as n`,
      );
      expect(Number(left[0]?.n)).toBe(0);
    } finally {
      await db.execute(sql.raw('drop table extra_note_tags'));
      await db.execute(sql.raw('drop table extra_notes'));
    }
  });
});

describe('the deletion plan over a hand-made graph', () => {
  const fk = (child: string, parent: string, onDelete: ForeignKey['onDelete']): ForeignKey => ({
    name: `${child}_${parent}_fk`,
    child,
    childColumns: [`${parent}_id`],
    parent,
    parentColumns: ['id'],
    onDelete,
  });

  test('orders children before parents, whatever the order of the keys', () => {
    const plan = planFromForeignKeys([
      fk('b', 'accounts', 'cascade'),
      fk('c', 'b', 'cascade'),
      fk('d', 'c', 'cascade'),
      fk('d', 'b', 'restrict'),
      fk('e', 'accounts', 'set null'),
      fk('f', 'e', 'cascade'),
    ]);
    expect(plan.steps.map((step) => step.table)).toEqual(['d', 'c', 'b', 'accounts']);
  });

  test('a table with two cascading keys to accounts is shared: kept, and so is what hangs off it', () => {
    const two = (child: string, column: string): ForeignKey => ({
      ...fk(child, 'accounts', 'cascade'),
      name: `${child}_${column}_fk`,
      childColumns: [column],
    });
    const plan = planFromForeignKeys([
      two('links', 'account_a_id'),
      two('links', 'account_b_id'),
      fk('talks', 'links', 'cascade'),
      fk('notes', 'talks', 'cascade'),
      { ...fk('notes', 'accounts', 'cascade'), childColumns: ['sender_id'] },
      fk('history', 'accounts', 'set null'),
    ]);
    expect(plan.steps.map((step) => step.table)).toEqual(['notes', 'accounts']);
    expect(plan.shared).toEqual([
      { table: 'links', column: 'account_a_id' },
      { table: 'links', column: 'account_b_id' },
    ]);
    expect(plan.cleared).toEqual([{ table: 'history', column: 'accounts_id' }]);
  });

  test('a keyless account_id column makes its table owned, and what cascades from it', () => {
    const plan = planFromForeignKeys(
      [
        fk('b', 'accounts', 'cascade'),
        fk('tasks', 'queue', 'cascade'),
        fk('x', 'other', 'cascade'),
      ],
      [{ table: 'queue', column: 'account_id' }],
    );
    expect(plan.steps.map((step) => step.table)).toEqual(['b', 'tasks', 'queue', 'accounts']);
    const queue = plan.steps.find((step) => step.table === 'queue');
    const text = new PgDialect().sqlToQuery(queue?.where('A') ?? sql``);
    expect(text).toMatchObject({ sql: '("account_id"::text = $1)', params: ['A'] });
  });

  test('a cycle of cascading keys is refused with a clear error', () => {
    expect(() =>
      planFromForeignKeys([
        fk('b', 'accounts', 'cascade'),
        fk('c', 'b', 'cascade'),
        fk('b', 'c', 'cascade'),
      ]),
    ).toThrow(FluxDbError);
  });
});
