/**
 * Every program of the repository behaves alike with its arguments (issue 21): the CLI, the
 * API, the worker and the bench answer --help (and the CLI --version) with exit 0 and start
 * nothing; an unknown flag is one line with exit 2 in each, with "did you mean" on a near
 * miss; and the long commands (seed, docs, push) print a line per phase with its counts.
 */
import { afterAll, describe, expect, test } from 'bun:test';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { nearestName, usageExitCode } from '../src/program-arguments.ts';
import { runCli, runProcess } from './support/migrations.ts';

const root = resolve(import.meta.dir, '../../..');
const folders: string[] = [];
afterAll(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});
const scratch = () => {
  const folder = mkdtempSync(join(tmpdir(), 'fluxcore-programs-'));
  folders.push(folder);
  return folder;
};

/** Each program as a user starts it from the repository root. */
const programs = {
  cli: ['bun', 'run', 'db:migrate'],
  api: ['bun', 'run', '--cwd', 'apps/api', 'start'],
  worker: ['bun', 'run', '--cwd', 'apps/worker', 'start'],
  bench: ['bun', 'run', 'bench'],
} as const;

const run = (argv: readonly string[], env: Record<string, string> = {}) =>
  runProcess([...argv], { FLUXCORE_DATA_DIR: join(scratch(), 'pgdata'), ...env }, root);

test('a near miss finds its name; a far one finds none', () => {
  expect(nearestName('--dry-rn', ['--to', '--dry-run', '--lock-timeout'])).toBe('--dry-run');
  expect(nearestName('--tabel', ['--json', '--table'])).toBe('--table');
  expect(nearestName('migrat', ['migrate', 'status'])).toBe('migrate');
  expect(nearestName('--bogus', ['--to', '--dry-run', '--lock-timeout'])).toBeUndefined();
  expect(nearestName('xyzzy', ['migrate', 'status'])).toBeUndefined();
});

describe('--help answers on every program, and starts nothing', () => {
  for (const [name, argv] of Object.entries(programs)) {
    test(`${name}: --help prints its usage and exits 0`, async () => {
      // No database settings at all: the API would refuse to start without its secret.
      const result = await run([...argv, '--help'], { FLUXCORE_JWT_SECRET: '' });
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      expect(result.stdout).toStartWith('Usage: ');
      expect(result.stdout).toContain('-h, --help');
      expect(result.stdout).not.toMatch(/started|listening|benchmarks on/);
    }, 60_000);
  }

  test('the API and the worker list their settings', async () => {
    const api = await run([...programs.api, '--help']);
    for (const name of ['FLUXCORE_JWT_SECRET', 'HOST', 'PORT', 'DATABASE_URL'])
      expect(api.stdout).toContain(`  ${name} `);
    const worker = await run([...programs.worker, '--help']);
    for (const name of [
      'FLUXCORE_WORKER_ID',
      'FLUXCORE_WORKER_LEASE_MS',
      'FLUXCORE_WORKER_POLL_MS',
    ])
      expect(worker.stdout).toContain(`  ${name} `);
  }, 60_000);
});

describe('an unknown flag: one line, the same exit code everywhere', () => {
  for (const [name, argv] of Object.entries(programs)) {
    test(`${name}: exit ${usageExitCode}`, async () => {
      const result = await run([...argv, '--bogus']);
      expect(result.code).toBe(usageExitCode);
      const lines = result.stderr.trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toStartWith("error: Unknown option '--bogus'");
    }, 60_000);
  }

  test('db:audit and db:converge too, where exit 1 means "found"', async () => {
    for (const command of ['audit', 'converge', 'seed']) {
      const result = await runCli(command, ['--bogus'], {});
      expect({ command, code: result.code }).toEqual({ command, code: usageExitCode });
    }
  }, 60_000);

  test('a near miss says what was meant', async () => {
    const cases: [readonly string[], string][] = [
      [
        [...programs.cli, '--dry-rn'],
        "error: Unknown option '--dry-rn' (did you mean --dry-run?). Known flags: --to, --dry-run, --lock-timeout",
      ],
      [
        ['bun', 'packages/db/src/cli/main.ts', 'migrat'],
        'error: fluxcore-db has no command "migrat" (did you mean migrate?).',
      ],
      [[...programs.worker, '--hlep'], "error: Unknown option '--hlep' (did you mean --help?)."],
      [[...programs.bench, '--smok'], "error: Unknown option '--smok' (did you mean --smoke?)."],
      [
        [...programs.bench, '--only', 'rgg'],
        'error: there is no benchmark "rgg" (did you mean rag?).',
      ],
    ];
    for (const [argv, line] of cases) {
      const result = await run(argv);
      expect({ argv, code: result.code }).toEqual({ argv, code: usageExitCode });
      expect(result.stderr).toStartWith(line);
    }
  }, 120_000);
});

test('--version on the CLI: the version of @fluxcore/db', async () => {
  const { version } = JSON.parse(readFileSync(join(root, 'packages/db/package.json'), 'utf8')) as {
    version: string;
  };
  for (const argv of [
    ['bun', 'packages/db/src/cli/main.ts', '--version'],
    ['bun', 'run', 'db:status', '--version'],
  ]) {
    const result = await run(argv);
    expect(result).toEqual({ code: 0, stdout: `fluxcore-db ${version}\n`, stderr: '' });
  }
}, 60_000);

describe('long commands print a line per phase, with counts', () => {
  test('db:seed', async () => {
    const dataDir = join(scratch(), 'pgdata');
    await runCli('migrate', [], { FLUXCORE_DATA_DIR: dataDir });
    const result = await runCli('seed', [], { FLUXCORE_DATA_DIR: dataDir });
    expect(result.code).toBe(0);
    expect(result.stdout.split('\n')).toEqual([
      `seeding embedded database at ${dataDir}: 1 table of reference data`,
      '  credits_policies: 2 reference row(s), 0 inserted, 2 already present (an edited one is left as it is)',
      `seeded embedded database at ${dataDir}: credits_policies +0 (already present)`,
      '',
    ]);
  }, 120_000);

  test('db:docs', async () => {
    const folder = scratch();
    const result = await runCli('docs', [], { FLUXCORE_DOCS_DIR: folder });
    expect(result.code).toBe(0);
    const lines = result.stdout.split('\n');
    expect(lines[0]).toMatch(/^read the schema: \d+ tables, \d+ columns, \d+ domains$/);
    expect(lines[1]).toMatch(/^drew \d+ diagrams with Graphviz: the overview and one per domain$/);
    expect(lines[2]).toMatch(/^rendered \d+ pages, with a search over every table and column$/);
    expect(lines[3]).toMatch(
      /^rendered the Markdown for GitHub: README\.md and \d+ tables\/\*\.md$/,
    );
    expect(lines[4]).toMatch(/^wrote \d+ files to /);
  }, 120_000);

  test('db:push: its phases on stderr, the statements alone on stdout', async () => {
    const dataDir = join(scratch(), 'pgdata');
    const result = await runCli('push', [], { FLUXCORE_DATA_DIR: dataDir });
    expect(result.code).toBe(0);
    const count = Number(/pushed (\d+) statement/.exec(result.stdout)?.[1]);
    expect(count).toBeGreaterThan(0);
    expect(result.stderr.split('\n').slice(-4)).toEqual([
      `pushing the schema to embedded database at ${dataDir}: it is empty (0 tables)`,
      `  drizzle-kit compared it with the schema: ${count} statement(s) to run`,
      `  running ${count} statement(s)`,
      '',
    ]);
  }, 120_000);
});
