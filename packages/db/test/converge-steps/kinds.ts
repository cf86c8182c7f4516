/**
 * A kind of change is one module (STYLE.md): every kind of step is a file of
 * src/converge/steps/ named as the kind, exporting the kind, with its test here beside the
 * others (each checks the kind its steps carry); and every kind of data check has exactly one
 * owner. Reads files only: no database.
 */
import { describe, expect, test } from 'bun:test';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { stepKinds } from '../../src/converge/steps/all.ts';
import { stepKindNames } from '../../src/converge/steps/kind.ts';

const steps = resolve(import.meta.dir, '../../src/converge/steps');

describe('each kind of step is one module with its test beside it', () => {
  test('each kind has its file, named as the kind, and its test file', () => {
    const missing = stepKindNames.flatMap((name) => [
      ...(existsSync(resolve(steps, `${name}.ts`)) ? [] : [`src/converge/steps/${name}.ts`]),
      ...(existsSync(resolve(import.meta.dir, `${name}.ts`))
        ? []
        : [`test/converge-steps/${name}.ts`]),
      ...(stepKinds[name].name === name
        ? []
        : [`${name}: its module says ${stepKinds[name].name}`]),
    ]);
    expect(missing).toEqual([]);
  });

  test("the runner runs every kind's test", () => {
    const runner = readFileSync(resolve(import.meta.dir, '../converge-steps.test.ts'), 'utf8');
    expect(
      stepKindNames.filter((name) => !runner.includes(`'./converge-steps/${name}.ts'`)),
    ).toEqual([]);
  });

  test('every file of steps/ is a kind, or the interface and the list of them', () => {
    const files = readdirSync(steps).map((f) => f.replace(/\.ts$/, ''));
    expect(files.filter((f) => !(stepKindNames as readonly string[]).includes(f)).sort()).toEqual([
      'all',
      'kind',
    ]);
  });

  test('every kind of data check has exactly one kind of step that owns it', () => {
    const owners = new Map<string, string[]>();
    for (const kind of Object.values(stepKinds))
      for (const check of Object.keys(kind.checks))
        owners.set(check, [...(owners.get(check) ?? []), kind.name]);
    expect([...owners].filter(([, by]) => by.length !== 1)).toEqual([]);
    expect([...owners.keys()].sort()).toEqual([
      'check',
      'drop-column',
      'drop-schema',
      'drop-table',
      'foreign-key',
      'logic',
      'no-source',
      'not-null',
      'retype',
      'unique',
    ]);
  });
});
