/**
 * The README and the manual in docs/ stay true to what they describe, without a database: the
 * README's table of commands is the root package's scripts, each db: command with its own
 * summary (cli/spec.ts); the benchmark figures in docs/benchmarks.md are bench/RESULTS.md's;
 * every link between them resolves; and no count that drifts with the code is written down.
 * (The command sections are held to `--help` by cli-usage.test.ts, the original schema's tables
 * to their constants by original-docs.test.ts.)
 */
import { describe, expect, test } from 'bun:test';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { commands } from '../src/cli/spec.ts';

const root = resolve(import.meta.dir, '../../..');
const read = (file: string) => readFileSync(join(root, file), 'utf8');
const readme = read('README.md');
const manualFiles = [
  'README.md',
  ...readdirSync(join(root, 'docs'))
    .filter((name) => name.endsWith('.md'))
    .map((name) => `docs/${name}`),
];

/** `| \`bun run db:migrate\` | applies … |` → ['bun run db:migrate', 'applies …']. */
function commandRows(): Map<string, string> {
  const start = readme.indexOf('| command | what it does |');
  expect(start).toBeGreaterThan(-1);
  const rows = new Map<string, string>();
  for (const line of readme.slice(start).split('\n').slice(2)) {
    const match = /^\| `([^`]+)` \| (.+) \|$/.exec(line);
    if (!match) break;
    rows.set(match[1] as string, match[2] as string);
  }
  return rows;
}

describe("the README's table of commands", () => {
  const rows = commandRows();
  const scripts = Object.keys(
    (JSON.parse(read('package.json')) as { scripts: Record<string, string> }).scripts,
  );

  test('lists every script of the root package, and the two apps', () => {
    const listed = [...rows.keys()].filter((command) => command.startsWith('bun run '));
    expect(listed.filter((command) => !command.includes('--cwd')).sort()).toEqual(
      scripts.map((name) => `bun run ${name}`).sort(),
    );
    expect(listed).toContain('bun run --cwd apps/api start');
    expect(listed).toContain('bun run --cwd apps/worker start');
  });

  test('gives each db: command its own summary, as --help prints it', () => {
    for (const [name, spec] of Object.entries(commands)) {
      expect({ name, summary: rows.get(`bun run db:${name}`) }).toEqual({
        name,
        summary: spec.summary,
      });
    }
  });
});

test("docs/benchmarks.md shows bench/RESULTS.md's latest run, unchanged", () => {
  const results = read('bench/RESULTS.md');
  const run = results.slice(results.indexOf('- date:')).trimEnd();
  const doc = read('docs/benchmarks.md');
  const begin = doc.indexOf('<!-- bench-results:begin');
  const end = doc.indexOf('<!-- bench-results:end -->');
  expect(begin).toBeGreaterThan(-1);
  expect(end).toBeGreaterThan(begin);
  const shown = doc.slice(doc.indexOf('\n', begin) + 1, end).trimEnd();
  expect(shown).toBe(run);
});

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces as hyphens. */
const anchor = (heading: string) =>
  heading
    .toLowerCase()
    .replace(/[^\p{L}\p{N} _-]/gu, '')
    .replace(/ /g, '-');

describe('the links of the README and the manual', () => {
  for (const file of manualFiles) {
    test(`every relative link of ${file} reaches a file (and a heading, when it names one)`, () => {
      const text = read(file);
      const links = [...text.matchAll(/\]\(([^)\s]+)\)/g)].map((match) => match[1] as string);
      for (const link of links.filter((target) => !/^[a-z]+:/.test(target))) {
        const [path, fragment] = link.split('#') as [string, string | undefined];
        const target = path === '' ? join(root, file) : resolve(root, dirname(file), path);
        expect({ link, exists: existsSync(target) }).toEqual({ link, exists: true });
        if (fragment && target.endsWith('.md')) {
          const headings = readFileSync(target, 'utf8')
            .split('\n')
            .filter((line) => /^#+ /.test(line))
            .map((line) => anchor(line.replace(/^#+ /, '')));
          expect({ link, heading: headings.includes(fragment) }).toEqual({ link, heading: true });
        }
      }
    });
  }
});

test('no count that drifts with the code is written into the manual', () => {
  for (const file of manualFiles) {
    // Biome's "Checked N files" changes with every file added, bun's test counts with every
    // test: the docs leave them out.
    const text = read(file);
    const drifting =
      /Checked \d+ files/.test(text) ||
      /^ *[1-9]\d* (pass|skip)$/m.test(text) ||
      /^Ran \d+ tests? across/m.test(text);
    expect({ file, drifting }).toEqual({
      file,
      drifting: false,
    });
  }
});
