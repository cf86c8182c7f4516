/**
 * A test template's dump keeps only the WAL a copy replays (src/testing/compact-dump.ts): the
 * copy holds every row the cluster had, takes writes across new segments, and the tar is
 * smaller by the segments it left out.
 */
import { describe, expect, test } from 'bun:test';
import { PGlite } from '@electric-sql/pglite';
import { vector } from '@electric-sql/pglite-pgvector';
import { databaseKinds } from '@fluxcore/db/testing';
import { startNewCluster } from '../src/embedded/initial-cluster.ts';
import { compactDump, keepOneWalSegment } from '../src/testing/compact-dump.ts';

/** The names and sizes of a tar's WAL segment files. */
function walSegments(tar: Uint8Array): { name: string; size: number }[] {
  const found: { name: string; size: number }[] = [];
  const text = (start: number, length: number, at: number) => {
    const bytes = tar.subarray(at + start, at + start + length);
    const end = bytes.indexOf(0);
    return new TextDecoder().decode(end < 0 ? bytes : bytes.subarray(0, end));
  };
  for (let at = 0; at + 512 <= tar.length && tar[at] !== 0; ) {
    const name = text(0, 100, at);
    const size = Number.parseInt(text(124, 12, at).trim(), 8);
    if (/pg_wal\/[0-9A-F]{24}$/.test(name)) found.push({ name, size });
    at += 512 + Math.ceil(size / 512) * 512;
  }
  return found;
}

const checksum = `select count(*)::int as rows, md5(string_agg(id::text || ':' || body, ',' order by id)) as sum
  from kept`;

describe.if(databaseKinds.includes('embedded'))('a compacted test template', () => {
  test('keeps every row, leaves out the WAL replay never reads, and its copy takes writes across segments', async () => {
    const source = await startNewCluster('memory://compact-source', () => {});
    let copy: PGlite | undefined;
    try {
      // About 40 MB of WAL, past the first 16 MB segment: the plain dump holds a full segment.
      await source.exec(`create table kept (id int primary key, body text);
        insert into kept select g, md5(g::text) || repeat('x', 300) from generate_series(1, 100000) g;`);
      const before = (await source.query(checksum)).rows[0];
      const plain = new Uint8Array(await (await source.dumpDataDir('none')).arrayBuffer());
      const compact = await compactDump(source);
      const kept = walSegments(compact);
      expect(walSegments(plain).length).toBeGreaterThanOrEqual(1);
      expect(kept.length).toBe(1);
      expect(kept[0]?.size).toBeLessThanOrEqual(64 * 1024);
      expect(plain.length - compact.length).toBeGreaterThanOrEqual(16 * 1024 * 1024 - 64 * 1024);

      copy = new PGlite({ extensions: { vector }, loadDataDir: new Blob([compact]) });
      expect((await copy.query(checksum)).rows[0]).toEqual(before);
      // Writes go on past the cut segment into new ones, through a checkpoint.
      await copy.exec(`insert into kept select g, md5(g::text) || repeat('y', 300)
        from generate_series(100001, 200000) g; checkpoint;
        update kept set body = body || 'z' where id <= 50000;`);
      const after = (await copy.query<{ rows: number }>(checksum)).rows[0];
      expect(after?.rows).toBe(200000);
      const walFile = (
        await copy.query<{ file_name: string }>(
          'select file_name from pg_walfile_name_offset(pg_current_wal_insert_lsn())',
        )
      ).rows[0]?.file_name;
      expect(walFile).not.toBe(kept[0]?.name.slice(-24));
    } finally {
      await copy?.close();
      await source.close();
    }
  }, 120_000);

  test('a tar without the segment named is returned as it was', () => {
    const tar = new Uint8Array(1024);
    expect(keepOneWalSegment(tar, '000000010000000000000009', 8192)).toBe(tar);
  });
});
