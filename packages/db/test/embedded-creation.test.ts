/**
 * Creating an embedded folder, and the ways opening one fails (issue 20, items 8 and 9): a
 * first run killed while PGlite writes the folder leaves it to be created again by the next
 * command; a full disk is said as a full disk, never as a damaged folder; a path the system
 * makes up (/proc/self) is one line.
 */
import { afterAll, describe, expect, test } from 'bun:test';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { databaseKinds } from '@fluxcore/db/testing';
import { migrationsFolder } from '../src/connection/config.ts';
import { loadMigrations } from '../src/migrator/journal.ts';
import {
  checksums,
  newFolder,
  oneLine,
  removeFolders,
  tempDir,
} from './support/embedded-folders.ts';
import { runCli, spawnCli } from './support/migrations.ts';

afterAll(removeFolders);

const migrationCount = loadMigrations(migrationsFolder).length;

/** PGlite's files, without what this package writes beside them. */
function pgliteEntries(folder: string): string[] {
  return existsSync(folder)
    ? readdirSync(folder).filter((name) => !name.startsWith('fluxcore-'))
    : [];
}

describe.if(databaseKinds.includes('embedded'))(
  'a first run killed while creating the folder',
  () => {
    test('the next command creates it again, and it migrates', async () => {
      const folder = newFolder();
      const env = { FLUXCORE_DATA_DIR: folder };
      const first = spawnCli('status', [], env);
      // Killed once PGlite has written some files, before the folder is marked created (a new
      // folder is written from the cached initial cluster in about a second, so PG_VERSION may
      // be there already: the creating mark, not PG_VERSION, says it is unfinished).
      while (pgliteEntries(folder).length === 0 && first.exitCode === null) await Bun.sleep(1);
      first.kill('SIGKILL');
      await first.exited;
      expect(existsSync(join(folder, 'fluxcore-creating'))).toBe(true);
      expect(pgliteEntries(folder).length).toBeGreaterThan(0);

      const migrate = await runCli('migrate', [], env);
      expect(migrate.stderr).toContain(
        'was being created when its process stopped: creating it again',
      );
      expect(migrate.code).toBe(0);
      expect(migrate.stdout).toContain(`${migrationCount} migration(s) applied`);
      const status = await runCli('status', [], env);
      expect(status.code).toBe(0);
      expect(status.stdout).toContain(`${migrationCount} applied, 0 pending`);
    }, 120_000);

    test('a folder of partial files without the creating mark is not the package’s: refused, untouched', async () => {
      const folder = join(tempDir(), 'half');
      mkdirSync(join(folder, 'base'), { recursive: true });
      writeFileSync(join(folder, 'postgresql.conf'), '# not ours\n');
      const before = checksums(folder);
      const run = await runCli('status', [], { FLUXCORE_DATA_DIR: folder });
      expect(run.code).toBe(1);
      expect(oneLine(run.stderr)).toContain('holds no PGlite database (no PG_VERSION)');
      expect(checksums(folder)).toEqual(before);
    }, 60_000);
  },
);

const isRoot = process.getuid?.() === 0;

describe.if(databaseKinds.includes('embedded') && (isRoot || Boolean(process.env.CI)))(
  'a full disk',
  () => {
    test('a healthy folder on a full disk is said to be on a full disk, and is left as it was', async () => {
      const mount = tempDir();
      execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=120m', 'tmpfs', mount]);
      try {
        const folder = join(mount, 'pgdata');
        const created = await runCli('status', [], { FLUXCORE_DATA_DIR: folder });
        expect(created.code).toBe(0);
        // Fill the disk.
        const free = Number(
          execFileSync('df', ['--output=avail', '-B1', mount]).toString().split('\n')[1],
        );
        execFileSync('fallocate', ['-l', String(free), join(mount, 'filler')]);
        const before = checksums(folder);
        for (const command of ['status', 'migrate']) {
          const run = await runCli(command, [], { FLUXCORE_DATA_DIR: folder });
          expect(run.code).toBe(1);
          expect(oneLine(run.stderr)).toMatch(
            new RegExp(
              `^error: the disk holding the embedded database at ${folder} is full \\(\\d+\\.\\d MB free\\); its data is untouched\\. Free some disk space and run the command again \\(do not move or delete the folder\\)$`,
            ),
          );
        }
        expect(checksums(folder)).toEqual(before);
      } finally {
        execFileSync('umount', ['-l', mount]);
      }
    }, 120_000);
  },
);

describe.if(databaseKinds.includes('embedded'))('a path the system makes up', () => {
  test('FLUXCORE_DATA_DIR=/proc/self is one line with its cause', async () => {
    const run = await runCli('status', [], { FLUXCORE_DATA_DIR: '/proc/self' });
    expect(run.code).toBe(1);
    expect(oneLine(run.stderr)).toMatch(
      /^error: the embedded database cannot be kept at \/proc\/self /,
    );
  }, 60_000);
});
