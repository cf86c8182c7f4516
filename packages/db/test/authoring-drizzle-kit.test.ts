/**
 * drizzle-kit as Drizzle users run it: `bunx drizzle-kit <subcommand>` from packages/db, under
 * Node (bunx runs drizzle-kit's bin with its own `node` shebang), with the package's
 * drizzle.config.ts: each subcommand docs/drizzle-kit.md shows, as typed there. On the
 * embedded database every run goes through the folder's one owner (a db:serve started for the
 * run, or the one running), and `pull` writes into a scratch folder, never into migrations/.
 */
import { afterAll, describe, expect, test } from 'bun:test';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { migrationsFolder } from '../src/connection/config.ts';
import { openSqlSession } from '../src/connection/session.ts';
import { readHolder } from '../src/embedded/holder.ts';
import { lockPathFor } from '../src/embedded/lock.ts';
import { copyMigratedInto } from '../src/testing/databases.ts';
import {
  checksums,
  newFolder,
  oneLine,
  removeFolders,
  waitForLine,
} from './support/embedded-folders.ts';
import { cliMain, runCli } from './support/migrations.ts';

afterAll(removeFolders);

const packageDir = resolve(import.meta.dir, '..');
const migrationCount = (
  JSON.parse(readFileSync(join(migrationsFolder, 'meta', '_journal.json'), 'utf8')) as {
    entries: unknown[];
  }
).entries.length;

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** `bunx drizzle-kit <args>` in packages/db, no terminal, on the embedded folder `dataDir`. */
async function drizzleKit(args: string[], env: Record<string, string>): Promise<Run> {
  const child = Bun.spawn(['bunx', 'drizzle-kit', ...args], {
    cwd: packageDir,
    env: { ...process.env, DATABASE_URL: '', ...env },
    stdin: 'ignore',
    stdout: 'pipe',
    stderr: 'pipe',
  });
  const [stdout, stderr, code] = await Promise.all([
    new Response(child.stdout).text(),
    new Response(child.stderr).text(),
    child.exited,
  ]);
  return { code, stdout, stderr };
}

/** Nobody holds the folder any more: the db:serve started for the run has stopped. */
async function released(dataDir: string): Promise<boolean> {
  for (let tries = 0; tries < 50; tries++) {
    if (!readHolder(lockPathFor(dataDir))) return true;
    await Bun.sleep(100);
  }
  return false;
}

async function tableCount(dataDir: string): Promise<number> {
  const session = await openSqlSession({ kind: 'embedded', dataDir, applicationName: 'count' });
  try {
    const rows = await session.query<{ count: number }>(
      `select count(*)::int as count from pg_tables where schemaname = 'public'`,
    );
    return rows[0]?.count ?? 0;
  } finally {
    await session.close();
  }
}

const startedLine = (subcommand: string, dataDir: string) =>
  new RegExp(
    `^drizzle-kit ${subcommand} reaches the embedded database at ${dataDir} through a db:serve started for this run \\(pid \\d+, 127\\.0\\.0\\.1:\\d+\\); it stops when drizzle-kit does$`,
    'm',
  );

