import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { createMigratedDatabase, databaseKinds } from '@fluxcore/db/testing';
import { schemaTableNames } from '../src/model/tables.ts';
import {
  countBaseCreditsPolicies,
  seedReferenceData,
} from '../src/operations/seed/credits-policies.ts';
import { legacyTableNames } from '../src/schema/index.ts';

/**
 * The foreign keys the May lineage's tables declare under the original's own names (its
 * `…_fkey`), kept with the original's on delete (NO ACTION: the original's write paths delete
 * children first), so their rows behave as the original's. Each has an index like every other
 * key (0041_index_may_foreign_keys indexed those the original left without one).
 */
const originalForeignKeys = new Set(
  [
    ...readFileSync(
      join(import.meta.dir, '../src/testing/fixtures/fluxcore-2026-05.schema.sql'),
      'utf8',
    ).matchAll(/ADD CONSTRAINT (\w+) FOREIGN KEY/g),
  ].map((match) => match[1] as string),
);

test("the schema defines the 102 tables: February's 61 and the May lineage's 41, not the legacy one", () => {
  expect(schemaTableNames).toHaveLength(102);
  for (const legacy of legacyTableNames) expect(schemaTableNames).not.toContain(legacy);
});

test("each table is in its own file, named after it, in its domain's folder", () => {
  const schemaFolder = join(import.meta.dir, '../src/schema');
  const found: string[] = [];
  for (const domain of readdirSync(schemaFolder)) {
    if (!statSync(join(schemaFolder, domain)).isDirectory()) continue;
    for (const file of readdirSync(join(schemaFolder, domain))) {
      if (!file.endsWith('.ts')) continue;
      const text = readFileSync(join(schemaFolder, domain, file), 'utf8');
      for (const match of text.matchAll(/= pgTable\(\s*'(\w+)'/g)) {
        const table = match[1] as string;
        expect(`${domain}/${file}`).toBe(`${domain}/${table.replaceAll('_', '-')}.ts`);
        found.push(table);
      }
    }
  }
  expect(found.sort()).toEqual([...schemaTableNames].sort());
});

describe.each(databaseKinds)('a fresh %s database, fully migrated', (kind) => {
  let handle: Awaited<ReturnType<typeof createMigratedDatabase>>;
  beforeAll(async () => {
    handle = await createMigratedDatabase(kind);
  });
  afterAll(async () => {
    await handle?.close();
  });

  test('has exactly the schema tables in public', async () => {
    const rows = await handle.client.query<{ name: string }>(
      `select tablename as name from pg_tables where schemaname = 'public' order by 1`,
    );
    expect(rows.map((row) => row.name)).toEqual(schemaTableNames);
  });

  test('indexes every foreign key (an index leads with the key columns)', async () => {
    const unindexed = await handle.client.query<{ constraint: string }>(`
      select c.conname as constraint
      from pg_constraint c join pg_namespace n on n.oid = c.connamespace
      where c.contype = 'f' and n.nspname = 'public'
        and not exists (
          select 1 from pg_index i
          where i.indrelid = c.conrelid
            and (i.indkey::int2[])[0:array_length(c.conkey, 1) - 1] @> c.conkey
            and (i.indkey::int2[])[0:array_length(c.conkey, 1) - 1] <@ c.conkey
        )`);
    expect(unindexed).toEqual([]);
  });

  test('every foreign key states its on delete action', async () => {
    const rows = await handle.client.query<{ name: string; action: string }>(
      `select conname as name, confdeltype as action from pg_constraint
       where contype = 'f' and connamespace = 'public'::regnamespace`,
    );
    const own = rows.filter((row) => !originalForeignKeys.has(row.name));
    // 'a' is NO ACTION, the default a forgotten on delete leaves.
    expect(own.filter((row) => row.action === 'a').map((row) => row.name)).toEqual([]);
    expect(own.length).toBeGreaterThan(60);
  });

  test('document chunk embeddings are a vector of any dimension, with no HNSW index on the whole column', async () => {
    const rows = await handle.client.query<{ type: string; hnsw: string }>(
      `select format_type(a.atttypid, a.atttypmod) as type,
              (select count(*) from pg_indexes where tablename = 'fluxcore_document_chunks' and indexdef like '%USING hnsw%') as hnsw
         from pg_attribute a where a.attrelid = 'fluxcore_document_chunks'::regclass and a.attname = 'embedding'`,
    );
    // Each large store gets its own (operations-rag-store-indexes.test.ts).
    expect(rows.map((r) => [r.type, Number(r.hnsw)])).toEqual([['vector', 0]]);
  });

  test('the credits policies data migration inserted the base policies', async () => {
    expect(await countBaseCreditsPolicies(handle.client.db)).toBe(2);
  });

  test('seeding reference data is idempotent: missing policies come back, present ones stay', async () => {
    await handle.client.exec(`delete from credits_policies`);
    const first = await seedReferenceData(handle.client.db);
    const second = await seedReferenceData(handle.client.db);
    expect(first.creditsPolicies).toBe(2);
    expect(second.creditsPolicies).toBe(0);
    expect(await countBaseCreditsPolicies(handle.client.db)).toBe(2);
    const rows = await handle.client.query<{ count: number }>(
      'select count(*)::int as count from credits_policies',
    );
    expect(rows[0]?.count).toBe(2);
  });
});
