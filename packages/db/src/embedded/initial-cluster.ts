/**
 * A new embedded database without running initdb. PGlite creates a cluster by running initdb
 * inside WebAssembly: 3 to 4 seconds on this project's machines, paid by every new folder and
 * every in-memory database (the scratch database converge and baseline replay the migrations
 * into). What initdb writes depends only on the PGlite build, so the first new cluster is
 * dumped as a tar (PGlite's `dumpDataDir`) and later ones start from it (`loadDataDir`), which
 * takes about a second.
 *
 * PGlite's own `@electric-sql/pglite-prepopulatedfs` ships such a tar, but built for one PGlite
 * release (0.5.8 at the time of writing; this package pins 0.5.15), so the tar is made here,
 * by the installed PGlite, and named by its version:
 * `<cache>/pglite-<version>-initial-cluster.tar`. `<cache>` is FLUXCORE_CACHE_DIR, else
 * `node_modules/.cache/fluxcore` beside the installed PGlite (reinstalling empties it).
 *
 * A cache folder that cannot be made, or that another user could write to, is not used (each
 * new cluster runs initdb, as before); a tar that PGlite cannot start from is made again. The
 * tar is always a private in-memory cluster's, never a folder's (whose own files would be
 * copied into every later database). It is written beside its place as `<name>.<pid>.partial`,
 * synced and renamed; the partial files of writers that died are removed by the next writer.
 */
import {
  closeSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Extensions, PGlite } from '@electric-sql/pglite';
import { vector } from '@electric-sql/pglite-pgvector';
import { isAlive as alive } from './holder.ts';

let installed: { version: string; nodeModules: string } | undefined | null = null;

/** The installed PGlite (looked up once per process: every new cluster asks). */
function installedPglite(): { version: string; nodeModules: string } | undefined {
  if (installed === null) installed = findInstalledPglite();
  return installed;
}

/** The installed PGlite's package.json: its version, and the node_modules it sits in. */
function findInstalledPglite(): { version: string; nodeModules: string } | undefined {
  try {
    let dir = dirname(fileURLToPath(import.meta.resolve('@electric-sql/pglite')));
    while (dir !== dirname(dir)) {
      const manifest = join(dir, 'package.json');
      if (existsSync(manifest)) {
        const { name, version } = JSON.parse(readFileSync(manifest, 'utf8'));
        if (name === '@electric-sql/pglite' && typeof version === 'string')
          return { version, nodeModules: dirname(dirname(dir)) };
      }
      dir = dirname(dir);
    }
  } catch {}
  return undefined;
}

/** Where the tar for the installed PGlite is kept, or undefined when its version is unknown. */
export function initialClusterPath(): string | undefined {
  const pglite = installedPglite();
  if (!pglite) return undefined;
  const cache = process.env.FLUXCORE_CACHE_DIR || join(pglite.nodeModules, '.cache', 'fluxcore');
  return join(cache, `pglite-${pglite.version}-initial-cluster.tar`);
}

/** What PGlite loads at start (initdb's files are the same whichever it loads). */
const defaultExtensions: Extensions = { vector };

/** Owned by this user and writable by nobody else: a file or folder the cache may trust. */
function trusted(path: string): boolean {
  const stat = statSync(path);
  const uid = process.getuid?.();
  return (uid === undefined || stat.uid === uid) && (stat.mode & 0o022) === 0;
}

/**
 * The tar's path when its folder can be made (mode 0700) and trusted, else undefined: a cache
 * another user could write to would decide what every new database holds, so it is not used.
 */
function usableCachePath(): string | undefined {
  const path = initialClusterPath();
  if (!path) return undefined;
  try {
    mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
    if (!trusted(dirname(path))) return undefined;
    if (existsSync(path) && !trusted(path)) return undefined;
    return path;
  } catch {
    return undefined;
  }
}

/** The tar from the cache, or undefined when there is none (or it cannot be read). */
function cachedTar(path: string | undefined): Blob | undefined {
  if (!path || !existsSync(path)) return undefined;
  try {
    return new Blob([readFileSync(path)]);
  } catch {
    return undefined;
  }
}

/** Removes the partial tars of writers no longer alive here (killed while writing). */
function removeDeadPartials(path: string): void {
  const prefix = `${basename(path)}.`;
  for (const name of readdirSync(dirname(path))) {
    const pid = Number(name.slice(prefix.length, -'.partial'.length));
    if (name.startsWith(prefix) && name.endsWith('.partial') && pid > 0 && !alive(pid))
      rmSync(join(dirname(path), name), { force: true });
  }
}

/**
 * Writes the tar whole or not at all (another process may be reading or writing it): written
 * aside with mode 0600, synced, then renamed into place.
 */
function keepTar(path: string, tar: Uint8Array): void {
  const partial = `${path}.${process.pid}.partial`;
  try {
    removeDeadPartials(path);
    const fd = openSync(partial, 'w', 0o600);
    try {
      for (let at = 0; at < tar.length; ) at += writeSync(fd, tar, at);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(partial, path);
  } catch {
    rmSync(partial, { force: true });
  }
}

/**
 * Starts PGlite on a new cluster at `dataDir` (`memory://…`, or a folder holding no
 * PG_VERSION): from the cached tar when there is one; else, when the cache is usable, by initdb
 * in a private in-memory cluster, whose files (what initdb wrote, and nothing of a folder's)
 * become the tar and the new cluster; else by initdb at `dataDir`, as PGlite does. `emptyFolder`
 * removes what a failed start left in a folder. `extensions` are those PGlite loads (pgvector,
 * unless a caller needs more: a test template of the original's catalog adds pgcrypto).
 */
export async function startNewCluster(
  dataDir: string,
  emptyFolder: () => void,
  extensions: Extensions = defaultExtensions,
): Promise<PGlite> {
  const options = { extensions };
  const path = usableCachePath();
  const tar = cachedTar(path);
  if (tar) {
    try {
      return await started(new PGlite(dataDir, { ...options, loadDataDir: tar }));
    } catch {
      // Not a tar this PGlite starts from (cut short, or damaged): made again below.
      emptyFolder();
    }
  }
  if (!path) return started(new PGlite(dataDir, options));
  const fresh = await started(new PGlite('memory://', options));
  // Copied before anything else runs in it.
  const copy = new Uint8Array(await (await fresh.dumpDataDir('none')).arrayBuffer());
  keepTar(path, copy);
  if (dataDir.startsWith('memory://')) return fresh;
  await fresh.close();
  return started(new PGlite(dataDir, { ...options, loadDataDir: new Blob([copy]) }));
}

async function started(client: PGlite): Promise<PGlite> {
  await client.waitReady;
  return client;
}
