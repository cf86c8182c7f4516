/**
 * db:converge --online on a server: the reference database (the original's, filled by the
 * seeded generator) converged step by step, killed once with SIGKILL mid-run and resumed,
 * keeps every row, and audits clean apart from what converge keeps.
 */
import { describe, expect, test } from 'bun:test';
import { databaseKinds, projectMigrations } from '@fluxcore/db/testing';
import { auditDatabase } from '../src/audit/audit.ts';
import { migrationStatus } from '../src/migrator/status.ts';
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

  test('a run killed with SIGKILL resumes, keeps every row and audits clean', async () => {
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
    const child = spawnCli('converge', ['--online', '--batch-size', '50'], env);
    let exited = false;
    void child.exited.then(() => {
      exited = true;
    });
    while (!exited && (await stepsDone()) < 20) await Bun.sleep(10);
    child.kill('SIGKILL');
    await child.exited;
    const status = await runCli('status', [], env);
    expect(status.stdout).toMatch(/online run #\d+ \(db:converge --online/);
    const finish = await runCli('converge', ['--online', '--batch-size', '50'], env);
    expect(finish.stderr).toBe('');
    expect(finish.code).toBe(0);
    expect(finish.stdout).toContain('resuming online run');
    expect(await counts()).toEqual(before);
    const report = await auditDatabase(fixture.ref.session, { migrations: projectMigrations });
    expect(report.summary.differences).toBe(0);
    const applied = await migrationStatus(fixture.ref.session, projectMigrations);
    expect(applied.migrations.every((m) => m.state === 'applied')).toBe(true);
  }, 600_000);
});
