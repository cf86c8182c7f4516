/**
 * Scratch databases on the server (issue 20, item 6): one a killed run left behind is dropped
 * by the next run, but only when it is provably stale (made on this host by a process that is
 * gone, nobody connected); a run stopped with SIGTERM drops its own before it exits.
 */
import { describe, expect, test } from 'bun:test';
import { resolve } from 'node:path';
import { adminUrl, databaseKinds } from '@fluxcore/db/testing';
import pg from 'pg';
import {
  dropStaleScratchDatabases,
  scratchLockKey,
  scratchLockUrl,
} from '../src/migrator/scratch.ts';

async function admin<T extends pg.QueryResultRow>(text: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return (await client.query<T>(text)).rows;
  } finally {
    await client.end();
  }
}

const scratchNames = async (pid: number) =>
  (
    await admin<{ datname: string }>(
      `select datname from pg_database where datname like 'fluxcore\\_scratch\\_${pid}\\_%' order by 1`,
    )
  ).map((row) => row.datname);

/** The pid of a process that has exited (not alive on this host any more). */
async function deadPid(): Promise<number> {
  const child = Bun.spawn(['true']);
  await child.exited;
  return child.pid;
}

describe.if(databaseKinds.includes('server'))('scratch databases on the server', () => {
  test('a stale one is dropped by the next run; one in use, alive or elsewhere is kept', async () => {
    const dead = await deadPid();
    const names = {
      stale: `fluxcore_scratch_${dead}_1_apistale`,
      commented: `fluxcore_scratch_${dead}_2_apimine`,
      elsewhere: `fluxcore_scratch_${dead}_3_apielse`,
      connected: `fluxcore_scratch_${dead}_4_apiconn`,
      alive: `fluxcore_scratch_${process.pid}_5_apilive`,
    };
    const stale = [names.stale, names.commented];
    // Other test files' converge runs clear stale scratch databases on this server too. Holding
    // the passes' lock while these are made keeps them from dropping one half made (the
    // connected one before its holder connects); any pass after that may drop the stale ones,
    // so the outcome is asserted, and of this pass's drops only that none is a kept one.
    const { hostname } = await import('node:os');
    const locker = new pg.Client({ connectionString: scratchLockUrl(adminUrl) });
    await locker.connect();
    const holder = new pg.Client({
      connectionString: new URL(`/${names.connected}`, adminUrl).toString(),
    });
    try {
      await locker.query(`select pg_advisory_lock(${scratchLockKey})`);
      for (const name of Object.values(names)) await locker.query(`create database ${name}`);
      await locker.query(
        `comment on database ${names.commented} is 'fluxcore scratch of host ${hostname()} pid ${dead}'`,
      );
      await locker.query(
        `comment on database ${names.elsewhere} is 'fluxcore scratch of host another-host pid ${dead}'`,
      );
      await holder.connect();
      await locker.query(`select pg_advisory_unlock(${scratchLockKey})`);

      const dropped = await dropStaleScratchDatabases(adminUrl, 'fluxcore-tests');
      const ours = dropped.filter((name) => Object.values(names).includes(name));
      expect(ours.every((name) => stale.includes(name))).toBe(true);
      expect(await scratchNames(dead)).toEqual([names.elsewhere, names.connected].sort());
      expect(await scratchNames(process.pid)).toEqual([names.alive]);
    } finally {
      await holder.end().catch(() => {});
      await locker.end();
      for (const name of Object.values(names)) {
        await admin(`drop database if exists ${name} with (force)`);
      }
    }
  }, 60_000);

  test('passes take turns: one waits while another holds the lock, then drops what is stale', async () => {
    const dead = await deadPid();
    const name = `fluxcore_scratch_${dead}_1_apiturn`;
    const locker = new pg.Client({ connectionString: scratchLockUrl(adminUrl) });
    await locker.connect();
    try {
      await locker.query(`select pg_advisory_lock(${scratchLockKey})`);
      await locker.query(`create database ${name}`);
      let done = false;
      const pass = dropStaleScratchDatabases(adminUrl, 'fluxcore-tests').finally(() => {
        done = true;
      });
      // The pass is queued on the lock (an ungranted advisory lock of its application), not
      // merely slow to connect.
      let waiting = 0;
      for (let i = 0; i < 200 && waiting === 0; i++) {
        const [row] = await admin<{ n: number }>(
          `select count(*)::int as n from pg_locks l join pg_stat_activity a on a.pid = l.pid
            where l.locktype = 'advisory' and not l.granted and a.application_name = 'fluxcore-tests'`,
        );
        waiting = row?.n ?? 0;
        if (waiting === 0) await Bun.sleep(25);
      }
      expect(waiting).toBeGreaterThanOrEqual(1);
      expect(done).toBe(false);
      expect(await scratchNames(dead)).toEqual([name]);
      await locker.query(`select pg_advisory_unlock(${scratchLockKey})`);
      // This pass drops it, unless another test file's pass got the lock first and did.
      await pass;
      expect(await scratchNames(dead)).toEqual([]);
    } finally {
      await locker.end();
      await admin(`drop database if exists ${name} with (force)`);
    }
  }, 60_000);

  test('SIGTERM while a scratch database exists drops it before exiting', async () => {
    const scratch = resolve(import.meta.dir, '../src/migrator/scratch.ts');
    const url = new URL('/postgres', adminUrl).toString();
    const child = Bun.spawn(
      [
        'bun',
        '-e',
        `const { withScratchDatabase } = await import(${JSON.stringify(scratch)});
         await withScratchDatabase({ kind: 'server', url: ${JSON.stringify(url)}, applicationName: 'fluxcore-tests', poolMax: 1 },
           async () => { console.log('ready'); await new Promise(() => setInterval(() => {}, 1000)); });`,
      ],
      { stdout: 'pipe', stderr: 'pipe' },
    );
    const reader = child.stdout.getReader();
    const { value } = await reader.read();
    expect(new TextDecoder().decode(value)).toContain('ready');
    expect(await scratchNames(child.pid)).toHaveLength(1);
    child.kill('SIGTERM');
    expect(await child.exited).toBe(143);
    expect(await scratchNames(child.pid)).toEqual([]);
  }, 60_000);
});
