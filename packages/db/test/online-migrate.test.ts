/**
 * db:migrate --online on a server, with a few thousand messages: a run killed with SIGKILL at
 * 5 seeded random points resumes and keeps every row (checksums) with a clean audit; --abort
 * undoes the steps done; a reader and a writer never wait on a lock longer than the timeout.
 * The migration under test (the next number, appended to a copy of the project's folder) puts back what
 * the test took away from the full schema: a column retyped (expand/backfill/contract), an
 * index (CONCURRENTLY), a check constraint (NOT VALID, VALIDATE) and a NOT NULL (via a check).
 */
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import { rmSync } from 'node:fs';
import {
  createMigratedDatabase,
  createOwnedAccount,
  databaseKinds,
  fillAccount,
  projectMigrations,
} from '@fluxcore/db/testing';
import pg from 'pg';
import { seededRandom } from '../src/testing/seeded-random.ts';
import { projectMigrationsWith, runCli, spawnCli } from './support/migrations.ts';

/** The number after the project's last migration, so the fixture is always the newest. */
const next = String(projectMigrations.length).padStart(4, '0');
const tag = `${next}_online_fixture`;
const fixture = [
  'ALTER TABLE "messages" ALTER COLUMN "status" SET DATA TYPE varchar(20);',
  'CREATE INDEX "idx_messages_parent" ON "messages" USING btree ("parent_id");',
  `ALTER TABLE "messages" ADD CONSTRAINT "message_deleted_scope_valid" CHECK ((deleted_scope IS NULL) OR ((deleted_scope)::text = ANY (ARRAY[('self'::character varying)::text, ('all'::character varying)::text])));`,
  'ALTER TABLE "messages" ALTER COLUMN "content" SET NOT NULL;',
].join('--> statement-breakpoint\n');

/** Takes from the full schema what the fixture puts back, and forgets it was applied. */
const takeAway = `
  alter table messages alter column status type text;
  drop index if exists idx_messages_parent;
  alter table messages drop constraint if exists message_deleted_scope_valid;
  alter table messages alter column content drop not null;
  delete from drizzle.__drizzle_migrations where created_at = (select created_at from drizzle.fluxcore_migrations where tag = '${tag}');
  delete from drizzle.fluxcore_migrations where tag = '${tag}';`;

const checksum = `select count(*)::int as rows, md5(string_agg(to_jsonb(m)::text, '|' order by id)) as sum
  from messages m where id = any($1::uuid[])`;

