/**
 * The original FluxCore app's imports (test/fixtures/fluxcore-2026-02.imports.tsv): the compile
 * test imports exactly those symbols, and the values among them exist at run time.
 */
import { describe, expect, test } from 'bun:test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getTableColumns, getTableName, is } from 'drizzle-orm';
import { PgTable } from 'drizzle-orm/pg-core';
import * as fluxcoreDb from '../src/index.ts';
import * as schema from '../src/schema/index.ts';

const fixtures = join(import.meta.dir, 'fixtures');
const compileTest = join(import.meta.dir, 'types', 'original-imports.ts');

const listed = readFileSync(join(fixtures, 'fluxcore-2026-02.imports.tsv'), 'utf8')
  .trim()
  .split('\n')
  .slice(1)
  .map((line) => {
    const [symbol = '', kind = ''] = line.split('\t');
    return { symbol, kind };
  });

/** The names the compile test imports from '@fluxcore/db'. */
function compileTestImports(): string[] {
  const source = readFileSync(compileTest, 'utf8');
  const match = /import \{([^}]*)\} from '@fluxcore\/db';/.exec(source);
  if (!match?.[1]) throw new Error(`${compileTest} has no import from '@fluxcore/db'`);
  return match[1]
    .split(',')
    .map((name) => name.trim().replace(/^type\s+/, ''))
    .filter((name) => name !== '');
}

const camelCase = (name: string) => name.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());

const exported = fluxcoreDb as unknown as Record<string, unknown>;

describe("the original app's imports", () => {
  test('the compile test imports exactly the 135 symbols the original app imports', () => {
    expect(listed).toHaveLength(135);
    expect(compileTestImports().sort()).toEqual(listed.map((row) => row.symbol).sort());
  });

  test('the 57 tables, db, DEFAULT_RAG_CONFIG and toRAGConfig are top-level values', () => {
    const tables = listed.filter((row) => row.kind === 'table');
    expect(tables).toHaveLength(57);
    for (const { symbol } of tables) {
      expect(is(exported[symbol], PgTable)).toBe(true);
    }
    expect(typeof exported.toRAGConfig).toBe('function');
    expect(exported.DEFAULT_RAG_CONFIG).toMatchObject({ isDefault: true });
    expect(exported.db).toBeDefined();
    expect(typeof exported.closeDb).toBe('function');
  });

  test('every table of the schema is exported at the top level under its camelCase name', () => {
    const tables = Object.entries(schema).filter(([, value]) => is(value, PgTable));
    expect(tables.length).toBe(102);
    for (const [name, table] of tables) {
      expect(exported[name]).toBe(table);
      expect(name).toBe(camelCase(getTableName(table as PgTable)));
    }
  });

  test("every column's property is the camelCase of its SQL name, except the original's two", () => {
    const exceptions = new Map([
      ['assets.checksum_sha256', 'checksumSHA256'],
      ['fluxcore_template_settings.authorize_for_ai', 'authorizeForAI'],
    ]);
    const wrong: string[] = [];
    for (const table of Object.values(schema).filter((value) => is(value, PgTable))) {
      for (const [property, column] of Object.entries(getTableColumns(table as PgTable))) {
        const key = `${getTableName(table as PgTable)}.${column.name}`;
        const expected = exceptions.get(key) ?? camelCase(column.name);
        if (property !== expected) wrong.push(`${key}: ${property}, expected ${expected}`);
      }
    }
    expect(wrong).toEqual([]);
  });
});

describe("the May app's imports (239c046)", () => {
  const may = readFileSync(join(fixtures, 'fluxcore-2026-05.imports.tsv'), 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => {
      const [symbol = '', kind = ''] = line.split('\t');
      return { symbol, kind };
    });

  test('the compile test exports exactly the 198 names the May app imports', () => {
    const source = readFileSync(join(import.meta.dir, 'types', 'may-imports.ts'), 'utf8');
    const names = /export type \{([^}]*)\} from '@fluxcore\/db';/
      .exec(source)?.[1]
      ?.split(',')
      .map((name) => name.trim())
      .filter((name) => name !== '');
    expect(may).toHaveLength(198);
    expect(names?.sort()).toEqual(may.map((row) => row.symbol).sort());
  });

  test('its tables, values, functions and drizzle-orm operators exist at run time', () => {
    const missing = may
      .filter((row) => row.kind !== 'type' && row.kind !== '?')
      .filter((row) => exported[row.symbol] === undefined)
      .map((row) => row.symbol);
    expect(missing).toEqual([]);
    expect(typeof exported.sql).toBe('function');
    expect(is(exported.conversationParticipants, PgTable)).toBe(true);
  });
});
