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
 * A cache that cannot be written is no error (each new cluster runs initdb, as before); a tar
 * that PGlite cannot start from is removed and initdb runs instead. A tar is written beside
 * its place as `<name>.<pid>.partial` and renamed; the partial files of writers that died are
 * removed by the next writer.
 */
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { vector } from '@electric-sql/pglite-pgvector';
import { alive } from '../migrator/process-alive.ts';

/** The installed PGlite's package.json: its version, and the node_modules it sits in. */
function installedPglite(): { version: string; nodeModules: string } | undefined {
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

const options = { extensions: { vector } };

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

/** Writes the tar whole or not at all (another process may be reading or writing it). */
function keepTar(path: string | undefined, tar: Uint8Array): void {
  if (!path) return;
  const partial = `${path}.${process.pid}.partial`;
  try {
    mkdirSync(dirname(path), { recursive: true });
    removeDeadPartials(path);
    writeFileSync(partial, tar);
    renameSync(partial, path);
  } catch {
    rmSync(partial, { force: true });
  }
}

function forget(path: string | undefined): void {
  if (path) rmSync(path, { force: true });
}

/**
 * Starts PGlite on a new cluster at `dataDir` (`memory://…`, or a folder holding no
 * PG_VERSION): from the cached tar when there is one, else by initdb, keeping a tar of what
 * initdb made for the next time. `emptyFolder` removes what a failed start left in a folder.
 */
export async function startNewCluster(dataDir: string, emptyFolder: () => void): Promise<PGlite> {
  const path = initialClusterPath();
  const tar = cachedTar(path);
  if (tar) {
    try {
      const client = new PGlite(dataDir, { ...options, loadDataDir: tar });
      await client.waitReady;
      return client;
    } catch {
      // Not a tar this PGlite starts from (cut short, or damaged): initdb below, and a new tar.
      emptyFolder();
    }
  }
  const client = new PGlite(dataDir, options);
  await client.waitReady;
  // Copied before anything else runs in it: what initdb wrote, and nothing more.
  const dump = await client.dumpDataDir('none');
  if (tar) forget(path);
  keepTar(path, new Uint8Array(await dump.arrayBuffer()));
  return client;
}