describe.if(databaseKinds.includes('server'))('db:migrate --online on a server', () => {
  let close: () => Promise<void>;
  let client: pg.Client;
  let env: Record<string, string>;
  let folder: string;
  let original: string[];

  beforeAll(async () => {
    const migrated = await createMigratedDatabase('server');
    close = migrated.close;
    const db = migrated.client.db;
    const peer = await createOwnedAccount(db, 'peer');
    const owner = await createOwnedAccount(db, 'owner');
    await fillAccount(
      db,
      { userId: owner.user.id, accountId: owner.account.id },
      { userId: peer.user.id, accountId: peer.account.id },
    );
    client = new pg.Client({ connectionString: migrated.database.env.DATABASE_URL });
    await client.connect();
    // 3,000 messages: copies of the filled ones, each with a new id and no signal.
    await client.query(`insert into messages
      select (jsonb_populate_record(null::messages, to_jsonb(m) || jsonb_build_object('id', gen_random_uuid(),
              'signal_id', null, 'status', (array['synced','pending','failed'])[1 + g % 3]))).*
        from (select * from messages limit 1) m, generate_series(1, 3000) g`);
    original = (await client.query('select id from messages order by id')).rows.map((r) => r.id);
    // The schema after the fixture is the project's: the audit reads it from the last snapshot.
    folder = projectMigrationsWith(tag, fixture);
    env = { ...migrated.database.env, FLUXCORE_MIGRATIONS_DIR: folder };
  }, 120_000);

  afterAll(async () => {
    await client?.end();
    await close?.();
    if (folder) rmSync(folder, { recursive: true, force: true });
  });

  /** Units of progress the online run has recorded: steps done, and backfilled rows / 100. */
  const progress = async () => {
    const { rows } = await client
      .query(`select coalesce(count(*) filter (where state = 'done'), 0)::int
        + coalesce(sum((progress ->> 'rows')::int) / 100, 0)::int as units
      from drizzle.fluxcore_online_steps where action ->> 'kind' <> 'form'
        and run_id = (select max(id) from drizzle.fluxcore_online_runs where state = 'running')`)
      .catch(() => ({ rows: [{ units: 0 }] }));
    return Number(rows[0]?.units ?? 0);
  };

  /** Kills `child` with SIGKILL once the run reaches `target` units; returns where it was. */
  const killAt = async (child: ReturnType<typeof spawnCli>, target: number) => {
    let done = false;
    void child.exited.then(() => {
      done = true;
    });
    while (!done && (await progress()) < target) await Bun.sleep(5);
    child.kill('SIGKILL');
    await child.exited;
    return progress();
  };

  const sums = async () => (await client.query(checksum, [original])).rows[0];

  test('a run killed with SIGKILL at 5 seeded random points resumes, keeps every row and audits clean', async () => {
    await client.query(takeAway);
    const before = await sums();
    const random = seededRandom(26);
    let reached = 0;
    const points: number[] = [];
    const written: string[] = [];
    for (let kill = 0; kill < 5; kill++) {
      const child = spawnCli(
        'migrate',
        ['--online', '--batch-size', '100', '--batch-pause', '5'],
        env,
      );
      // A random point: 1 to 4 more units of progress (a step done, or 100 rows backfilled).
      reached = await killAt(child, reached + 1 + Math.floor(random() * 4));
      points.push(reached);
      // The app keeps working on whatever the kill left: it writes and reads messages.
      const { rows } = await client.query(
        `insert into messages select (jsonb_populate_record(null::messages, to_jsonb(m) || jsonb_build_object('id', gen_random_uuid(), 'signal_id', null))).*
           from (select * from messages where id = $1) m returning id`,
        [original[0]],
      );
      written.push(rows[0].id);
    }
    // Five distinct points, each further on, the run still unfinished after the last.
    expect(new Set(points).size).toBe(5);
    expect(points).toEqual([...points].sort((a, b) => a - b));
    const status = await runCli('status', [], env);
    expect(status.stdout).toMatch(/online run #\d+ .* is IN PROGRESS/);
    const finish = await runCli('migrate', ['--online', '--batch-size', '100'], env);
    expect(finish.stderr).toBe('');
    expect(finish.code).toBe(0);
    expect(finish.stdout).toContain('resuming online run');
    expect(await sums()).toEqual(before);
    const kept = await client.query(
      'select count(*)::int as n from messages where id = any($1::uuid[])',
      [written],
    );
    expect(kept.rows[0].n).toBe(5);
    const audit = await runCli('audit', [], env);
    expect(audit.stdout).toContain('0 difference(s)');
    expect(audit.code).toBe(0);
    const left = await client.query(`select count(*)::int as n from pg_index where not indisvalid`);
    expect(left.rows[0].n).toBe(0);
  }, 180_000);

  test('--abort undoes the steps done, and the run can start again', async () => {
    await client.query(takeAway);
    const child = spawnCli(
      'migrate',
      ['--online', '--batch-size', '50', '--batch-pause', '20'],
      env,
    );
    // Killed in the backfill: the expand, its trigger and some batches are done.
    await killAt(child, 8);
    const abort = await runCli('migrate', ['--abort'], env);
    expect(abort.stderr).toBe('');
    expect(abort.stdout).toMatch(/online run #\d+ aborted: \d+ step\(s\) undone/);
    const columns = await client.query(
      `select attname, format_type(atttypid, atttypmod) as type from pg_attribute
        where attrelid = 'messages'::regclass and attname like 'status%' and not attisdropped`,
    );
    expect(columns.rows).toEqual([{ attname: 'status', type: 'text' }]);
    const leftovers = await client.query(
      `select (select count(*)::int from pg_trigger where tgname like 'fluxcore_online%') as triggers,
              (select count(*)::int from pg_constraint where conname = 'message_deleted_scope_valid') as checks,
              to_regclass('idx_messages_parent') is null as no_index`,
    );
    expect(leftovers.rows[0]).toEqual({ triggers: 0, checks: 0, no_index: true });
    const status = await runCli('status', [], env);
    expect(status.stdout).not.toContain('online run #');
  }, 120_000);

  test('--online takes no lock a reader or a writer waits on longer than the timeout', async () => {
    await client.query(takeAway);
    // The app's sessions give up after 1 s waiting on a lock: any such wait is a failure.
    const app = async () => {
      const c = new pg.Client({ connectionString: env.DATABASE_URL });
      await c.connect();
      await c.query(`set lock_timeout = 1000`);
      return c;
    };
    const reader = await app();
    const writer = await app();
    const failures: string[] = [];
    let stop = false;
    let reads = 0;
    let writes = 0;
    const loop = async (work: () => Promise<unknown>, count: () => void) => {
      while (!stop) {
        await work().then(count, (error: Error) => failures.push(error.message));
        await Bun.sleep(5);
      }
    };
    const loops = [
      loop(
        () => reader.query('select count(*), max(status) from messages'),
        () => reads++,
      ),
      loop(
        () => writer.query(`update messages set content = content where id = $1`, [original[7]]),
        () => writes++,
      ),
    ];
    const run = await runCli('migrate', ['--online', '--batch-size', '200'], env);
    stop = true;
    await Promise.all(loops);
    await reader.end();
    await writer.end();
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(failures).toEqual([]);
    expect(reads).toBeGreaterThan(0);
    expect(writes).toBeGreaterThan(0);
  }, 120_000);
});
