/**
 * The monorepo's tasks run through turbo (turbo.json): typecheck and lint in every workspace,
 * cached, typecheck of packages/db before the workspaces that read its declarations; test and
 * db:generate never cached. Asked of turbo itself (`turbo run … --dry=json`), so the check
 * holds what turbo will do, not what the file seems to say.
 */
import { expect, test } from 'bun:test';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { runProcess } from './support/migrations.ts';

const root = resolve(import.meta.dir, '../../..');

interface DryTask {
  taskId: string;
  command: string;
  dependencies: string[];
  resolvedTaskDefinition: { cache: boolean };
}

test('turbo runs typecheck, lint, test and db:generate as turbo.json says', async () => {
  const run = await runProcess(
    [
      join(root, 'node_modules/.bin/turbo'),
      'run',
      'typecheck',
      'lint',
      'test',
      'db:generate',
      '--dry=json',
    ],
    { TURBO_TELEMETRY_DISABLED: '1' },
    root,
  );
  expect(run.code).toBe(0);
  const tasks = new Map(
    (JSON.parse(run.stdout) as { tasks: DryTask[] }).tasks
      .filter((task) => task.command !== '<NONEXISTENT>')
      .map((task) => [task.taskId, task]),
  );
  const workspaces = ['@fluxcore/db', '@fluxcore/api', '@fluxcore/worker', '@fluxcore/bench'];
  for (const workspace of workspaces) {
    const typecheck = tasks.get(`${workspace}#typecheck`);
    expect(typecheck?.command).toBe('tsc -b');
    expect(typecheck?.resolvedTaskDefinition.cache).toBe(true);
    // Project references: the apps and the bench read packages/db's declarations, built first.
    expect(typecheck?.dependencies).toEqual(
      workspace === '@fluxcore/db' ? [] : ['@fluxcore/db#typecheck'],
    );
    expect(tasks.get(`${workspace}#lint`)?.command).toBe('biome check .');
  }
  expect(tasks.get('//#lint:root')?.resolvedTaskDefinition.cache).toBe(true);
  expect(tasks.get('//#test')?.command).toBe('bun packages/db/test/support/test-run.ts');
  expect(tasks.get('//#test')?.resolvedTaskDefinition.cache).toBe(false);
  expect(tasks.get('@fluxcore/db#db:generate')?.resolvedTaskDefinition.cache).toBe(false);
}, 60_000);

test('bun run typecheck and bun run lint go through turbo; the lockfile is bun.lock', () => {
  const { scripts } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
    scripts: Record<string, string>;
  };
  expect(scripts.typecheck).toBe('TURBO_TELEMETRY_DISABLED=1 turbo run typecheck');
  expect(scripts.lint).toBe('TURBO_TELEMETRY_DISABLED=1 turbo run lint');
  expect(readFileSync(join(root, 'bun.lock'), 'utf8')).toContain('"turbo":');
});
