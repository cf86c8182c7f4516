/**
 * What drizzle.config.ts hands drizzle-kit's own CLI (`bunx drizzle-kit <subcommand>` from
 * packages/db, under Node, as Drizzle users run it) about the database and the output folder:
 * - On the embedded database, a subcommand that opens it (migrate, push, pull, studio) goes
 *   through its one owner: the running db:serve, or one started for this run alone (it takes
 *   the folder's lock, waiting for or refusing another holder as every command does, and stops
 *   when drizzle-kit ends). drizzle-kit never opens the folder itself: a second PGlite on a
 *   folder corrupts it, and drizzle-kit's would lack pgvector.
 * - `pull` writes into a scratch folder (`.gen/pull/`), never into migrations/.
 * The subcommands that read only the schema and the migrations (generate, check, export, up)
 * open nothing. Plain Node, loaded synchronously: drizzle-kit loads its config with require.
 */
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { DatabaseConfig } from '../config.ts';
import { isAlive, lockPathFor, readHolder } from '../embedded/holder.ts';

/** The subcommands that connect to the database. */
const connecting = new Set(['migrate', 'push', 'pull', 'introspect', 'studio']);
/** How long a db:serve started here may take to open (or create) the folder. */
const serveStartMs = 150_000;

/** `migrate` in `node …/drizzle-kit/bin.cjs migrate --config x`: the first word after the bin. */
export function drizzleKitSubcommand(argv: readonly string[] = process.argv): string | undefined {
  const bin = argv.findIndex((arg) => /drizzle-kit[/\\]bin\.c?js$|drizzle-kit$/.test(arg));
  if (bin < 0) return undefined;
  return argv.slice(bin + 1).find((arg) => !arg.startsWith('-'));
}

/** The folder `pull` writes to, in place of migrations/. */
export function pullFolder(packageDir: string): string | undefined {
  const subcommand = drizzleKitSubcommand();
  if (subcommand !== 'pull' && subcommand !== 'introspect') return undefined;
  const folder = join(packageDir, '.gen', 'pull');
  // Each pull starts afresh: a journal left by the last one would make this one its 0001.
  rmSync(folder, { recursive: true, force: true });
  note(
    `drizzle-kit ${subcommand} writes into ${folder} (a scratch folder; migrations/ is left alone)`,
  );
  return folder;
}

type Credentials = { driver?: 'pglite'; dbCredentials: { url: string } };

/** drizzle-kit's `driver` and `dbCredentials` for this run. */
export function drizzleKitDatabase(config: DatabaseConfig, packageDir: string): Credentials {
  const subcommand = drizzleKitSubcommand();
  if (subcommand === 'studio') {
    note(
      "drizzle-kit studio: Studio's interface is served from the internet (https://local.drizzle.studio); offline, use bun run db:docs (the schema) or psql through bun run db:serve (the data)",
    );
  }
  if (config.kind === 'server') return { dbCredentials: { url: config.url } };
  // Our own commands run drizzle-kit generate and check only; those open no database.
  if (!subcommand || !connecting.has(subcommand)) {
    return { driver: 'pglite', dbCredentials: { url: config.dataDir } };
  }
  return { dbCredentials: { url: servedUrl(config.dataDir, packageDir, subcommand) } };
}

const note = (line: string) => process.stderr.write(`${line}\n`);

function fail(line: string): never {
  note(line);
  process.exit(1);
}

function servedUrl(dataDir: string, packageDir: string, subcommand: string): string {
  const holder = readHolder(lockPathFor(dataDir));
  if (holder?.serve && isAlive(holder.pid)) {
    const { host, port } = holder.serve;
    note(
      `drizzle-kit ${subcommand} reaches the embedded database at ${dataDir} through db:serve (pid ${holder.pid}) on ${host}:${port}`,
    );
    return `postgres://postgres@${host}:${port}/postgres`;
  }
  return startServe(dataDir, packageDir, subcommand);
}

/** Blocks this (synchronous) config load for `ms`. */
function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function startServe(dataDir: string, packageDir: string, subcommand: string): string {
  const bun = process.versions.bun ? process.execPath : 'bun';
  if (bun === 'bun' && spawnSync('bun', ['--version'], { stdio: 'ignore' }).error) {
    fail(
      `error: drizzle-kit ${subcommand} on the embedded database needs Bun to open it (db:serve), and bun is not on PATH. Install it (npm i -g bun@1), or set DATABASE_URL to a server`,
    );
  }
  const log = join(tmpdir(), `fluxcore-drizzle-kit-serve-${process.pid}.log`);
  const fd = openSync(log, 'w');
  const child = spawn(bun, [resolve(packageDir, 'src/cli/main.ts'), 'serve', '--port', '0'], {
    cwd: packageDir,
    env: {
      ...process.env,
      FLUXCORE_SERVE_FOR_PID: String(process.pid),
      FLUXCORE_SERVE_FOR_COMMAND: subcommand,
    },
    stdio: ['ignore', fd, fd],
    detached: true,
  });
  closeSync(fd);
  child.unref();
  process.once('exit', () => rmSync(log, { force: true }));
  const started = Date.now();
  for (;;) {
    const holder = readHolder(lockPathFor(dataDir));
    if (holder?.serve && holder.pid === child.pid) {
      const { host, port } = holder.serve;
      note(
        `drizzle-kit ${subcommand} reaches the embedded database at ${dataDir} through a db:serve started for this run (pid ${child.pid}, ${host}:${port}); it stops when drizzle-kit does`,
      );
      return `postgres://postgres@${host}:${port}/postgres`;
    }
    const said = existsSync(log) ? readFileSync(log, 'utf8') : '';
    const error = said.split('\n').find((line) => line.startsWith('error: '));
    if (error) fail(error);
    if (Date.now() - started > serveStartMs) {
      child.kill();
      fail(
        `error: db:serve did not open the embedded database at ${dataDir} within ${serveStartMs / 1000} s. Run bun run db:serve yourself and run drizzle-kit ${subcommand} again`,
      );
    }
    sleep(50);
  }
}
