/**
 * A test template's dump without the write-ahead log a copy never reads. A PGlite cluster's
 * dump is a tar of its files as they stand; its copy starts by replaying the WAL from the last
 * checkpoint. After the migrations, that is a 16 MB segment file, nearly full, that every
 * copy unpacks and then skips. Here the dump is taken right after a checkpoint that begins a
 * new segment, so replay starts and ends in that segment: the tar keeps it up to the page
 * the log ends on, and none of the others (PostgreSQL makes new segments as it needs them).
 * A copy starts in about half the time (a third less data to unpack).
 *
 * For test templates only: what it saves is start-up time, and a cluster that loses its WAL
 * past a checkpoint loses nothing only because nothing writes between that checkpoint and the
 * dump (PGlite has no background processes).
 */
import type { PGlite } from '@electric-sql/pglite';

const block = 512;
/** A WAL segment's file name: timeline, log and segment, 8 hex digits each. */
const segmentName = /(^|\/)pg_wal\/([0-9A-F]{24})$/;
const decoder = new TextDecoder();
const encoder = new TextEncoder();

interface TarEntry {
  header: Uint8Array;
  name: string;
  size: number;
  /** Where the entry's data starts in the tar. */
  at: number;
}

function field(header: Uint8Array, start: number, length: number): string {
  const bytes = header.subarray(start, start + length);
  const end = bytes.indexOf(0);
  return decoder.decode(end < 0 ? bytes : bytes.subarray(0, end));
}

function entries(tar: Uint8Array): TarEntry[] {
  const found: TarEntry[] = [];
  for (let at = 0; at + block <= tar.length; ) {
    const header = tar.subarray(at, at + block);
    if (header.every((byte) => byte === 0)) break;
    const prefix = field(header, 345, 155);
    const base = field(header, 0, 100);
    const size = Number.parseInt(field(header, 124, 12).trim() || '0', 8);
    if (!Number.isFinite(size)) throw new Error(`a tar entry of ${base} has no size`);
    found.push({ header, name: prefix ? `${prefix}/${base}` : base, size, at: at + block });
    at += block + Math.ceil(size / block) * block;
  }
  return found;
}

/** The header with another size, and its checksum made again. */
function resized(header: Uint8Array, size: number): Uint8Array {
  const copy = header.slice();
  copy.set(encoder.encode(`${size.toString(8).padStart(11, '0')}\0`), 124);
  copy.fill(0x20, 148, 156);
  const sum = copy.reduce((total, byte) => total + byte, 0);
  copy.set(encoder.encode(`${sum.toString(8).padStart(6, '0')}\0 `), 148);
  return copy;
}

/**
 * The tar with every WAL segment but `keep` left out, and `keep` cut to `length` bytes.
 * Unchanged when `keep` is not in it (nothing is left out then).
 */
export function keepOneWalSegment(
  tar: Uint8Array<ArrayBuffer>,
  keep: string,
  length: number,
): Uint8Array<ArrayBuffer> {
  const all = entries(tar);
  const segments = all.filter((entry) => segmentName.test(entry.name));
  if (!segments.some((entry) => entry.name.match(segmentName)?.[2] === keep)) return tar;
  const parts: Uint8Array[] = [];
  for (const entry of all) {
    const segment = entry.name.match(segmentName)?.[2];
    if (segment !== undefined && segment !== keep) continue;
    const size = segment === keep ? Math.min(length, entry.size) : entry.size;
    parts.push(size === entry.size ? entry.header : resized(entry.header, size));
    parts.push(tar.subarray(entry.at, entry.at + size));
    const padding = (block - (size % block)) % block;
    if (padding) parts.push(new Uint8Array(padding));
  }
  parts.push(new Uint8Array(2 * block));
  const out = new Uint8Array(parts.reduce((total, part) => total + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/** The cluster's files as a tar, with only the WAL a copy replays (see above). */
export async function compactDump(client: PGlite): Promise<Uint8Array<ArrayBuffer>> {
  await client.exec('checkpoint');
  await client.query('select pg_switch_wal()');
  await client.exec('checkpoint');
  const { rows } = await client.query<{ file_name: string; file_offset: number; page: number }>(
    `select file_name, file_offset, current_setting('wal_block_size')::int as page
       from pg_walfile_name_offset(pg_current_wal_insert_lsn())`,
  );
  const tar = new Uint8Array(await (await client.dumpDataDir('none')).arrayBuffer());
  const end = rows[0];
  if (!end) return tar;
  // Cut at a whole WAL page: PostgreSQL reads the log a page at a time, and a page cut short
  // stops the copy's start.
  return keepOneWalSegment(tar, end.file_name, Math.ceil(end.file_offset / end.page) * end.page);
}
