/**
 * db:converge --online on a server: the reference database (the original's, filled by the
 * seeded generator) converged step by step, killed with SIGKILL at 5 seeded random points and
 * resumed, keeps every row: each table's checksum equals that of a copy converged in one
 * transaction (db:converge --yes), and the audit is clean apart from what converge keeps.
 */
import { describe, expect, test } from 'bun:test';
import { createDatabaseOnServer, databaseKinds, projectMigrations } from '@fluxcore/db/testing';
import pg from 'pg';
import { auditDatabase } from '../src/audit/audit.ts';
import { migrationStatus } from '../src/migrator/status.ts';
import { seededRandom } from '../src/testing/seeded-random.ts';
import { quote, useConvergeFixture } from './support/converge-fixture.ts';
import { runCli, spawnCli } from './support/migrations.ts';

describe.if(databaseKinds.includes('server'))('db:converge --online on a server', () => {
  const fixture = useConvergeFixture('server');

  const stepsDone = async () => {
    const [row] = await fixture.ref.session
      .query<{ n: number }>(
        `select count(*)::int as n from drizzle.fluxcore_online_steps s
           join drizzle.fluxcore_online_runs r on r.id = s.run_id
          where r.state = 'running' and s.state = 'done'`,
      )
      .catch(() => [{ n: 0 }]);
    return Number(row?.n ?? 0);
  };

  /**
   * Each generated table's rows as one md5, whatever its columns' order: the rows there before
   * converge (by id, where the table has one), over the columns there before (`columns`) but
   * `updated_at`. What differs between two runs is left out: a column converge adds takes its
   * default, which may be volatile (now(), a new uuid); a data migration inserts its seed rows
   * (new ids) and its updates fire the touch triggers that set updated_at to now().
   */
  const checksums = async (
    url: string,
    columns: Map<string, string[]>,
    ids: Map<string, string[]>,
  ) => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const out: Record<string, string> = {};
      for (const table of [...fixture.generated.keys()].sort()) {
        const kept = (columns.get(table) ?? []).filter((c) => c !== 'updated_at');
        const known = ids.get(table);
        const only = known ? 'where t.id::text = any($2::text[])' : '';
        const { rows } = await client.query(
          `select md5(coalesce(string_agg(j, '|' order by j), '')) as sum
             from (select (select jsonb_object_agg(key, value) from jsonb_each(to_jsonb(t))
                            where key = any($1::text[]))::text as j
                     from ${quote(table)} t ${only}) rows`,
          known ? [kept, known] : [kept],
        );
        out[table] = rows[0].sum;
      }
      return out;
    } finally {
      await client.end();
    }
  };

  test('a run killed with SIGKILL at 5 seeded random points resumes, keeps every row and audits clean', async () => {
    const env = fixture.ref.database.env;
    const counts = async () => {
      const out = new Map<string, number>();
      for (const table of fixture.generated.keys()) {
        const [row] = await fixture.ref.session.query<{ n: number }>(
          `select count(*)::int as n from ${quote(table)}`,
        );
        out.set(table, Number(row?.n ?? 0));
      }
      return out;
    };
    const before = await counts();
    const columns = new Map<string, string[]>();
    const listed = await fixture.ref.session.query<{ table: string; columns: string[] }>(
      `select table_name as table, array_agg(column_name::text) as columns
         from information_schema.columns where table_schema = 'public' group by 1`,
    );
    for (const row of listed) columns.set(row.table, row.columns);
    const ids = new Map<string, string[]>();
    for (const table of fixture.generated.keys()) {
      if (!columns.get(table)?.includes('id')) continue;
      const rows = await fixture.ref.session.query<{ id: string }>(
        `select id::text as id from ${quote(table)}`,
      );
      ids.set(
        table,
        rows.map((r) => r.id),
      );
    }
    // The same database, converged in one transaction: what every row must end as.
    const url = (fixture.ref.database.config as { url: string }).url;
    const server = new URL(url);
    server.pathname = '/postgres';
    const copy = await createDatabaseOnServer(server.toString(), {
      prefix: 'fluxcore_test_online_copy',
      applicationName: 'fluxcore-test',
    });
    try {
      const piped = `pg_dump --no-owner -d "${url}" | psql -q -v ON_ERROR_STOP=1 -d "${copy.url}"`;
      const copied = Bun.spawnSync(['sh', '-c', piped], { stderr: 'pipe' });
      expect(copied.stderr.toString()).toBe('');
      const offline = await runCli('converge', ['--yes'], { DATABASE_URL: copy.url });
      expect(offline.code).toBe(0);

      const random = seededRandom(26);
      const points: number[] = [];
      for (let kill = 0; kill < 5; kill++) {
        const child = spawnCli('converge', ['--online', '--batch-size', '50'], env);
        let exited = false;
        void child.exited.then(() => {
          exited = true;
        });
        // Its output is read as it comes: a full pipe would stop the run.
        void new Response(child.stdout).text();
        void new Response(child.stderr).text();
        // A random point: 10 to 109 steps further than the last kill.
        const target = (points.at(-1) ?? 0) + 10 + Math.floor(random() * 100);
        while (!exited && (await stepsDone()) < target) await Bun.sleep(10);
        child.kill('SIGKILL');
        await child.exited;
        points.push(await stepsDone());
      }
      // Five distinct points, each further on, the run still unfinished after the last.
      expect(new Set(points).size).toBe(5);
      expect(points).toEqual([...points].sort((a, b) => a - b));
      const status = await runCli('status', [], env);
      expect(status.stdout).toMatch(/online run #\d+ \(db:converge --online/);
      const finish = await runCli('converge', ['--online', '--batch-size', '50'], env);
      expect(finish.stderr).toBe('');
      expect(finish.code).toBe(0);
      expect(finish.stdout).toContain('resuming online run');
      expect(await counts()).toEqual(before);
      expect(await checksums(url, columns, ids)).toEqual(await checksums(copy.url, columns, ids));
      const report = await auditDatabase(fixture.ref.session, { migrations: projectMigrations });
      expect(report.summary.differences).toBe(0);
      const applied = await migrationStatus(fixture.ref.session, projectMigrations);
      expect(applied.migrations.every((m) => m.state === 'applied')).toBe(true);
    } finally {
      await copy.drop();
    }
  }, 600_000);
});
