/**
 * The account-deletion worker, driven as it runs in production:
 * - in-process (runWorker) on both databases, deleting an account with rows in every table it
 *   owns, checked against the catalog afterwards;
 * - as child processes of src/index.ts on the server: three workers, one SIGKILLed while it
 *   holds a job, finish 20 jobs, each exactly once; and SIGTERM lets a worker finish its step,
 *   release the lease and close its pool.
 */
import { beforeAll, describe, expect, test } from 'bun:test';
import { resolve } from 'node:path';
import {
  type DatabaseClient,
  readUnkeyedAccountColumns,
  requestAccountDeletion,
  runtimeRoles,
  schemaTableNames,
} from '@fluxcore/db';
import {
  accountDeletionJobs,
  accountDeletionLogs,
  appointments,
  extensionInstallations,
} from '@fluxcore/db/schema';
import {
  createOwnedAccount,
  databaseKinds,
  fillAccount,
  type TestDatabase,
  useMigratedDatabase,
} from '@fluxcore/db/testing';
import { asc, eq, inArray } from 'drizzle-orm';
import { runWorker } from '../src/worker.ts';

const workerEntry = resolve(import.meta.dir, '../src/index.ts');
/** The deletion trail keeps the account id on purpose (no foreign key): it outlives the account. */
const trailTables = ['account_deletion_jobs', 'account_deletion_logs'];

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitFor(what: string, check: () => Promise<boolean>, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}

async function tableCounts(client: DatabaseClient): Promise<Record<string, number>> {
  const rows = await client.query<{ table: string; count: number }>(
    schemaTableNames
      .map((name) => `select '${name}' as "table", count(*)::int as "count" from "${name}"`)
      .join(' union all '),
  );
  return Object.fromEntries(rows.map((row) => [row.table, Number(row.count)]));
}

/** An md5 of every row (all its columns) of every table, as `table:hash`. */
async function rowHashes(client: DatabaseClient): Promise<Set<string>> {
  const rows = await client.query<{ row: string }>(
    schemaTableNames
      .map((name) => `select '${name}:' || md5(t::text) as "row" from "${name}" t`)
      .join(' union all '),
  );
  return new Set(rows.map((row) => row.row));
}

/** How many of `rows` are missing from `other`, per table. */
function missingFrom(rows: Set<string>, other: Set<string>): Record<string, number> {
  const missing: Record<string, number> = {};
  for (const row of rows) {
    if (other.has(row)) continue;
    const table = row.slice(0, row.indexOf(':'));
    if (!trailTables.includes(table)) missing[table] = (missing[table] ?? 0) + 1;
  }
  return missing;
}

/** Every table that reaches accounts through cascading foreign keys, read from pg_constraint. */
async function ownedTables(client: DatabaseClient): Promise<string[]> {
  const rows = await client.query<{ name: string }>(
    `with recursive owned(oid) as (
       select 'accounts'::regclass::oid
       union
       select c.conrelid from pg_constraint c join owned o on c.confrelid = o.oid
       where c.contype = 'f' and c.confdeltype = 'c')
     select relname as name from owned join pg_class on pg_class.oid = owned.oid order by 1`,
  );
  return rows.map((row) => row.name);
}

/**
 * Catalog-driven leftovers of one account: every column that is a foreign key to accounts,
 * and every other uuid column named like an account reference, holding its id; and, for every
 * foreign key of the schema, child rows whose parent is missing.
 */
