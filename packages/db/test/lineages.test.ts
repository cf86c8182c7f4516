/**
 * Every journal the original wrote is known by its rows: February's 6, May's 11, and a
 * database migrated in February and upgraded later (February's hashes for 0002, 0004 and 0005,
 * which the original edited in place on 2026-03-04, and May's for the rest). db:status lists
 * each foreign row with the history that wrote it, and each unknown row by itself.
 */
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createTestDatabase, databaseKinds, type TestDatabase } from '@fluxcore/db/testing';
import type { SqlSession } from '../src/connection/client.ts';
import { foreignRows, knownLineages, lineageOf } from '../src/migrator/lineages.ts';
import type { AppliedRow } from '../src/migrator/records.ts';
import { runCli } from './support/migrations.ts';

function journal(name: string) {
  return readFileSync(resolve(import.meta.dir, `fixtures/${name}.journal.tsv`), 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => {
      const [, tag = '', when = '', hash = ''] = line.split('\t');
      return { tag, when: Number(when), hash };
    });
}

const february = journal('fluxcore-2026-02');
const may = journal('fluxcore-2026-05');
const edited = ['0002_grey_the_initiative', '0004_acoustic_jigsaw', '0005_equal_vampiro'];
/** Migrated in February, upgraded in May: Drizzle never re-ran the three edited files. */
const upgraded = may.map((entry) =>
  edited.includes(entry.tag)
    ? (february.find((f) => f.tag === entry.tag) as (typeof february)[number])
    : entry,
);

const rowsOf = (entries: { when: number; hash: string }[]): AppliedRow[] =>
  entries.map((e, i) => ({ id: i + 1, hash: e.hash, createdAt: e.when }));

test('the package knows both journals of the original, as the references record them', () => {
  expect(knownLineages.map((l) => l.name)).toEqual(['fluxcore-2026-02', 'fluxcore-2026-05']);
  expect(knownLineages[0]?.entries).toEqual(february);
  expect(knownLineages[1]?.entries).toEqual(may);
  // The three files the original edited in place differ; the rest of February is May's too.
  const changed = may.filter((m) => !february.some((f) => f.tag === m.tag && f.hash === m.hash));
  expect(changed.map((m) => m.tag)).toEqual([...edited, ...may.slice(6).map((m) => m.tag)]);
});

test('each row is recognised by hash, with the history that wrote it, in every mix', () => {
  const feb = foreignRows(rowsOf(february));
  expect(lineageOf(rowsOf(february))?.name).toBe('fluxcore-2026-02');
  expect(feb.map((r) => `${r.tag}:${r.lineage}`)).toEqual(
    february.map((f) => `${f.tag}:fluxcore-2026-02`),
  );
  const mayRows = foreignRows(rowsOf(may));
  expect(lineageOf(rowsOf(may))?.name).toBe('fluxcore-2026-05');
  expect(mayRows.map((r) => `${r.tag}:${r.lineage}`)).toEqual(
    may.map((m) => `${m.tag}:fluxcore-2026-05`),
  );
  const mixed = foreignRows(rowsOf(upgraded));
  expect(mixed).toHaveLength(11);
  expect(mixed.filter((r) => r.lineage === 'fluxcore-2026-02').map((r) => r.tag)).toEqual(edited);
  // Any subset of the three edited files keeps its February hash on its own.
  for (const tag of edited) {
    const one = may.map((entry) =>
      entry.tag === tag ? (february.find((f) => f.tag === tag) as typeof entry) : entry,
    );
    const rows = foreignRows(rowsOf(one));
    expect(rows).toHaveLength(11);
    expect(rows.filter((r) => r.lineage === 'fluxcore-2026-02').map((r) => r.tag)).toEqual([tag]);
  }
  // An edited hash that neither history wrote is not recognised.
  const forged = rowsOf(may).map((r, i) => (i === 4 ? { ...r, hash: 'f'.repeat(64) } : r));
  expect(foreignRows(forged).map((r) => r.tag)).not.toContain('0004_acoustic_jigsaw');
});

async function writeJournal(session: SqlSession, entries: { when: number; hash: string }[]) {
  await session.exec(`create schema drizzle;
    create table drizzle.__drizzle_migrations (id serial primary key, hash text not null, created_at bigint)`);
  for (const entry of entries)
    await session.query(
      'insert into drizzle.__drizzle_migrations (hash, created_at) values ($1, $2)',
      [entry.hash, entry.when],
    );
}

describe.each(databaseKinds)('db:status names every foreign journal row (%s)', (kind) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(kind, { onDisk: true });
  });
  afterAll(() => database?.drop());

  const status = async (entries: { when: number; hash: string }[]) => {
    const session = await database.session();
    await session.exec('drop schema if exists drizzle cascade');
    await writeJournal(session, entries);
    await session.close();
    await database.release();
    return runCli('status', [], database.env);
  };

  test('May: all 11 rows, each with its history', async () => {
    const run = await status(may);
    expect(run.code).toBe(1);
    for (const entry of may)
      expect(run.stdout).toContain(`  ~ ${entry.tag}  applied by fluxcore-2026-05 (an earlier`);
    expect(run.stdout).toContain('carries 11 journal row(s) of the original FluxCore package');
    expect(run.stdout).not.toContain('UNKNOWN');
  });

  test('upgraded from February: the three edited files with February, the rest with May', async () => {
    const run = await status(upgraded);
    expect(run.code).toBe(1);
    for (const tag of edited)
      expect(run.stdout).toContain(`  ~ ${tag}  applied by fluxcore-2026-02 (its hash before`);
    expect(run.stdout).toContain(
      '  ~ 0010_ambiguous_marten_broadcloak  applied by fluxcore-2026-05',
    );
    expect(run.stdout).toContain(
      "0002_grey_the_initiative, 0004_acoustic_jigsaw, 0005_equal_vampiro with fluxcore-2026-02's hash",
    );
  });

  test('rows of no known history are listed one by one', async () => {
    const run = await status([
      ...may,
      { when: 1779000000000, hash: 'a'.repeat(64) },
      { when: 1779000000001, hash: 'b'.repeat(64) },
    ]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(
      '  ✗ (row 12, created_at 1779000000000, hash aaaaaaaaaaaa…)  UNKNOWN: of no history known here',
    );
    expect(run.stdout).toContain(
      '  ✗ (row 13, created_at 1779000000001, hash bbbbbbbbbbbb…)  UNKNOWN: of no history known here',
    );
    expect(run.stdout).toContain('and 2 row(s) of no history known here');
  });
});
