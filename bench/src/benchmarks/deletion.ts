/**
 * Account-deletion jobs: two worker processes (apps/worker, as deployed, two connections
 * each) drain a queue of small accounts, each with one row in every table an account owns.
 * Throughput is jobs per second from the first claim to the last completion, both read from
 * the database. There is no baseline; the check is that no job was done twice: every job was
 * claimed once and logged each of its steps once.
 *
 * Server only: the worker is a process of its own next to the API, and an embedded database
 * belongs to one process.
 */
import { join } from 'node:path';
import { createDb, requestAccountDeletion, schemaTableNames } from '@fluxcore/db';
import { createOwnedAccount, fillAccount } from '@fluxcore/db/testing';
import { createMigratedServerDatabase } from '../databases.ts';
import { repositoryRoot } from '../processes.ts';
import type { Benchmark, Context, Row } from '../suite.ts';

const workerEntry = join(repositoryRoot, 'apps/worker/src/index.ts');
const workers = 2;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

type JobTrail = {
  job_id: string;
  claims: number;
  snapshots: number;
  cleanups: number;
  completions: number;
};

async function run(context: Context): Promise<Row> {
  const accounts = context.sizes.deletionAccounts;
  const database = await createMigratedServerDatabase(context.server, 'deletion');
  const client = await createDb(database.config, { poolMax: 4 });
  const children: { process: ReturnType<typeof Bun.spawn>; output: Promise<string> }[] = [];
  try {
    // Fixtures through the test suite's own builder: one row in every table an account owns.
    const peer = await createOwnedAccount(client.db, 'peer');
    const doomed: string[] = [];
    for (let i = 0; i < accounts; i++) {
      const owner = await createOwnedAccount(client.db, 'doomed');
      await fillAccount(
        client.db,
        { userId: owner.user.id, accountId: owner.account.id },
        { userId: peer.user.id, accountId: peer.account.id },
      );
      const requested = await requestAccountDeletion(client.db, { accountId: owner.account.id });
      if (requested.kind !== 'requested') throw new Error(`deletion not queued: ${requested.kind}`);
      doomed.push(owner.account.id);
    }
    context.log(`  ${accounts} accounts filled and queued for deletion`);
    for (let i = 1; i <= workers; i++) {
      const child = Bun.spawn(['bun', 'run', workerEntry], {
        cwd: repositoryRoot,
        env: {
          ...process.env,
          ...database.env,
          FLUXCORE_WORKER_ID: `bench-worker-${i}`,
          FLUXCORE_WORKER_POLL_MS: '20',
          FLUXCORE_WORKER_LEASE_MS: '60000',
        },
        stdin: 'ignore',
        stdout: 'pipe',
        stderr: 'pipe',
      });
      // Read the worker's log as it comes, so a full pipe never blocks it.
      const output = Promise.all([
        new Response(child.stdout).text(),
        new Response(child.stderr).text(),
      ]).then(([out, err]) => `${out}${err}`);
      children.push({ process: child, output });
    }
    const deadline = Date.now() + 10 * 60_000;
    for (;;) {
      const [left] = await client.query<{ n: number }>(
        `select count(*)::int as n from account_deletion_jobs where status not in ('completed', 'failed')`,
      );
      if (Number(left?.n) === 0) break;
      const exited = children.find((child) => child.process.exitCode !== null);
      if (exited) {
        const tail = (await exited.output).trim().split('\n').slice(-2).join(' / ');
        throw new Error(`a worker exited early with code ${exited.process.exitCode}: ${tail}`);
      }
      if (Date.now() > deadline) throw new Error('the workers did not finish in 10 minutes');
      await sleep(100);
    }
    for (const child of children) child.process.kill('SIGTERM');
    await Promise.all(children.map((child) => child.process.exited));

    const [span] = await client.query<{ seconds: number; failed: number }>(
      `select extract(epoch from (select max(completed_at) from account_deletion_jobs)
                            - (select min(created_at) from account_deletion_logs where reason like 'claimed by %'))::float8 as seconds,
              (select count(*)::int from account_deletion_jobs where status = 'failed') as failed`,
    );
    const trails = await client.query<JobTrail>(
      `select job_id,
              count(*) filter (where reason like 'claimed by %')::int as claims,
              count(*) filter (where status = 'snapshot_ready')::int as snapshots,
              count(*) filter (where status = 'local_cleanup')::int as cleanups,
              count(*) filter (where status = 'completed')::int as completions
         from account_deletion_logs where job_id is not null group by job_id`,
    );
    const byWorker = await client.query<{ worker: string; jobs: number }>(
      `select details->>'workerId' as worker, count(*)::int as jobs from account_deletion_logs
        where reason like 'claimed by %' group by 1 order by 1`,
    );
    // Each account shares a relationship with the peer, so its row stays as a tombstone
    // (operations/deletion/redaction.ts): an account left is one that is not a tombstone.
    const [remaining] = await client.query<{ n: number; tombstones: number }>(
      `select count(*) filter (where username <> 'deleted-' || id::text)::int as n,
              count(*) filter (where username = 'deleted-' || id::text)::int as tombstones
         from accounts where id = any($1::uuid[])`,
      [doomed],
    );
    const twice = trails.filter(
      (t) => t.claims !== 1 || t.snapshots !== 1 || t.cleanups !== 1 || t.completions !== 1,
    );
    const complete =
      trails.length === accounts && Number(span?.failed) === 0 && Number(remaining?.n) === 0;
    const rate = accounts / Number(span?.seconds);
    return {
      benchmark: 'deletion',
      what: `account deletion jobs, ${workers} worker processes, ${accounts} small accounts (a row in each table an account owns)`,
      database: 'server',
      ours: { label: 'apps/worker', value: rate, unit: 'jobs/s' },
      target: { text: 'report; no job done twice', met: twice.length === 0 && complete },
      note: `${twice.length} job(s) claimed or stepped more than once, ${span?.failed} failed, ${remaining?.n} account(s) left (${remaining?.tombstones} tombstone(s), kept while a relationship names them); claims per worker: ${byWorker.map((w) => `${w.worker} ${w.jobs}`).join(', ')}`,
      details: {
        seconds: Number(span?.seconds),
        jobs: trails.length,
        byWorker,
        schemaTables: schemaTableNames.length,
      },
    };
  } finally {
    for (const child of children) {
      if (child.process.exitCode === null) child.process.kill('SIGKILL');
    }
    await client.close();
    await database.drop();
  }
}

export const deletionBenchmark: Benchmark = {
  id: 'deletion',
  title: 'account deletion jobs, 2 workers',
  run: async (context) => [await run(context)],
};