async function leftovers(client: DatabaseClient, accountId: string): Promise<string[]> {
  const columns = await client.query<{ table: string; column: string }>(
    `select c.conrelid::regclass::text as "table", a.attname as "column"
       from pg_constraint c join pg_attribute a on a.attrelid = c.conrelid and a.attnum = c.conkey[1]
      where c.contype = 'f' and c.confrelid = 'accounts'::regclass
     union
     select table_name, column_name from information_schema.columns
      where table_schema = 'public' and data_type in ('uuid', 'text') and column_name like '%account_id'
        and table_name <> all($1)`,
    [trailTables],
  );
  const found: string[] = [];
  for (const { table, column } of columns) {
    const [row] = await client.query<{ n: number }>(
      `select count(*)::int as n from "${table}" where "${column}"::text = $1`,
      [accountId],
    );
    if (Number(row?.n) > 0) found.push(`${table}.${column} still holds the account (${row?.n})`);
  }
  const keys = await client.query<{ name: string; check: string }>(
    `select c.conname as name, format('select count(*)::int as n from %s ch where %s and not exists (select 1 from %s p where %s)',
        c.conrelid::regclass, string_agg(format('ch.%I is not null', ca.attname), ' and '),
        c.confrelid::regclass, string_agg(format('p.%I = ch.%I', pa.attname, ca.attname), ' and ')) as check
       from pg_constraint c
       cross join lateral unnest(c.conkey, c.confkey) as k(child_attnum, parent_attnum)
       join pg_attribute ca on ca.attrelid = c.conrelid and ca.attnum = k.child_attnum
       join pg_attribute pa on pa.attrelid = c.confrelid and pa.attnum = k.parent_attnum
      where c.contype = 'f' and c.connamespace = 'public'::regnamespace
      group by c.oid, c.conname, c.conrelid, c.confrelid`,
  );
  for (const key of keys) {
    const [row] = await client.query<{ n: number }>(key.check);
    if (Number(row?.n) > 0) found.push(`${key.name}: ${row?.n} orphan rows`);
  }
  return found;
}

