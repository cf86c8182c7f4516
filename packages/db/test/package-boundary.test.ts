/**
 * The package boundary: the exports map is the contract (`.`, `./schema`, `./migrator`,
 * `./testing`), the apps and the bench import only through it and declare every package they
 * import, and the top level exports every table with its select and insert types.
 */
import { describe, expect, test } from 'bun:test';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import * as topLevel from '@fluxcore/db';
import { type Account, accounts, type NewAccount, schemaTables } from '@fluxcore/db';
import * as migrator from '@fluxcore/db/migrator';
import * as testing from '@fluxcore/db/testing';

const root = resolve(import.meta.dir, '../../..');
const consumers = ['apps/api', 'apps/worker', 'bench'];

function sourceFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((entry) => {
    const path = join(folder, entry);
    if (entry === 'node_modules') return [];
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}

function consumerFiles(workspace: string): string[] {
  return ['src', 'test']
    .map((folder) => join(root, workspace, folder))
    .filter((folder) => statSync(folder, { throwIfNoEntry: false })?.isDirectory())
    .flatMap(sourceFiles);
}

/**
 * Every module specifier a file imports or re-exports: static statements, and dynamic
 * imports in code (not inside a string, such as a script handed to another process).
 */
function specifiers(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const found = [...text.matchAll(/(?:^|\n)\s*(?:import|export)\b[^'"]*?from\s*'([^']+)'/g)];
  const dynamic = [...text.matchAll(/^[^"`\n]*\bimport\(\s*'([^']+)'\s*\)/gm)];
  return [...found, ...dynamic].map((match) => match[1] as string);
}

describe('the package boundary', () => {
  test('the exports map is exactly ., ./schema, ./migrator and ./testing', () => {
    const manifest = JSON.parse(readFileSync(join(root, 'packages/db/package.json'), 'utf8'));
    expect(Object.keys(manifest.exports).sort()).toEqual([
      '.',
      './migrator',
      './schema',
      './testing',
    ]);
  });

  test('the apps and the bench import nothing outside their workspace by relative path', () => {
    const outside: string[] = [];
    for (const workspace of consumers) {
      const home = join(root, workspace);
      for (const file of consumerFiles(workspace)) {
        for (const specifier of specifiers(file)) {
          if (!specifier.startsWith('.')) continue;
          const target = resolve(dirname(file), specifier);
          if (relative(home, target).startsWith('..')) {
            outside.push(`${relative(root, file)} imports ${specifier}`);
          }
        }
      }
    }
    expect(outside).toEqual([]);
  });

  test('the apps and the bench declare every package they import', () => {
    const undeclared: string[] = [];
    for (const workspace of consumers) {
      const manifest = JSON.parse(readFileSync(join(root, workspace, 'package.json'), 'utf8'));
      const declared = new Set([
        ...Object.keys(manifest.dependencies ?? {}),
        ...Object.keys(manifest.devDependencies ?? {}),
      ]);
      for (const file of consumerFiles(workspace)) {
        for (const specifier of specifiers(file)) {
          if (specifier.startsWith('.') || /^(node|bun):/.test(specifier)) continue;
          const parts = specifier.split('/');
          const name = specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
          if (name && !declared.has(name)) {
            undeclared.push(`${relative(root, file)} imports ${name}`);
          }
        }
      }
    }
    expect(undeclared).toEqual([]);
  });

  test('the top level exports every table, and a table with its row types', () => {
    const exported = new Set<unknown>(Object.values(topLevel));
    const missing = schemaTables.filter((table) => !exported.has(table));
    expect(missing).toEqual([]);
    expect(schemaTables.length).toBeGreaterThan(50);
    // Compiles only if the select and insert types are exported at the top level.
    const row: Pick<Account, 'username'> = { username: 'a' };
    const insert: Pick<NewAccount, 'ownerUserId' | 'username'> = {
      ownerUserId: '00000000-0000-4000-8000-000000000000',
      username: row.username,
    };
    expect(accounts).toBe(topLevel.schema.accounts);
    expect(insert.username).toBe('a');
  });

  test('every table the schema declares has a select and an insert type', () => {
    const schemaFolder = join(root, 'packages/db/src/schema');
    const sources = sourceFiles(schemaFolder).map((file) => readFileSync(file, 'utf8'));
    const all = sources.join('\n');
    const tables = sources.flatMap((text) =>
      [...text.matchAll(/export const (\w+) = pgTable\(/g)].map((match) => match[1] as string),
    );
    expect(tables.length).toBe(schemaTables.length);
    const untyped = tables.filter(
      (table) =>
        !new RegExp(`export type \\w+ =\\s*typeof ${table}\\.\\$inferSelect`).test(all) ||
        !new RegExp(`export type \\w+ =\\s*typeof ${table}\\.\\$inferInsert`).test(all),
    );
    expect(untyped).toEqual([]);
  });

  test('the migrator and the testing entries export their runtime API, not the top level', () => {
    for (const name of ['migrate', 'migrationStatus', 'baseline', 'rollback', 'loadMigrations']) {
      expect(typeof (migrator as Record<string, unknown>)[name]).toBe('function');
      expect(name in topLevel).toBe(false);
    }
    expect(migrator.loadMigrations(migrator.migrationsFolder).length).toBeGreaterThan(25);
    for (const name of ['createTestDatabase', 'createMigratedDatabase', 'createOwnedAccount']) {
      expect(typeof (testing as Record<string, unknown>)[name]).toBe('function');
    }
    expect(testing.databaseKinds.length).toBeGreaterThan(0);
  });

  test('inside the package every arrow runs downhill, and no room imports a sibling room', () => {
    const src = resolve(import.meta.dir, '../src');
    // A room is a folder of src/, or a top-level file by its name. Each may import only rooms of
    // a lower level (or its own): the foundation, then catalog, migrator, the three rooms that
    // use them, online (over migrator and converge), the developer-time rooms, and last the entries.
    const levels: string[][] = [
      ['schema'],
      ['errors', 'connection', 'embedded', 'program', 'model'],
      ['catalog'],
      ['migrator'],
      ['audit', 'converge', 'operations'],
      // --online runs the migrator's migrations and converge's steps in its own way.
      ['online'],
      ['authoring', 'docs', 'original-app'],
      ['cli', 'testing', 'index', 'migrator-entry'],
    ];
    const levelOf = new Map(levels.flatMap((rooms, level) => rooms.map((r) => [r, level])));
    const roomOf = (path: string) => {
      const inside = relative(src, path);
      return inside.includes('/') ? (inside.split('/')[0] as string) : inside.replace(/\.ts$/, '');
    };
    const wrong: string[] = [];
    for (const file of sourceFiles(src)) {
      const from = roomOf(file);
      const fromLevel = levelOf.get(from);
      if (fromLevel === undefined) {
        wrong.push(`${relative(src, file)}: room ${from} has no level`);
        continue;
      }
      for (const specifier of specifiers(file).filter((s) => s.startsWith('.'))) {
        const to = roomOf(resolve(dirname(file), specifier));
        if (to === from) continue;
        const toLevel = levelOf.get(to) ?? Number.POSITIVE_INFINITY;
        // The foundation's files may use one another; every other arrow goes down a level.
        const foundation = fromLevel === 1 && toLevel === 1;
        if (toLevel >= fromLevel && !foundation) {
          wrong.push(`${relative(src, file)} imports ${specifier} (${from} -> ${to})`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });
});
