/**
 * Paths that are not an embedded database (issue 10, section 1): a file, a folder of other
 * files, a folder PGlite cannot open. Each is refused in one line naming it, and left exactly
 * as it was (checksums of its files before and after).
 */
import { afterAll, describe, expect, test } from 'bun:test';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { databaseKinds } from '@fluxcore/db/testing';
import { checksums, oneLine, removeFolders, tempDir } from './support/embedded-folders.ts';
import { runCli } from './support/migrations.ts';

afterAll(removeFolders);

describe.if(databaseKinds.includes('embedded'))('a path that is not an embedded database', () => {
  test('a file is refused in one line naming it, and left as it was', async () => {
    const dir = tempDir();
    const file = join(dir, 'data');
    writeFileSync(file, 'notes, not a database\n');
    const before = checksums(dir);
    for (const command of ['migrate', 'status']) {
      const run = await runCli(command, [], { FLUXCORE_DATA_DIR: file });
      expect(run.code).toBe(1);
      expect(oneLine(run.stderr)).toBe(
        `error: the embedded database path ${file} is a file, not a folder. Move the file away, or point FLUXCORE_DATA_DIR at a folder`,
      );
    }
    expect(checksums(dir)).toEqual(before);
  }, 60_000);

  test('a non-empty folder that is not a PGlite database is refused in one line, untouched', async () => {
    const dir = tempDir();
    const folder = join(dir, 'photos');
    mkdirSync(join(folder, '2024'), { recursive: true });
    writeFileSync(join(folder, 'notes.txt'), 'keep me\n');
    writeFileSync(join(folder, '2024', 'beach.raw'), Buffer.alloc(4096, 7));
    const before = checksums(folder);
    for (const command of ['migrate', 'status']) {
      const run = await runCli(command, [], { FLUXCORE_DATA_DIR: folder });
      expect(run.code).toBe(1);
      expect(oneLine(run.stderr)).toBe(
        `error: the folder ${folder} is not empty (2 entries) and holds no PGlite database (no PG_VERSION). Point FLUXCORE_DATA_DIR at an empty or new folder, or move these files away`,
      );
    }
    expect(checksums(folder)).toEqual(before);
  }, 60_000);

  test('a folder PGlite cannot open is one line naming it, and left as it was', async () => {
    const dir = tempDir();
    const folder = join(dir, 'broken');
    mkdirSync(folder);
    writeFileSync(join(folder, 'PG_VERSION'), '18\n');
    const before = checksums(folder);
    const run = await runCli('status', [], { FLUXCORE_DATA_DIR: folder });
    expect(run.code).toBe(1);
    expect(oneLine(run.stderr)).toMatch(
      new RegExp(
        `^error: the embedded database at ${folder} cannot be opened \\(.+\\)\\. It may be damaged: restore it from a copy, or move it away and let a command create a new one$`,
      ),
    );
    expect(checksums(folder)).toEqual(before);
  }, 60_000);
});
