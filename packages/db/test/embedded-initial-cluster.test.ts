/**
 * A new embedded database starts from a cached copy of what PGlite's initdb writes
 * (src/embedded/initial-cluster.ts): the first new cluster leaves the copy, later folders and
 * in-memory databases start from it, a damaged copy is replaced, and a cache that cannot be
 * written costs nothing but the time.
 */
import { afterAll, afterEach, describe, expect, test } from 'bun:test';
import { chmodSync, existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { databaseKinds } from '@fluxcore/db/testing';
import { initialClusterPath } from '../src/embedded/initial-cluster.ts';
import { openEmbedded } from '../src/embedded/open.ts';
import { newFolder, removeFolders, tempDir } from './support/embedded-folders.ts';

afterAll(removeFolders);
const cacheSetting = process.env.FLUXCORE_CACHE_DIR;
afterEach(() => {
  if (cacheSetting === undefined) delete process.env.FLUXCORE_CACHE_DIR;
  else process.env.FLUXCORE_CACHE_DIR = cacheSetting;
});

/** Opens `dataDir` (a new folder or memory://), runs `sql`, returns its rows, and closes it. */
async function onNew(dataDir: string, sql: string): Promise<Record<string, unknown>[]> {
  const handle = await openEmbedded(dataDir);
  if (handle.mode !== 'direct') throw new Error('a new folder was served');
  try {
    return (await handle.client.query<Record<string, unknown>>(sql)).rows;
  } finally {
    await handle.close();
  }
}

const tables = `select string_agg(relname, ',' order by relname) as tables
  from pg_class where relnamespace = 'public'::regnamespace and relkind = 'r'`;

describe.if(databaseKinds.includes('embedded'))('a new embedded database without initdb', () => {
  test('the first new cluster leaves its copy; a new folder and a memory database start from the copy', async () => {
    const cache = tempDir();
    process.env.FLUXCORE_CACHE_DIR = cache;
    const path = initialClusterPath() ?? '';
    expect(path.startsWith(cache)).toBe(true);
    expect(path).toMatch(/pglite-\d+\.\d+\.\d+-initial-cluster\.tar$/);

    // A writer killed while writing its copy left a partial file; one alive is writing its own.
    const dead = Bun.spawn(['true']);
    await dead.exited;
    writeFileSync(`${path}.${dead.pid}.partial`, 'half a tar');
    writeFileSync(`${path}.${process.ppid}.partial`, 'a tar being written');

    // No copy yet: initdb runs, and what it wrote is kept.
    const handle = await openEmbedded('memory://');
    if (handle.mode !== 'direct') throw new Error('memory was served');
    try {
      expect(statSync(path).size).toBeGreaterThan(1_000_000);
      expect(readdirSync(cache).sort()).toEqual(
        [basename(path), `${basename(path)}.${process.ppid}.partial`].sort(),
      );
      // A copy that holds a table of its own shows that the next databases start from it.
      await handle.client.exec(
        'create table cache_probe (id int); insert into cache_probe values (7)',
      );
      writeFileSync(
        path,
        new Uint8Array(await (await handle.client.dumpDataDir('none')).arrayBuffer()),
      );
    } finally {
      await handle.close();
    }

    const folder = newFolder();
    expect(await onNew(folder, 'select id from cache_probe')).toEqual([{ id: 7 }]);
    expect(existsSync(join(folder, 'PG_VERSION'))).toBe(true);
    expect(existsSync(join(folder, 'fluxcore-creating'))).toBe(false);
    // Reopened, the folder is its own database: written to, and the copy is untouched.
    expect(await onNew(folder, 'insert into cache_probe values (8) returning id')).toEqual([
      { id: 8 },
    ]);
    expect(await onNew(folder, 'select count(*)::int as n from cache_probe')).toEqual([{ n: 2 }]);
    expect(await onNew('memory://', 'select count(*)::int as n from cache_probe')).toEqual([
      { n: 1 },
    ]);
  }, 120_000);

  test('a damaged copy is replaced: the folder is made by initdb, with nothing of the damage left', async () => {
    const cache = tempDir();
    process.env.FLUXCORE_CACHE_DIR = cache;
    const path = initialClusterPath() ?? '';
    writeFileSync(path, 'not a tar at all, cut short');

    const folder = newFolder();
    expect(await onNew(folder, tables)).toEqual([{ tables: null }]);
    expect(readdirSync(folder).filter((name) => name.startsWith('fluxcore-'))).toEqual([
      'fluxcore-folder.json',
    ]);
    expect(statSync(path).size).toBeGreaterThan(1_000_000);
    // The new copy is a cluster PGlite starts from.
    expect(await onNew('memory://', 'select 41 + 1 as answer')).toEqual([{ answer: 42 }]);
  }, 120_000);

  test('a cache folder another user could write to is not used, nor written', async () => {
    const cache = tempDir();
    chmodSync(cache, 0o777);
    process.env.FLUXCORE_CACHE_DIR = cache;
    const path = initialClusterPath() ?? '';
    writeFileSync(path, 'planted by someone else');
    expect(await onNew('memory://', 'select 41 + 1 as answer')).toEqual([{ answer: 42 }]);
    expect(readFileSync(path, 'utf8')).toBe('planted by someone else');
    expect(readdirSync(cache)).toEqual([basename(path)]);
  }, 120_000);

  test('a cache folder that cannot be made costs only the time', async () => {
    process.env.FLUXCORE_CACHE_DIR = '/proc/self/fluxcore-cache';
    expect(await onNew('memory://', 'select 41 + 1 as answer')).toEqual([{ answer: 42 }]);
    expect(existsSync('/proc/self/fluxcore-cache')).toBe(false);
  }, 120_000);
});
