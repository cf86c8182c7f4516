/**
 * `db:check`: the schema, the migration folder and the down files agree, and every migration
 * not yet released passes squawk. Each problem is one line; no problem, no line.
 *  - drizzle-kit generate, run on a copy of the folder, writes nothing (schema = journal);
 *  - drizzle-kit check passes (snapshot chain);
 *  - every migration has its down file;
 *  - squawk finds no broken rule in a migration after the one migrations/released.json names;
 *  - every statement of those that would hold a long lock on an existing table has an online
 *    form (how db:migrate --online runs it) or a note saying why none exists.
 *  - every table is in tableTenancy, and each of a tenant declares a policy (tenancy.ts).
 */
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { z } from 'zod';
import { FluxDbError } from '../errors/flux-db-error.ts';
import { loadMigrations, type Migration } from '../migrator/journal.ts';
import { onlineSafetyLines } from '../online/safety.ts';
import { generateDownSql } from './down.ts';
import { checkTenancy } from './tenancy.ts';
import { packageDir, promptNeedsTerminal, runDrizzleKit, runSquawk } from './tools.ts';

export interface CheckResult {
  /** One line per check that passed. */
  passed: string[];
  /** One line per problem. */
  problems: string[];
}

const releasedSchema = z.object({ lastReleased: z.string().min(1) });

/** Every file under `folder`, relative to it, with its contents. */
function listFiles(folder: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const entry of readdirSync(folder, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    files.set(relative(folder, path), readFileSync(path, 'utf8'));
  }
  return files;
}

/** drizzle-kit's own lines, without its banner. */
function toolLines(output: string): string[] {
  return output
    .split('\n')
    .map((line) => line.trim())
    .filter(
      (line) =>
        line !== '' &&
        !line.startsWith('No config path provided') &&
        !line.startsWith('Reading config file'),
    );
}

/** What drizzle-kit generate would write into `folder`, found by running it on a copy. */
async function checkGenerate(folder: string, result: CheckResult): Promise<void> {
  const copy = mkdtempSync(join(tmpdir(), 'fluxcore-check-'));
  try {
    cpSync(folder, copy, { recursive: true });
    const before = listFiles(copy);
    // No database is needed to generate: an empty DATABASE_URL keeps a broken one out of it.
    const run = await runDrizzleKit(['generate'], {
      env: { FLUXCORE_MIGRATIONS_DIR: copy, DATABASE_URL: '' },
    });
    if (promptNeedsTerminal.test(run.output)) {
      result.problems.push(
        'the schema has changes no migration holds, and drizzle-kit must ask whether a table or column was renamed (it cannot ask without a terminal). Run bun run db:generate --name <what changed> in a terminal and answer it',
      );
      return;
    }
    if (run.code !== 0) {
      result.problems.push(
        `drizzle-kit generate failed on a copy of the migrations: ${toolLines(run.output).at(-1) ?? `exit ${run.code}`}`,
      );
      return;
    }
    const written = [...listFiles(copy)]
      .filter(([path, text]) => before.get(path) !== text)
      .map(([path]) => path)
      .sort();
    if (written.length > 0) {
      result.problems.push(
        `the schema has changes no migration holds: drizzle-kit generate would write ${written.join(', ')}. Run bun run db:generate --name <what changed>`,
      );
    } else {
      result.passed.push('drizzle-kit generate: the migrations hold the whole schema');
    }
  } finally {
    rmSync(copy, { recursive: true, force: true });
  }
}

async function checkSnapshots(folder: string, result: CheckResult): Promise<void> {
  const run = await runDrizzleKit(['check'], {
    env: { FLUXCORE_MIGRATIONS_DIR: folder, DATABASE_URL: '' },
  });
  if (run.code === 0) {
    result.passed.push('drizzle-kit check: the snapshots form one chain');
    return;
  }
  const lines = toolLines(run.output);
  result.problems.push(
    ...(lines.length > 0 ? lines : [`exit ${run.code}`]).map(
      (line) => `drizzle-kit check: ${line}`,
    ),
  );
}

