/** Test migration folders in drizzle-kit's layout, and running the commands as a user would. */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runProcess as run, runDrizzleKit as runKit } from '../../src/authoring/tools.ts';
import { migrationsFolder } from '../../src/connection/config.ts';

/** Writes `<tag>.sql` files and a journal listing them in order; returns the folder. */
export function writeMigrationFolder(migrations: { tag: string; sql: string }[]): string {
  const folder = mkdtempSync(join(tmpdir(), 'fluxcore-migrations-'));
  mkdirSync(join(folder, 'meta'));
  const start = 1_700_000_000_000;
  const entries = migrations.map((migration, idx) => {
    writeFileSync(join(folder, `${migration.tag}.sql`), migration.sql);
    return { idx, version: '7', when: start + idx * 1000, tag: migration.tag, breakpoints: true };
  });
  writeFileSync(
    join(folder, 'meta', '_journal.json'),
    JSON.stringify({ version: '7', dialect: 'postgresql', entries }),
  );
  return folder;
}

/** A copy of the project's migration folder that a test may edit. */
export function copyProjectMigrations(): string {
  const folder = mkdtempSync(join(tmpdir(), 'fluxcore-migrations-'));
  cpSync(migrationsFolder, folder, { recursive: true });
  return folder;
}

/**
 * A copy of the project's folder with `sql` appended as the newest migration, `tag` (its number
 * the one after the project's last); its snapshot is the last one's, so the schema after it is
 * the project's (the audit reads it there). Returns the folder.
 */
export function projectMigrationsWith(tag: string, sql: string): string {
  const folder = copyProjectMigrations();
  const journalPath = join(folder, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalPath, 'utf8'));
  const last = journal.entries.at(-1);
  const next = tag.slice(0, 4);
  writeFileSync(join(folder, `${tag}.sql`), sql);
  journal.entries.push({ ...last, idx: last.idx + 1, when: last.when + 1000, tag });
  writeFileSync(journalPath, JSON.stringify(journal));
  const snapshot = join(folder, 'meta', `${last.tag.slice(0, 4)}_snapshot.json`);
  writeFileSync(join(folder, 'meta', `${next}_snapshot.json`), readFileSync(snapshot));
  return folder;
}

/** The one entry of every command: `bun src/cli/main.ts <command> [flags]`. */
export const cliMain = resolve(import.meta.dir, '../../src/cli/main.ts');

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs a process to its end; DATABASE_URL is cleared unless `env` sets it. */
export async function runProcess(
  argv: string[],
  env: Record<string, string>,
  cwd?: string,
): Promise<CliResult> {
  const { code, stdout, stderr } = await run(argv, { cwd, env: { DATABASE_URL: '', ...env } });
  return { code, stdout, stderr };
}

/** Runs `bun src/cli/main.ts <name>` (what `bun run db:<name>` runs) with the given environment. */
export function runCli(
  name: string,
  args: string[],
  env: Record<string, string>,
): Promise<CliResult> {
  return runProcess(['bun', 'run', cliMain, name, ...args], env);
}

/** Runs drizzle-kit from packages/db, with this package's drizzle.config.ts. */
export async function runDrizzleKit(
  args: string[],
  env: Record<string, string> = {},
): Promise<CliResult> {
  const { code, stdout, stderr } = await runKit(args, { env: { DATABASE_URL: '', ...env } });
  return { code, stdout, stderr };
}

export function spawnCli(name: string, args: string[], env: Record<string, string>) {
  return Bun.spawn(['bun', 'run', cliMain, name, ...args], {
    env: { ...process.env, DATABASE_URL: '', ...env },
    stdout: 'pipe',
    stderr: 'pipe',
  });
}
