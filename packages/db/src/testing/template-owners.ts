/**
 * Whose the test templates are (./templates.ts), and dropping them: a run's own when it ends,
 * and those of runs killed before their cleanup. Kept apart from the templates themselves so
 * the test preload can clean up without loading PGlite.
 */
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { alive } from '../migrator/process-alive.ts';

/** The server the tests make their databases on (TEST_DATABASE_URL, else the local one). */
export const adminUrl =
  process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export const templateApplicationName = 'fluxcore-tests-template';
export const serverTemplatePrefix = 'fluxcore_template_';
export const embeddedTemplateFolder = join(tmpdir(), 'fluxcore-test-templates');

/** bun test's workers (`--parallel`) run as `bun test --test-worker …` under the run's process. */
function isTestWorker(): boolean {
  try {
    return readFileSync('/proc/self/cmdline', 'utf8').split('\0').includes('--test-worker');
  } catch {
    return false;
  }
}

/**
 * The process whose run the templates belong to: FLUXCORE_TEST_OWNER (`bun run test` sets its
 * pid), else the bun test that started this worker, else this process.
 */
export function templateOwner(): number {
  const owner = Number(process.env.FLUXCORE_TEST_OWNER);
  if (Number.isInteger(owner) && owner > 0) return owner;
  return isTestWorker() ? process.ppid : process.pid;
}

export async function withAdmin<T>(adminUrl: string, use: (client: pg.Client) => Promise<T>) {
  const client = new pg.Client({
    connectionString: adminUrl,
    application_name: templateApplicationName,
  });
  await client.connect();
  try {
    return await use(client);
  } finally {
    await client.end();
  }
}

/** A template's comment on the server: who may drop it. */
export const ownerComment = (owner: number) =>
  `fluxcore test template of host ${hostname()} pid ${owner}`;

export async function dropServerTemplate(admin: pg.Client, name: string, force: boolean) {
  await admin.query(`alter database ${name} is_template false`);
  await admin.query(`drop database if exists ${name}${force ? ' with (force)' : ''}`);
}

/**
 * Drops the server templates of `owner`, or (no owner) those whose run is over: made on this
 * host by a process no longer alive. Never one somebody is connected to.
 */
export async function dropServerTemplates(admin: pg.Client, owner: number | undefined) {
  const { rows } = await admin.query<{ name: string; comment: string | null }>(
    `select d.datname as name, shobj_description(d.oid, 'pg_database') as comment
       from pg_database d
      where d.datname like '${serverTemplatePrefix}%'
        and not exists (select 1 from pg_stat_activity a where a.datname = d.datname)`,
  );
  for (const { name, comment } of rows) {
    const made = /^fluxcore test template of host (\S+) pid (\d+)$/.exec(comment ?? '');
    if (!made || made[1] !== hostname()) continue;
    const pid = Number(made[2]);
    if (owner === undefined ? alive(pid) : pid !== owner) continue;
    await dropServerTemplate(admin, name, false).catch(() => {});
  }
}

/**
 * Removes the embedded templates of `owner` (and its converge targets, ./target.ts), or (no
 * owner) those of runs no longer alive.
 */
export function removeEmbeddedTemplates(owner: number | undefined) {
  if (!existsSync(embeddedTemplateFolder)) return;
  for (const entry of readdirSync(embeddedTemplateFolder)) {
    const pid = Number(/_(\d+)\.(tar|target)(\.[a-z0-9.]+)?$/.exec(entry)?.[1]);
    if (!pid || (owner === undefined ? alive(pid) : pid !== owner)) continue;
    rmSync(join(embeddedTemplateFolder, entry), { force: true });
  }
}

/** Drops every template `owner` made (its run is over); the server's when `adminUrl` is given. */
export async function dropOwnedTemplates(owner: number, adminUrl?: string): Promise<void> {
  removeEmbeddedTemplates(owner);
  if (adminUrl) await withAdmin(adminUrl, (admin) => dropServerTemplates(admin, owner));
}