describe.each(databaseKinds)('the worker in-process on the %s database', (kind) => {
  const migrated = useMigratedDatabase(kind);
  let client: DatabaseClient;
  beforeAll(() => {
    client = migrated.client;
  });

  test("an account with rows in every table it owns is deleted completely, and nothing of the peer's", async () => {
    const db = client.db;
    // Another account with the same kinds of data, which must survive untouched.
    const peer = await createOwnedAccount(db, 'peer');
    const bystander = await createOwnedAccount(db, 'bystander');
    await fillAccount(
      db,
      { userId: peer.user.id, accountId: peer.account.id },
      { userId: bystander.user.id, accountId: bystander.account.id },
    );
    const victim = await createOwnedAccount(db, 'victim');
    // History of the peer that names the victim: it must outlive it, with the reference cleared.
    const [appointment] = await db
      .insert(appointments)
      .values({
        accountId: peer.account.id,
        clientAccountId: victim.account.id,
        scheduledAt: new Date(),
        durationMinutes: 15,
      })
      .returning();
    const [installation] = await db
      .insert(extensionInstallations)
      .values({
        accountId: peer.account.id,
        extensionId: 'granted-by-victim',
        version: '1',
        grantedBy: victim.account.id,
      })
      .returning();

    const before = await tableCounts(client);
    const rowsBefore = await rowHashes(client);
    await fillAccount(
      db,
      { userId: victim.user.id, accountId: victim.account.id },
      { userId: peer.user.id, accountId: peer.account.id },
    );
    const filled = await tableCounts(client);
    const keyed = await ownedTables(client);
    expect(keyed.length).toBeGreaterThan(40);
    // And the tables that name the account in a keyless account_id column (the May kernel's).
    const keyless = (await readUnkeyedAccountColumns(db)).map((column) => column.table);
    expect(keyless).toEqual([
      'fluxcore_action_audit',
      'fluxcore_cognition_queue',
      'fluxcore_session_projection',
    ]);
    const owned = [...new Set([...keyed, ...keyless])];
    // The fixture really covers every owned table (a new table fails here until it does).
    const uncovered = owned.filter(
      (t) => t !== 'accounts' && !((filled[t] ?? 0) > (before[t] ?? 0)),
    );
    expect(uncovered).toEqual([]);

    const requested = await requestAccountDeletion(db, {
      accountId: victim.account.id,
      requesterUserId: victim.user.id,
    });
    if (requested.kind !== 'requested') throw new Error(requested.kind);
    const stop = new AbortController();
    const lines: string[] = [];
    const running = runWorker({
      db: client,
      workerId: `in-process-${kind}`,
      leaseMs: 60_000,
      pollMs: 20,
      signal: stop.signal,
      // As it runs in production: the system role, under row-level security.
      role: runtimeRoles.system,
      log: (line) => lines.push(line),
    });
    await waitFor('the job to complete', async () => {
      const [job] = await db
        .select({ status: accountDeletionJobs.status })
        .from(accountDeletionJobs)
        .where(eq(accountDeletionJobs.id, requested.job.id));
      return job?.status === 'completed' || job?.status === 'failed';
    });
    stop.abort();
    expect({
      summary: await running,
      lines: lines.filter((l) => !l.includes('claimed job')),
    }).toEqual({
      summary: { completed: 1, failed: 0, retried: 0, released: 0 },
      lines: [
        `in-process-${kind}: job ${requested.job.id} is snapshot_ready`,
        `in-process-${kind}: job ${requested.job.id} is local_cleanup`,
        `in-process-${kind}: job ${requested.job.id} completed`,
      ],
    });

    // What the victim shared with the peer stays for the peer (docs/account-deletion.md): the
    // relationship (naming the victim's tombstone), its conversation, the peer's message in it,
    // the extension contexts attached to the relationship and the conversation, the peer's
    // participant row in that conversation, and the peer's kernel identity (fluxcore_actors:
    // independent of accounts) that the victim's actor context named.
    const sharedKept: Record<string, number> = {
      conversation_participants: 1,
      conversations: 1,
      extension_contexts: 2,
      fluxcore_actors: 1,
      messages: 1,
      relationships: 1,
    };
    expect(await leftovers(client, victim.account.id)).toEqual([
      'relationships.account_a_id still holds the account (1)',
    ]);
    const after = await tableCounts(client);
    const changed = schemaTableNames.filter(
      (name) => !trailTables.includes(name) && after[name] !== before[name],
    );
    expect(Object.fromEntries(changed.map((t) => [t, (after[t] ?? 0) - (before[t] ?? 0)]))).toEqual(
      sharedKept,
    );
    // Every row that was there before the victim's data, the peer's and the bystander's in
    // every table, is there byte for byte, except the three that named the victim: its account
    // row (now a tombstone) and the peer's appointment and installation (reference cleared).
    const rowsAfter = await rowHashes(client);
    const named = { accounts: 1, appointments: 1, extension_installations: 1 };
    expect(missingFrom(rowsBefore, rowsAfter)).toEqual(named);
    expect(missingFrom(rowsAfter, rowsBefore)).toEqual({ ...sharedKept, ...named });
    // The account row stays as a tombstone (the relationship names it), with nothing in it.
    const [tombstone] = await client.query<{ username: string; display_name: string }>(
      'select username, display_name from accounts where id = $1',
      [victim.account.id],
    );
    expect(tombstone).toEqual({
      username: `deleted-${victim.account.id}`,
      display_name: 'Deleted account',
    });
    const [kept] = await db
      .select({ clientAccountId: appointments.clientAccountId })
      .from(appointments)
      .where(eq(appointments.id, appointment?.id ?? ''));
    expect(kept).toEqual({ clientAccountId: null });
    const [keptInstallation] = await db
      .select({ grantedBy: extensionInstallations.grantedBy })
      .from(extensionInstallations)
      .where(eq(extensionInstallations.id, installation?.id ?? ''));
    expect(keptInstallation).toEqual({ grantedBy: null });

    const statuses = await db
      .select({ status: accountDeletionLogs.status, details: accountDeletionLogs.details })
      .from(accountDeletionLogs)
      .where(eq(accountDeletionLogs.jobId, requested.job.id))
      .orderBy(asc(accountDeletionLogs.createdAt));
    expect(statuses.map((s) => s.status)).toEqual([
      'pending',
      'pending',
      'snapshot_ready',
      'local_cleanup',
      'completed',
    ]);
    // The cleanup log names what it deleted, table by table, matching what the fixture added.
    const deleted = statuses[3]?.details.deleted as Record<string, number>;
    const counted = (table: string) => {
      const added = table === 'accounts' ? 0 : (filled[table] ?? 0) - (before[table] ?? 0);
      return added - (sharedKept[table] ?? 0);
    };
    expect(owned.map((table) => `${table}: ${deleted[table] ?? 0}`)).toEqual(
      owned.map((table) => `${table}: ${counted(table)}`),
    );
  }, 60_000);
});