describe('bunx drizzle-kit from packages/db, under Node', () => {
  const migrationsBefore = checksums(migrationsFolder);

  test('the subcommands that read only the schema: generate, check, export', async () => {
    const env = { FLUXCORE_DATA_DIR: newFolder() };
    const generate = await drizzleKit(['generate'], env);
    expect(generate.stderr).not.toContain('paths[0]');
    expect(generate.stdout).toContain('No schema changes, nothing to migrate');
    expect(generate.code).toBe(0);

    const check = await drizzleKit(['check'], env);
    expect(check.stdout).toContain("Everything's fine");
    expect(check.code).toBe(0);

    const exported = await drizzleKit(['export'], env);
    expect(exported.stdout).toContain('CREATE TABLE "accounts"');
    expect(exported.code).toBe(0);
    // None of them opened the folder.
    expect(existsSync(env.FLUXCORE_DATA_DIR)).toBe(false);
  }, 180_000);

  test('migrate applies every migration through a db:serve of its own, as db:migrate records them', async () => {
    const dataDir = newFolder();
    const run = await drizzleKit(['migrate'], { FLUXCORE_DATA_DIR: dataDir });
    expect(run.stderr).toMatch(startedLine('migrate', dataDir));
    expect(run.stdout).toContain('migrations applied successfully');
    expect(run.code).toBe(0);
    expect(await released(dataDir)).toBe(true);
    const status = await runCli('status', [], { FLUXCORE_DATA_DIR: dataDir });
    expect(status.stdout).toContain(`${migrationCount} applied, 0 pending`);
    expect(status.code).toBe(0);
  }, 180_000);

  test('with db:serve running, migrate and pull go through it; pull writes into .gen/pull only', async () => {
    const dataDir = newFolder();
    // As db:migrate leaves it: a copy of the run's migrated template (the test above runs
    // every migration through drizzle-kit itself).
    await copyMigratedInto(dataDir, 'all');
    const serve = Bun.spawn(['bun', cliMain, 'serve', '--port', '0'], {
      env: { ...process.env, DATABASE_URL: '', FLUXCORE_DATA_DIR: dataDir },
      stdout: 'pipe',
      stderr: 'pipe',
    });
    try {
      await waitForLine(serve.stdout, /serving embedded database/);
      const through = new RegExp(
        `through db:serve \\(pid ${serve.pid}\\) on 127\\.0\\.0\\.1:\\d+$`,
        'm',
      );
      const migrate = await drizzleKit(['migrate'], { FLUXCORE_DATA_DIR: dataDir });
      expect(migrate.stderr).toMatch(through);
      expect(migrate.code).toBe(0);

      const pull = await drizzleKit(['pull'], { FLUXCORE_DATA_DIR: dataDir });
      expect(pull.stderr).toMatch(through);
      expect(pull.stderr).toContain(
        `drizzle-kit pull writes into ${join(packageDir, '.gen', 'pull')} (a scratch folder; migrations/ is left alone)`,
      );
      expect(pull.code).toBe(0);
      const schema = readFileSync(join(packageDir, '.gen', 'pull', 'schema.ts'), 'utf8');
      expect(schema).toContain('export const accounts = pgTable("accounts"');
      expect(checksums(migrationsFolder)).toEqual(migrationsBefore);
    } finally {
      serve.kill('SIGTERM');
      await serve.exited;
    }
  }, 240_000);

  test('push fills a new folder, with the vector extension the schema needs', async () => {
    const dataDir = newFolder();
    const run = await drizzleKit(['push', '--force'], { FLUXCORE_DATA_DIR: dataDir });
    expect(run.stderr).toMatch(startedLine('push', dataDir));
    expect(run.stdout).toContain('Changes applied');
    expect(run.code).toBe(0);
    expect(await released(dataDir)).toBe(true);
    expect(await tableCount(dataDir)).toBeGreaterThanOrEqual(61);
  }, 180_000);

  test('studio serves through a db:serve of its own, and says its interface is online', async () => {
    const dataDir = newFolder();
    // As db:migrate leaves it: a copy of the run's migrated template (the test above runs
    // every migration through drizzle-kit itself).
    await copyMigratedInto(dataDir, 'all');
    const studio = Bun.spawn(['bunx', 'drizzle-kit', 'studio', '--port', '0'], {
      cwd: packageDir,
      env: { ...process.env, DATABASE_URL: '', FLUXCORE_DATA_DIR: dataDir },
      stdin: 'ignore',
      stdout: 'pipe',
      stderr: 'pipe',
    });
    try {
      const [said] = await waitForLine(studio.stderr, /^[\s\S]*drizzle-kit studio reaches .*\n/);
      expect(said).toContain(
        "drizzle-kit studio: Studio's interface is served from the internet (https://local.drizzle.studio); offline, use bun run db:docs (the schema) or psql through bun run db:serve (the data)\n",
      );
      expect(said).toMatch(startedLine('studio', dataDir));
      await waitForLine(studio.stdout, /Drizzle Studio is up and running/);
    } finally {
      studio.kill('SIGTERM');
      await studio.exited;
    }
    expect(await released(dataDir)).toBe(true);
  }, 180_000);

  test('a folder another process holds: one line naming it, exit 1, drizzle-kit never opens it', async () => {
    const dataDir = newFolder();
    const holder = Bun.spawn(['bun', resolve(import.meta.dir, 'support/hold-embedded.ts'), '3'], {
      env: { ...process.env, DATABASE_URL: '', FLUXCORE_DATA_DIR: dataDir },
      stdout: 'pipe',
      stderr: 'pipe',
    });
    try {
      await waitForLine(holder.stdout, /holding \d+/);
      const run = await drizzleKit(['migrate'], {
        FLUXCORE_DATA_DIR: dataDir,
        FLUXCORE_LOCK_WAIT: '0',
      });
      expect(run.code).toBe(1);
      const lines = run.stderr.split('\n').filter((line) => line.startsWith('error: '));
      expect(lines).toHaveLength(1);
      expect(oneLine(lines.join('\n'))).toMatch(
        new RegExp(
          `^error: the embedded database at ${dataDir} is in use by pid ${holder.pid} \\(bun .*hold-embedded\\.ts 3\\)`,
        ),
      );
      expect(run.stdout).not.toContain('migrations applied');
    } finally {
      holder.kill('SIGKILL');
      await holder.exited;
    }
  }, 120_000);
});