async function checkDownFiles(migrations: Migration[], result: CheckResult): Promise<void> {
  const missing = migrations.filter((migration) => !existsSync(migration.downPath));
  for (const migration of missing) {
    // The same decision db:generate makes, so the two commands say the same thing.
    const plan = await generateDownSql(migrations, migrations.indexOf(migration));
    result.problems.push(
      plan.kind === 'by-hand'
        ? `${migration.tag} has no down file: write ${migration.downPath} by hand (db:generate cannot: ${plan.reason})`
        : `${migration.tag} has no down file: run bun run db:generate, which writes ${migration.downPath} from the snapshots`,
    );
  }
  if (missing.length === 0) {
    result.passed.push(`down files: all ${migrations.length} migrations have one`);
  }
}

/** The migrations after the last released one (all of them when released.json is missing). */
export function unreleasedMigrations(folder: string, migrations: Migration[]): Migration[] {
  const path = join(folder, 'released.json');
  if (!existsSync(path)) return migrations;
  const parsed = releasedSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
  if (!parsed.success) {
    throw new FluxDbError(
      'MIGRATION_NOT_FOUND',
      `${path} does not name the last released migration`,
      'Write it as { "lastReleased": "<tag>" }',
    );
  }
  const last = migrations.findIndex((migration) => migration.tag === parsed.data.lastReleased);
  if (last < 0) {
    throw new FluxDbError(
      'MIGRATION_NOT_FOUND',
      `${path} names ${parsed.data.lastReleased}, which the journal does not list`,
      'A released migration is never removed: restore it, or fix the tag in released.json',
    );
  }
  return migrations.slice(last + 1);
}

async function checkSquawk(folder: string, migrations: Migration[], result: CheckResult) {
  let unreleased: Migration[];
  try {
    unreleased = unreleasedMigrations(folder, migrations);
  } catch (error) {
    if (!(error instanceof FluxDbError)) throw error;
    result.problems.push(error.toLine());
    return;
  }
  if (unreleased.length === 0) {
    result.passed.push('squawk: no unreleased migration to lint');
    return;
  }
  const config = ['--config', join(packageDir, '.squawk.toml'), '--reporter', 'gcc'];
  const groups = [
    { args: [], files: unreleased.filter((m) => m.transactional) },
    { args: ['--no-assume-in-transaction'], files: unreleased.filter((m) => !m.transactional) },
  ];
  let clean = true;
  for (const group of groups) {
    if (group.files.length === 0) continue;
    const files = group.files.map((m) => relative(folder, m.path));
    const run = await runSquawk([...config, ...group.args, ...files], folder);
    if (run.code === 0) continue;
    clean = false;
    const lines = run.output
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line !== '');
    result.problems.push(
      ...(lines.length > 0 ? lines : [`exit ${run.code}`]).map(
        (line) => `squawk: ${line.replace(/: warning: /, ': ')}`,
      ),
    );
  }
  if (clean) {
    result.passed.push(`squawk: ${unreleased.length} unreleased migration(s) pass`);
  }
}

function checkOnline(folder: string, migrations: Migration[], result: CheckResult): void {
  try {
    const lines = onlineSafetyLines(unreleasedMigrations(folder, migrations));
    result.passed.push(...lines.passed);
    result.problems.push(...lines.problems);
  } catch (error) {
    if (!(error instanceof FluxDbError)) throw error;
    // checkSquawk already reported the broken released.json.
  }
}

export async function checkMigrations(folder: string): Promise<CheckResult> {
  const migrations = loadMigrations(folder);
  const result: CheckResult = { passed: [], problems: [] };
  await checkGenerate(folder, result);
  await checkSnapshots(folder, result);
  await checkDownFiles(migrations, result);
  await checkSquawk(folder, migrations, result);
  checkOnline(folder, migrations, result);
  await checkTenancy(result);
  return result;
}