/**
 * Backends of our worker processes waiting on a lock in this database. Asked through the pool,
 * never inside the locking transaction: pg_stat_activity is snapshotted per transaction.
 */
async function blockedWorkers(client: DatabaseClient, database: string): Promise<number> {
  const [row] = await client.query<{ n: number }>(
    `select count(*)::int as n from pg_stat_activity
      where datname = $1 and application_name = 'fluxcore-worker' and wait_event_type = 'Lock'`,
    [database],
  );
  return Number(row?.n);
}

function spawnWorker(database: TestDatabase, workerId: string, leaseMs: number) {
  const child = Bun.spawn(['bun', 'run', workerEntry], {
    env: {
      ...process.env,
      ...database.env,
      FLUXCORE_WORKER_ID: workerId,
      FLUXCORE_WORKER_LEASE_MS: String(leaseMs),
      FLUXCORE_WORKER_POLL_MS: '50',
    },
    stdout: 'pipe',
    stderr: 'pipe',
  });
  const output = Promise.all([
    new Response(child.stdout).text(),
    new Response(child.stderr).text(),
  ]).then(([out, err]) => out + err);
  return { child, output };
}

describe.if(databaseKinds.includes('server'))('worker processes on the server database', () => {
  const migrated = useMigratedDatabase('server');
  let database: TestDatabase;
  let client: DatabaseClient;
  let name: string;
  beforeAll(() => {
    database = migrated.database;
    client = migrated.client;
    name = new URL(database.env.DATABASE_URL ?? '').pathname.slice(1);
  });

  async function queueDeletions(count: number) {
    const peer = await createOwnedAccount(client.db, 'peer');
    const accountIds: string[] = [];
    for (let i = 0; i < count; i += 1) {
      const owner = await createOwnedAccount(client.db, `victim${i}`);
      await fillAccount(
        client.db,
        { userId: owner.user.id, accountId: owner.account.id },
        { userId: peer.user.id, accountId: peer.account.id },
      );
      const requested = await requestAccountDeletion(client.db, { accountId: owner.account.id });
      if (requested.kind !== 'requested') throw new Error(requested.kind);
      accountIds.push(owner.account.id);
    }
    return accountIds;
  }

  /** Holds a share lock on the accounts, so every worker blocks deleting them. */
  async function lockAccounts(accountIds: string[]) {
    const session = await database.session();
    await session.query('begin');
    await session.query('select id from accounts where id = any($1::uuid[]) for share', [
      accountIds,
    ]);
    return session;
  }

  test('two workers and a SIGKILLed third complete 20 jobs, each exactly once', async () => {
    const accountIds = await queueDeletions(20);
    const lock = await lockAccounts(accountIds);
    const leaseMs = 1_500;
    const workers = ['worker-1', 'worker-2', 'worker-3'].map((id) =>
      spawnWorker(database, id, leaseMs),
    );
    let killedJob: string | undefined;
    try {
      // Each worker has claimed a job, snapshotted it, and now waits on the lock mid-cleanup.
      // Each worker runs its cleanup as fluxcore_system (a hundred statements under the
      // policies): on a loaded machine it takes a while to reach the locked account.
      await waitFor(
        'three blocked workers',
        async () => (await blockedWorkers(client, name)) === 3,
        120_000,
      );
      const [held] = await client.query<{ id: string }>(
        `select id from account_deletion_jobs where locked_by = 'worker-3'`,
      );
      killedJob = held?.id;
      expect(killedJob).toBeDefined();
      workers[2]?.child.kill('SIGKILL');
      expect(await workers[2]?.child.exited).not.toBe(0);
    } finally {
      await lock.query('commit');
      await lock.close();
    }
    await waitFor(
      '20 completed jobs',
      async () => {
        const [row] = await client.query<{ n: number }>(
          `select count(*)::int as n from account_deletion_jobs where status = 'completed' and account_id = any($1::uuid[])`,
          [accountIds],
        );
        return Number(row?.n) === 20;
      },
      120_000,
    );
    for (const worker of workers.slice(0, 2)) worker.child.kill('SIGTERM');
    const codes = await Promise.all(workers.slice(0, 2).map((worker) => worker.child.exited));
    expect(codes).toEqual([0, 0]);

    const jobs = await client.db
      .select()
      .from(accountDeletionJobs)
      .where(inArray(accountDeletionJobs.accountId, accountIds));
    expect(jobs.map((job) => job.status)).toEqual(new Array(20).fill('completed'));
    expect(jobs.every((job) => job.lockedBy === null && job.attempts === 0)).toBe(true);
    const logs = await client.db
      .select()
      .from(accountDeletionLogs)
      .where(inArray(accountDeletionLogs.accountId, accountIds));
    for (const job of jobs) {
      const own = logs
        .filter((log) => log.jobId === job.id)
        .map((log) => `${log.status}: ${log.reason}`);
      // Each phase committed once: the killed worker's cleanup rolled back with its connection.
      expect(own.filter((s) => s === 'snapshot_ready: snapshot taken')).toHaveLength(1);
      expect(own.filter((s) => s === 'local_cleanup: account data deleted')).toHaveLength(1);
      expect(own.filter((s) => s === 'completed: account deleted')).toHaveLength(1);
    }
    const reclaim = logs.find(
      (log) =>
        log.jobId === killedJob && log.reason?.includes('after the lease of worker-3 expired'),
    );
    expect(reclaim).toBeDefined();
    // What is left of each account is its tombstone (the peer's relationship names it).
    const [remaining] = await client.query<{ n: number }>(
      `select count(*)::int as n from accounts where id = any($1::uuid[]) and username <> 'deleted-' || id::text`,
      [accountIds],
    );
    expect(Number(remaining?.n)).toBe(0);
    const output = await workers[0]?.output;
    expect(output).toMatch(/worker worker-1 stopped: \d+ completed/);
  }, 300_000);

  test('a worker logged in as a member of fluxcore_system (not the owner) deletes an account', async () => {
    // Roles belong to the whole server: a name of this run's own, dropped at the end.
    const login = `fluxcore_test_worker_login_${process.pid}`;
    await client.query(`create role ${login} login in role ${runtimeRoles.system}`);
    try {
      const peer = await createOwnedAccount(client.db, 'peer');
      const victim = await createOwnedAccount(client.db, 'victim');
      await fillAccount(
        client.db,
        { userId: victim.user.id, accountId: victim.account.id },
        { userId: peer.user.id, accountId: peer.account.id },
      );
      const [appointment] = await client.db
        .insert(appointments)
        .values({
          accountId: peer.account.id,
          clientAccountId: victim.account.id,
          scheduledAt: new Date(),
          durationMinutes: 15,
        })
        .returning();
      const requested = await requestAccountDeletion(client.db, { accountId: victim.account.id });
      if (requested.kind !== 'requested') throw new Error(requested.kind);
      const url = new URL(database.env.DATABASE_URL ?? '');
      url.username = login;
      url.password = '';
      const worker = spawnWorker(
        { ...database, env: { ...database.env, DATABASE_URL: url.toString() } },
        'worker-login',
        60_000,
      );
      await waitFor(
        'the job to complete',
        async () => {
          const [job] = await client.db
            .select({ status: accountDeletionJobs.status })
            .from(accountDeletionJobs)
            .where(eq(accountDeletionJobs.id, requested.job.id));
          return job?.status === 'completed' || job?.status === 'failed';
        },
        120_000,
      );
      worker.child.kill('SIGTERM');
      expect(await worker.child.exited).toBe(0);
      // What is left is the tombstone the peer's relationship names, as with the owner.
      expect(await leftovers(client, victim.account.id)).toEqual([
        'relationships.account_a_id still holds the account (1)',
      ]);
      const [kept] = await client.db
        .select({ clientAccountId: appointments.clientAccountId })
        .from(appointments)
        .where(eq(appointments.id, appointment?.id ?? ''));
      expect(kept).toEqual({ clientAccountId: null });
      const output = await worker.output;
      expect(output).toContain('worker worker-login stopped: 1 completed, 0 failed');
      // The index loop is DDL, the owner's: as this login (current_user, named) it says so, once.
      expect(
        output.split('\n').filter((line) => line.includes('does not own fluxcore_document_chunks')),
      ).toEqual([
        `worker worker-login: store indexes: ${login} does not own fluxcore_document_chunks, so it cannot build or drop the per-store indexes. Give the index loop a DATABASE_URL of the tables' owner (docs/tenancy.md, the worker)`,
      ]);
    } finally {
      await client.query(`drop role if exists ${login}`);
    }
  }, 180_000);

  test('SIGTERM lets a worker finish its step, release the lease and close its pool', async () => {
    const [accountId] = await queueDeletions(1);
    const lock = await lockAccounts([accountId ?? '']);
    const worker = spawnWorker(database, 'worker-term', 60_000);
    try {
      await waitFor(
        'the worker to block',
        async () => (await blockedWorkers(client, name)) === 1,
        120_000,
      );
      worker.child.kill('SIGTERM');
      await sleep(200);
      // Still running: it waits for its step, it does not drop it.
      expect(worker.child.exitCode).toBeNull();
    } finally {
      await lock.query('commit');
      await lock.close();
    }
    expect(await worker.child.exited).toBe(0);
    const [job] = await client.db
      .select()
      .from(accountDeletionJobs)
      .where(eq(accountDeletionJobs.accountId, accountId ?? ''));
    // The step it was in (local cleanup) committed; the next one is left to another worker.
    expect(job).toMatchObject({ status: 'local_cleanup', lockedBy: null, leaseExpiresAt: null });
    const logs = await client.db
      .select({ reason: accountDeletionLogs.reason, details: accountDeletionLogs.details })
      .from(accountDeletionLogs)
      .where(eq(accountDeletionLogs.jobId, job?.id ?? ''))
      .orderBy(asc(accountDeletionLogs.createdAt));
    expect(logs.at(-1)).toEqual({
      reason: 'released by worker-term',
      details: { workerId: 'worker-term', why: 'worker stopping' },
    });
    // The worker closed its pool before it exited; a backend leaves pg_stat_activity a moment
    // after its client says goodbye, so the count is read until it settles (at most 5 s).
    const workerBackends = async () => {
      const [row] = await client.query<{ n: number }>(
        `select count(*)::int as n from pg_stat_activity where datname = $1 and application_name = 'fluxcore-worker'`,
        [name],
      );
      return Number(row?.n);
    };
    let connections = await workerBackends();
    for (let tries = 0; connections > 0 && tries < 50; tries++) {
      await Bun.sleep(100);
      connections = await workerBackends();
    }
    expect(connections).toBe(0);
    expect(await worker.output).toContain('SIGTERM, stopping after this step');
  }, 180_000);
});

test('a bad worker setting is one line naming the variable, and exit 1', async () => {
  const child = Bun.spawn(['bun', 'run', workerEntry], {
    env: { ...process.env, FLUXCORE_WORKER_LEASE_MS: 'soon' },
    stdout: 'pipe',
    stderr: 'pipe',
  });
  const [stderr, code] = await Promise.all([new Response(child.stderr).text(), child.exited]);
  expect(code).toBe(1);
  expect(stderr.trim().split('\n')).toEqual([
    expect.stringMatching(
      /^error: FLUXCORE_WORKER_LEASE_MS must be a number of milliseconds from 100 to 3600000\. Fix the variable and start the worker again$/,
    ),
  ]);
});
