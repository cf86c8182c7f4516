/**
 * A client of db:serve reaches its own folder or nothing (issue 20, item 1). Every folder's
 * db:serve defaults to the same port: when folder A's db:serve dies and folder B's starts on
 * that port, a client of A that keeps running (the API, the worker) must be refused in one
 * line, and write nothing into B; once A's db:serve is back, on any port, it writes into A.
 */
import { afterAll, describe, expect, test } from 'bun:test';
import { cpSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { databaseKinds } from '@fluxcore/db/testing';
import { createDb, openSqlSession } from '../src/connection/client.ts';
import { readFolderId } from '../src/embedded/folder-marks.ts';
import { lockPathFor } from '../src/embedded/holder.ts';
import { newFolder, removeFolders, waitForLine } from './support/embedded-folders.ts';
import { runCli, spawnCli } from './support/migrations.ts';

afterAll(removeFolders);

async function serve(dataDir: string, port: number) {
  const child = spawnCli('serve', ['--port', String(port)], { FLUXCORE_DATA_DIR: dataDir });
  const [, bound] = await waitForLine(child.stdout, /on 127\.0\.0\.1:(\d+) \(pid \d+\)/);
  return { child, port: Number(bound) };
}

async function probeRows(dataDir: string): Promise<string[]> {
  const session = await openSqlSession({ kind: 'embedded', dataDir, applicationName: 'check' });
  try {
    const rows = await session.query<{ who: string }>('select who from probe.writes order by n');
    return rows.map((row) => row.who);
  } finally {
    await session.close();
  }
}

/**
 * Every try of `sql` is refused; the message of the last of three. (A pool may first hand out
 * an idle connection whose db:serve has just died: that one fails as a lost connection.)
 */
async function refusal(client: { query(sql: string): Promise<unknown> }, sql: string) {
  let last = '';
  for (let attempt = 0; attempt < 3; attempt++) {
    last = await client.query(sql).then(
      () => 'it ran',
      (error: Error) => error.message,
    );
    expect(last).not.toBe('it ran');
  }
  return last;
}

describe.if(databaseKinds.includes('embedded'))(
  'db:serve of another folder on the same port',
  () => {
    test('a running client of folder A is refused by B’s db:serve in one line, writes nothing into B, and reaches A again', async () => {
      const folderA = newFolder();
      const folderB = newFolder();
      for (const folder of [folderA, folderB]) {
        const setup = await openSqlSession({
          kind: 'embedded',
          dataDir: folder,
          applicationName: 's',
        });
        await setup.exec('create schema probe; create table probe.writes (n serial, who text)');
        await setup.close();
      }
      const a = await serve(folderA, 0);
      const client = await createDb({ kind: 'embedded', dataDir: folderA, applicationName: 'api' });
      let b: Awaited<ReturnType<typeof serve>> | undefined;
      let a2: Awaited<ReturnType<typeof serve>> | undefined;
      try {
        await client.query(`insert into probe.writes (who) values ('a1')`);
        a.child.kill('SIGKILL');
        await a.child.exited;
        b = await serve(folderB, a.port);

        // Every try is refused before any query, in one line: A's lock file names a dead pid.
        expect(await refusal(client, `insert into probe.writes (who) values ('a2')`)).toBe(
          `no db:serve serves the embedded database at ${folderA} now (it stopped)`,
        );
        // A lock file that names a live pid (reused) and the port B now serves on: the folder id
        // that B reports is not A's.
        const lockFile = lockPathFor(folderA);
        writeFileSync(
          lockFile,
          JSON.stringify({
            pid: process.pid,
            command: 'a reused pid',
            serve: { host: '127.0.0.1', port: a.port },
          }),
        );
        expect(await refusal(client, `insert into probe.writes (who) values ('a2')`)).toBe(
          `what answers on 127.0.0.1:${a.port} serves the embedded database at ${folderB}, not the one at ${folderA}: refused before any query, nothing was written`,
        );
        truncateSync(lockFile, 0);
        b.child.kill('SIGTERM');
        expect(await b.child.exited).toBe(0);
        expect(await probeRows(folderB)).toEqual([]);
        b = await serve(folderB, a.port);

        // A's db:serve back on another port: the same client reaches it there.
        a2 = await serve(folderA, 0);
        expect(a2.port).not.toBe(a.port);
        await client.query(`insert into probe.writes (who) values ('a3')`);
      } finally {
        await client.close();
        b?.child.kill('SIGTERM');
        a2?.child.kill('SIGTERM');
        await b?.child.exited;
        await a2?.child.exited;
      }
      expect(await probeRows(folderA)).toEqual(['a1', 'a3']);
      expect(await probeRows(folderB)).toEqual([]);
    }, 120_000);

    test('with no db:serve on the folder any more, a running client is refused in one line', async () => {
      const folder = newFolder();
      const a = await serve(folder, 0);
      const client = await createDb({ kind: 'embedded', dataDir: folder, applicationName: 'api' });
      try {
        await client.query('select 1');
        a.child.kill('SIGKILL');
        await a.child.exited;
        expect(await refusal(client, 'select 1')).toBe(
          `no db:serve serves the embedded database at ${folder} now (it stopped)`,
        );
      } finally {
        await client.close();
      }
      expect((await runCli('status', [], { FLUXCORE_DATA_DIR: folder })).code).toBe(0);
    }, 60_000);
  },
);

describe.if(databaseKinds.includes('embedded'))('the folder’s id', () => {
  test('is written once, kept by its folder, and a copy at another path gets its own', async () => {
    const folder = newFolder();
    expect((await runCli('status', [], { FLUXCORE_DATA_DIR: folder })).code).toBe(0);
    const id = readFolderId(folder);
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect((await runCli('status', [], { FLUXCORE_DATA_DIR: folder })).code).toBe(0);
    expect(readFolderId(folder)).toBe(id);
    const copy = `${folder}-copy`;
    cpSync(folder, copy, { recursive: true });
    try {
      expect(readFolderId(copy)).toBe(id);
      expect((await runCli('status', [], { FLUXCORE_DATA_DIR: copy })).code).toBe(0);
      expect(readFolderId(copy)).not.toBe(id);
      expect(readFolderId(folder)).toBe(id);
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  }, 60_000);
});
