/**
 * scripts/check-original-app.sh: compiles the original FluxCore app's files that import
 * `@fluxcore/db` (and what they import) twice, with the same options: against the original
 * package at that commit, and against this one. Prints the errors the second compile adds and
 * the symbols of `@fluxcore/db` that do not resolve.
 *
 * Everything extracted from the original goes to a scratch folder outside the repository
 * (FLUXCORE_ORIGINAL_CACHE, default $TMPDIR/fluxcore-original-app/<commit>); the original's
 * own compile is cached there, so a second run compiles only against this package.
 */
import { spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import {
  type CompileError,
  importedModulesLacking,
  missingModules,
  moduleShims,
  newCompileErrors,
  packageOf,
  parseCompileErrors,
  samePackagePaths,
  unresolvedSymbols,
} from './compile-errors.ts';

const repoRoot = resolve(import.meta.dir, '../../../..');
const tsc = join(repoRoot, 'node_modules/.bin/tsc');
const commits = ['f07159b', '239c046'];
const extracted = [
  ':(glob)apps/api/**/*.ts',
  ':(glob)apps/api/tsconfig.json',
  ':(glob)extensions/**/*.ts',
  ':(glob)packages/**/*.ts',
  ':(glob)packages/**/*.json',
  ':(exclude)apps/api/apps',
  ':(exclude)apps/api/uploads',
];
const importsPackage = /['"]@fluxcore\/db(\/[a-z]+)?['"]/;

type Compile = { errors: CompileError[]; seconds: number };
type Target = 'original' | 'this';

function fail(message: string): never {
  process.stderr.write(`check-original-app: ${message}\n`);
  process.exit(2);
}

function run(command: string, args: string[], cwd: string) {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', maxBuffer: 1 << 28 });
  if (result.error) fail(`${command} could not run: ${result.error.message}`);
  return result;
}

/** The original's app, types and db package at the commit, once per commit. */
function extractTree(gitDir: string, commit: string, tree: string): void {
  if (existsSync(join(tree, '.extracted'))) return;
  rmSync(tree, { recursive: true, force: true });
  mkdirSync(tree, { recursive: true });
  const archive = spawnSync('git', ['--git-dir', gitDir, 'archive', commit, '--', ...extracted], {
    maxBuffer: 1 << 30,
  });
  if (archive.status !== 0 || archive.stdout.length === 0) {
    fail(`git archive ${commit} failed in ${gitDir}: ${String(archive.stderr).split('\n')[0]}`);
  }
  const untar = spawnSync('tar', ['-x', '-C', tree], { input: archive.stdout });
  if (untar.status !== 0) fail(`could not unpack ${commit} into ${tree}`);
  symlinkSync(join(repoRoot, 'node_modules'), join(tree, 'node_modules'));
  writeFileSync(join(tree, '.extracted'), `${commit}\n`);
}

function sourceFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((entry) => {
    const path = join(folder, entry);
    if (entry === 'node_modules' || entry.startsWith('.')) return [];
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry) ? [path] : [];
  });
}

/** The app's files that import the package: every file outside packages/db that names it. */
function rootFiles(tree: string): string[] {
  return sourceFiles(tree)
    .filter((file) => !relative(tree, file).startsWith('packages/db/'))
    .filter((file) => importsPackage.test(readFileSync(file, 'utf8')))
    .map((file) => relative(tree, file))
    .sort();
}

function appOptions(tree: string): Record<string, unknown> {
  const path = join(tree, 'apps/api/tsconfig.json');
  const options = existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')).compilerOptions : {};
  return { ...options, noEmit: true, allowImportingTsExtensions: true, incremental: false };
}

function packageEntry(tree: string, target: Target): string {
  return target === 'original' ? join(tree, 'packages/db/src') : join(repoRoot, 'packages/db/src');
}

function writeConfig(tree: string, target: Target, roots: string[]): string {
  const entry = packageEntry(tree, target);
  const config = {
    compilerOptions: {
      ...appOptions(tree),
      paths: {
        '@fluxcore/db': [join(entry, 'index.ts')],
        '@fluxcore/db/schema': [join(entry, 'schema/index.ts')],
        '@fluxcore/types': ['./packages/types/src/index.ts'],
      },
    },
    files: [...roots, '../shims.d.ts'],
  };
  const path = join(tree, `tsconfig.${target}.json`);
  writeFileSync(path, `${JSON.stringify(config, null, 2)}\n`);
  return path;
}

function compile(tree: string, target: Target, roots: string[]): Compile {
  const started = performance.now();
  const config = writeConfig(tree, target, roots);
  const result = run(tsc, ['-p', config, '--pretty', 'false'], tree);
  const errors = parseCompileErrors(result.stdout).map((error) => ({
    ...error,
    file: relative(tree, resolve(tree, error.file)),
  }));
  const broken = errors.find((error) => error.file.endsWith('shims.d.ts'));
  if (broken) fail(`the shims do not compile: ${broken.message} (${join(tree, '..')})`);
  if (result.status !== 0 && errors.length === 0) {
    fail(`tsc failed on ${config}: ${(result.stderr || result.stdout).split('\n')[0]}`);
  }
  return { errors, seconds: (performance.now() - started) / 1000 };
}

