/**
 * scripts/check-original-app.sh's comparison, on a tiny fixture of tsc output (the script itself
 * needs the original's git history, which CI cannot fetch).
 */
import { describe, expect, test } from 'bun:test';
import {
  importedModulesLacking,
  missingModules,
  moduleShims,
  newCompileErrors,
  packageOf,
  parseCompileErrors,
  unresolvedSymbols,
} from '../src/original-app/compile-errors.ts';

const original = [
  "apps/api/src/a.ts(3,1): error TS2307: Cannot find module 'elysia' or its corresponding type declarations.",
  "apps/api/src/a.ts(9,5): error TS6133: 'unused' is declared but its value is never read.",
  "apps/api/src/b.ts(2,10): error TS2305: Module '\"@fluxcore/db\"' has no exported member 'assistants'.",
  "packages/db/src/c.ts(1,1): error TS2307: Cannot find module 'postgres' or its corresponding type declarations.",
  "apps/api/src/a.ts(4,1): error TS2307: Cannot find module './gone' or its corresponding type declarations.",
].join('\n');

const next = [
  "apps/api/src/a.ts(12,5): error TS6133: 'unused' is declared but its value is never read.",
  "apps/api/src/b.ts(2,10): error TS2305: Module '\"@fluxcore/db\"' has no exported member 'assistants'.",
  "apps/api/src/b.ts(2,22): error TS2724: '\"@fluxcore/db\"' has no exported member named 'sqll'. Did you mean 'sql'?",
  "apps/api/src/d.ts(7,3): error TS2322: Type 'string' is not assignable to type 'number'.",
  "  The expected type comes from property 'n'.",
  "apps/api/src/a.ts(20,5): error TS6133: 'unused' is declared but its value is never read.",
].join('\n');

describe('the original-app check', () => {
  test('parses errors with their continuation lines', () => {
    const errors = parseCompileErrors(next);
    expect(errors).toHaveLength(5);
    expect(errors[3]).toEqual({
      file: 'apps/api/src/d.ts',
      line: 7,
      code: 'TS2322',
      message:
        "Type 'string' is not assignable to type 'number'.\n  The expected type comes from property 'n'.",
    });
  });

  test('a new error is one the original does not produce, any line; a repeat counts once more', () => {
    const added = newCompileErrors(parseCompileErrors(original), parseCompileErrors(next));
    expect(added.map((e) => `${e.file}:${e.line} ${e.code}`)).toEqual([
      'apps/api/src/b.ts:2 TS2724',
      'apps/api/src/d.ts:7 TS2322',
      'apps/api/src/a.ts:20 TS6133',
    ]);
  });

  test('a missing property is the same error whatever type each package prints', () => {
    const base = parseCompileErrors(
      "a.ts(4,9): error TS2339: Property 'token' does not exist on type 'PgTableWithColumns<{ name: \"t\"; a: 1 }>'.",
    );
    const next = parseCompileErrors(
      [
        "a.ts(5,9): error TS2339: Property 'token' does not exist on type 'PgTableWithColumns<{ name: \"t\"; b: 2 }>'.",
        "a.ts(6,9): error TS2339: Property 'used' does not exist on type 'PgTableWithColumns<{ name: \"t\"; b: 2 }>'.",
      ].join('\n'),
    );
    expect(newCompileErrors(base, next).map((e) => e.line)).toEqual([6]);
  });

  test('an error on a line the original already fails, with the same code, is not new', () => {
    const base = parseCompileErrors(
      "a.ts(7,3): error TS7053: Element implicitly has an 'any' type because expression of type '0' can't be used to index type '{ backend: string }'.",
    );
    const next = parseCompileErrors(
      "a.ts(7,3): error TS7053: Element implicitly has an 'any' type because expression of type '0' can't be used to index type '{ backend: \"local\" }'.",
    );
    expect(newCompileErrors(base, next)).toEqual([]);
  });

  test('missing properties on a line the original finds not assignable is the same error', () => {
    const base = parseCompileErrors(
      "a.ts(9,7): error TS2322: Type 'SQL<unknown>' is not assignable to type 'Config & { tone?: string }'.",
    );
    const next = parseCompileErrors(
      [
        "a.ts(9,7): error TS2739: Type 'SQL<unknown>' is missing the following properties from type 'Config': model",
        "a.ts(10,7): error TS2739: Type 'SQL<unknown>' is missing the following properties from type 'Timing': delay",
      ].join('\n'),
    );
    expect(newCompileErrors(base, next).map((e) => e.line)).toEqual([10]);
  });

  test('a missing property with a "did you mean" is the same missing property', () => {
    const base = parseCompileErrors(
      "a.ts(13,5): error TS2339: Property 'accountId' does not exist on type '{ actorAId: string }'.",
    );
    const next = parseCompileErrors(
      [
        "a.ts(14,5): error TS2551: Property 'accountId' does not exist on type '{ accountAId: string }'. Did you mean 'accountAId'?",
        "a.ts(15,5): error TS2551: Property 'acountBId' does not exist on type '{ accountBId: string }'. Did you mean 'accountBId'?",
      ].join('\n'),
    );
    expect(newCompileErrors(base, next).map((e) => e.line)).toEqual([15]);
  });

  test('the new error is the one on the line the original does not fail', () => {
    const message = "Type 'string | null' is not assignable to type 'string | undefined'.";
    const base = parseCompileErrors(`a.ts(101,5): error TS2322: ${message}`);
    const next = parseCompileErrors(
      [`a.ts(55,5): error TS2322: ${message}`, `a.ts(101,5): error TS2322: ${message}`].join('\n'),
    );
    expect(newCompileErrors(base, next).map((e) => e.line)).toEqual([55]);
  });

  test('third-party modules become any shims; the app’s relative paths do not', () => {
    const names = missingModules(parseCompileErrors(original));
    expect(names).toEqual(['elysia', 'postgres']);
    expect(moduleShims(names)).toContain("declare module 'elysia';\ndeclare module 'postgres';\n");
  });

  test('the modules to shim are read from the sources: bare, not installed, not built in', () => {
    const sources = [
      "import { Elysia } from 'elysia';\nimport { x } from './local';\nimport fs from 'node:fs';",
      "const r = await import('openai/resources');\nimport { sql } from 'drizzle-orm';",
      // A template in code, not an import: its 'specifier' is an interpolation.
      ['const text = `import a from ', "'$", "{name}'`;"].join(''),
    ];
    const installed = (name: string) => name === 'drizzle-orm';
    const builtIn = (name: string) => name.startsWith('node:');
    expect(importedModulesLacking(sources, installed, builtIn)).toEqual([
      'elysia',
      'openai/resources',
    ]);
    expect(packageOf('@elysiajs/cors/x')).toBe('@elysiajs/cors');
  });

  test('names the symbols @fluxcore/db does not export', () => {
    expect(unresolvedSymbols(parseCompileErrors(next))).toEqual(['assistants', 'sqll']);
  });
});
