/**
 * The CLI and its manual agree, without a database: `bun run db:<command> --help` prints a
 * usage line that the command's section of the manual (docs/commands.md, or docs/adopting.md for
 * db:baseline and db:converge) starts with; every db:* script of the root package.json is a
 * command of the one entry and has a section; flags are checked
 * before anything connects; and a production command loads neither drizzle-kit nor another
 * command's code.
 */
import { describe, expect, test } from 'bun:test';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { main, usageLine } from '../src/cli/main.ts';
import { commands } from '../src/cli/spec.ts';
import { FluxDbError } from '../src/errors/flux-db-error.ts';
import { runProcess } from './support/migrations.ts';

const root = resolve(import.meta.dir, '../../..');
const manual = ['docs/commands.md', 'docs/adopting.md']
  .map((file) => readFileSync(resolve(root, file), 'utf8'))
  .join('\n');
const scripts = (
  JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as {
    scripts: Record<string, string>;
  }
).scripts;
const dbScripts = Object.keys(scripts).filter((name) => name.startsWith('db:'));
const headings = manual.split('\n').filter((line) => line.startsWith('### `bun run db:'));

describe('the db:* scripts', () => {
  test('are exactly the commands of fluxcore-db, each run through the one entry', () => {
    expect(dbScripts.map((name) => name.slice(3)).sort()).toEqual(Object.keys(commands).sort());
    const packageScripts = (
      JSON.parse(readFileSync(resolve(root, 'packages/db/package.json'), 'utf8')) as {
        scripts: Record<string, string>;
      }
    ).scripts;
    for (const name of dbScripts) {
      const runtime = commands[name.slice(3)]?.runtime;
      const prefix = runtime ? `${runtime} ` : '';
      expect(scripts[name]).toBe(`${prefix}bun packages/db/src/cli/main.ts ${name.slice(3)}`);
      expect(packageScripts[name]).toBe(`${prefix}bun src/cli/main.ts ${name.slice(3)}`);
    }
  });

  test('each has one section in the manual', () => {
    for (const name of dbScripts) {
      const section = headings.filter((line) => line.startsWith(`### \`bun run ${name}`));
      expect({ name, sections: section.length }).toEqual({ name, sections: 1 });
    }
  });
});

describe('--help', () => {
  for (const name of Object.keys(commands)) {
    test(`bun run db:${name} --help prints the usage line its section of the manual starts with`, async () => {
      const run = await runProcess(['bun', 'run', `db:${name}`, '--help'], {}, root);
      expect({ code: run.code, stderr: run.stderr.replace(/^\$ .*\n/, '') }).toEqual({
        code: 0,
        stderr: '',
      });
      const usage = run.stdout.split('\n')[0] ?? '';
      expect(usage).toBe(`Usage: ${usageLine(name, { npm_lifecycle_event: `db:${name}` })}`);
      expect(usage).toStartWith(`Usage: bun run db:${name}`);
      // The heading of the command's section is its usage line, word for word.
      expect(headings).toContain(`### \`${usage.slice('Usage: '.length)}\``);
      // Every flag of the usage line is explained below it, and so is --help.
      for (const flag of usage.match(/--[a-z-]+/g) ?? []) expect(run.stdout).toContain(`  ${flag}`);
      expect(run.stdout).toContain('-h, --help');
    });
  }

  test('fluxcore-db --help lists every command', async () => {
    const lines: string[] = [];
    expect(await main(['--help'], { out: (text) => void lines.push(text) })).toBe(0);
    for (const name of Object.keys(commands)) expect(lines.join('')).toContain(`\n  ${name} `);
  });
});

describe('flags are checked before anything connects', () => {
  const refused = async (argv: string[]) => {
    const error = await main(argv, { out: () => {} }).then(
      () => undefined,
      (thrown: unknown) => thrown,
    );
    expect(error).toBeInstanceOf(FluxDbError);
    return (error as FluxDbError).toLine();
  };

  test('an unknown flag is one line naming the known ones', async () => {
    expect(await refused(['migrate', '--bogus'])).toBe(
      "Unknown option '--bogus'. Known flags: --to, --dry-run, --lock-timeout, --online, --abort, --online-lock-timeout, --batch-size, --batch-pause",
    );
    expect(await refused(['seed', '--bogus'])).toBe(
      "Unknown option '--bogus'. This command takes no flags",
    );
  });

  test('--lock-timeout takes a positive number of seconds', async () => {
    for (const value of ['0', '-5', 'soon', '']) {
      for (const name of ['migrate', 'baseline', 'rollback', 'converge']) {
        expect(await refused([name, '--lock-timeout', value])).toBe(
          `--lock-timeout takes a positive number of seconds, not "${value}". Example: --lock-timeout 30`,
        );
      }
    }
    expect(await refused(['converge', '--statement-timeout', '0'])).toStartWith(
      '--statement-timeout takes a positive number of seconds, not "0"',
    );
  });

  test('--port takes a port number', async () => {
    expect(await refused(['studio', '--port', '0'])).toBe(
      '--port takes a port number from 1 to 65535, not "0". Example: --port 4984',
    );
    expect(await refused(['serve', '--port', '65536'])).toStartWith(
      '--port takes a port number from 0 to 65535, not "65536"',
    );
  });

  test('a missing value, an argument and an unknown command are one line each', async () => {
    expect(await refused(['rollback', '--to'])).toStartWith(
      "Option '--to <NAME>' argument missing",
    );
    expect(await refused(['status', 'now'])).toBe(
      "Unexpected argument 'now': this command takes flags only. Known flags: --json",
    );
    expect(await refused(['migrat'])).toStartWith('fluxcore-db has no command "migrat"');
  });
});

describe('the module graph stays lazy', () => {
  /** The modules a fresh process has loaded after loading the entry and one command. */
  async function loadedBy(name: string): Promise<string[]> {
    const script = `
      const { commands } = await import(${JSON.stringify(resolve(import.meta.dir, '../src/cli/main.ts'))}).then(() => import(${JSON.stringify(resolve(import.meta.dir, '../src/cli/spec.ts'))}));
      await commands[${JSON.stringify(name)}].load();
      console.log(JSON.stringify(Object.keys(require.cache)));`;
    const run = await runProcess(['bun', '-e', script], {});
    expect(run.stderr).toBe('');
    return JSON.parse(run.stdout) as string[];
  }

  test('db:audit loads no other command and no drizzle-kit', async () => {
    const loaded = await loadedBy('audit');
    expect(loaded.filter((path) => path.includes('/src/cli/commands/'))).toEqual([
      resolve(import.meta.dir, '../src/cli/commands/audit.ts'),
    ]);
    expect(loaded.filter((path) => path.includes('/drizzle-kit/'))).toEqual([]);
    // Its flags need no commander, its config and journal no zod: each costs a short command more
    // than its queries.
    expect(loaded.filter((path) => /\/node_modules\/(commander|zod)\//.test(path))).toEqual([]);
  });

  for (const name of ['migrate', 'status', 'baseline', 'converge', 'rollback', 'seed', 'serve']) {
    test(`db:${name}, a production command, does not load drizzle-kit`, async () => {
      const loaded = await loadedBy(name);
      expect(loaded).toContain(resolve(import.meta.dir, `../src/cli/commands/${name}.ts`));
      expect(loaded.filter((path) => path.includes('/drizzle-kit/'))).toEqual([]);
    });
  }
});