/** Errors in the app's own files: neither package's files count. */
function inApp(errors: CompileError[]): CompileError[] {
  return errors.filter((e) => !e.file.startsWith('..') && !e.file.startsWith('packages/db/'));
}

function tscVersion(): string {
  return run(tsc, ['--version'], repoRoot).stdout.trim();
}

/** Built-in modules (node's, Bun's) and the two packages the paths map. */
function providedElsewhere(name: string): boolean {
  return (
    name.startsWith('node:') ||
    name === 'bun' ||
    name.startsWith('bun:') ||
    name.startsWith('@fluxcore/') ||
    builtinModules.includes(packageOf(name))
  );
}

/** The third-party modules the app imports and this repository has not installed. */
function modulesToShim(tree: string): string[] {
  const sources = sourceFiles(tree).map((file) => readFileSync(file, 'utf8'));
  const installed = (name: string) => existsSync(join(repoRoot, 'node_modules', name));
  return importedModulesLacking(sources, installed, providedElsewhere);
}

/**
 * The original's compile, cached by commit and compiler. The shims come from the sources; a
 * module the compile still cannot find is shimmed too, and the compile runs once more.
 */
function originalCompile(folder: string, tree: string, roots: string[]): Compile {
  const cache = join(folder, 'original-compile.json');
  const shims = join(folder, 'shims.d.ts');
  const version = tscVersion();
  if (existsSync(cache)) {
    const cached = JSON.parse(readFileSync(cache, 'utf8'));
    if (cached.version === version && existsSync(shims)) return cached;
  }
  const known = modulesToShim(tree);
  writeFileSync(shims, moduleShims(known));
  let result = compile(tree, 'original', roots);
  const more = missingModules(result.errors).filter((name) => !known.includes(name));
  if (more.length > 0) {
    writeFileSync(shims, moduleShims([...known, ...more].sort()));
    result = compile(tree, 'original', roots);
  }
  writeFileSync(cache, JSON.stringify({ version, ...result }));
  return result;
}

type CommitResult = { commit: string; added: CompileError[]; unresolved: string[] };

function checkCommit(gitDir: string, cacheRoot: string, commit: string): CommitResult {
  const folder = join(cacheRoot, commit);
  const tree = join(folder, 'tree');
  extractTree(gitDir, commit, tree);
  const roots = rootFiles(tree);
  const base = originalCompile(folder, tree, roots);
  const next = compile(tree, 'this', roots);
  const folders = (target: Target) => [`${packageEntry(tree, target)}/`];
  const added = newCompileErrors(
    inApp(base.errors).map((e) => samePackagePaths(e, folders('original'))),
    inApp(next.errors).map((e) => samePackagePaths(e, folders('this'))),
  );
  const unresolved = unresolvedSymbols(next.errors).filter(
    (name) => !unresolvedSymbols(base.errors).includes(name),
  );
  process.stdout.write(
    `${commit}: ${roots.length} files import @fluxcore/db; original package ` +
      `${inApp(base.errors).length} errors, this package ${inApp(next.errors).length} ` +
      `(${next.seconds.toFixed(1)} s)\n`,
  );
  return { commit, added, unresolved };
}

function report(result: CommitResult): void {
  for (const error of result.added) {
    const text = error.message.replaceAll('\n', '\n    ');
    process.stdout.write(`${result.commit} ${error.file}:${error.line} ${error.code} ${text}\n`);
  }
  if (result.unresolved.length > 0) {
    process.stdout.write(`${result.commit} unresolved: ${result.unresolved.join(', ')}\n`);
  }
}

function main(args: string[]): void {
  const gitDir = process.env.ORIGINAL_GIT_DIR;
  if (!gitDir || !existsSync(gitDir)) {
    fail(
      'set ORIGINAL_GIT_DIR to a git directory of harvan88/FluxCoreChat ' +
        '(git clone --bare https://github.com/harvan88/FluxCoreChat.git)',
    );
  }
  const cacheRoot = process.env.FLUXCORE_ORIGINAL_CACHE ?? join(tmpdir(), 'fluxcore-original-app');
  if (resolve(cacheRoot).startsWith(`${repoRoot}/`)) fail('the cache must be outside the repo');
  const results = (args.length > 0 ? args : commits).map((commit) =>
    checkCommit(gitDir, cacheRoot, commit),
  );
  results.forEach(report);
  const summary = results.map(
    (r) => `${r.commit}: ${r.added.length} new errors, ${r.unresolved.length} unresolved`,
  );
  process.stdout.write(`${summary.join('; ')}\n`);
  const clean = results.every((r) => r.added.length === 0 && r.unresolved.length === 0);
  process.exit(clean ? 0 : 1);
}

main(process.argv.slice(2));
