/**
 * The monorepo typecheck, cold: `tsc -p tsconfig.json` in every workspace that has a
 * typecheck script (what `bun run typecheck` has turbo run), all at once as turbo runs them,
 * with no cache (the tsconfigs are not incremental, and turbo's cache is not involved),
 * against TypeScript's native compiler (`tsgo`, @typescript/native-preview) run the same way
 * over the same tsconfigs.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { schemaTableNames } from '@fluxcore/db';
import { alternate } from '../measure.ts';
import { type ProcessRun, repositoryRoot, runProcess } from '../processes.ts';
import { type Benchmark, type Context, durationRow } from '../suite.ts';

/** Every workspace the root package.json lists that has a typecheck script and a tsconfig. */
export function typecheckedWorkspaces(): string[] {
  const root = JSON.parse(readFileSync(join(repositoryRoot, 'package.json'), 'utf8')) as {
    workspaces: string[];
  };
  const found: string[] = [];
  for (const pattern of root.workspaces) {
    for (const manifest of new Bun.Glob(`${pattern}/package.json`).scanSync(repositoryRoot)) {
      const folder = manifest.slice(0, -'/package.json'.length);
      const scripts = (
        JSON.parse(readFileSync(join(repositoryRoot, manifest), 'utf8')) as {
          scripts?: Record<string, string>;
        }
      ).scripts;
      if (scripts?.typecheck && existsSync(join(repositoryRoot, folder, 'tsconfig.json'))) {
        found.push(folder);
      }
    }
  }
  return found.sort();
}

const compilers = {
  tsc: join(repositoryRoot, 'node_modules/.bin/tsc'),
  tsgo: join(repositoryRoot, 'node_modules/.bin/tsgo'),
};

/** One compiler over every workspace at once; the wall time until the last one finishes. */
async function typecheckAll(compiler: keyof typeof compilers, workspaces: string[]) {
  const start = performance.now();
  const runs: ProcessRun[] = await Promise.all(
    workspaces.map((folder) =>
      runProcess([compilers[compiler], '-p', 'tsconfig.json'], {
        cwd: join(repositoryRoot, folder),
      }),
    ),
  );
  const ms = performance.now() - start;
  const failed = workspaces.filter((_, i) => runs[i]?.code !== 0);
  return { ms, failed };
}

export const typecheckBenchmark: Benchmark = {
  id: 'typecheck',
  title: 'monorepo typecheck, cold',
  run: async (context: Context) => {
    const all = typecheckedWorkspaces();
    const workspaces = context.sizes.typecheckAllWorkspaces ? all : all.slice(0, 1);
    const failures = new Set<string>();
    const samples = await alternate(context.sizes.typecheckRounds, {
      ours: async () => {
        const run = await typecheckAll('tsc', workspaces);
        for (const folder of run.failed) failures.add(`tsc in ${folder}`);
        return run.ms;
      },
      baseline: async () => {
        const run = await typecheckAll('tsgo', workspaces);
        for (const folder of run.failed) failures.add(`tsgo in ${folder}`);
        return run.ms;
      },
    });
    const row = durationRow(
      {
        benchmark: 'typecheck',
        what: `typecheck, cold: ${workspaces.length} workspace(s) (${workspaces.join(', ')}) at once`,
        database: 'none',
        details: { workspaces, failures: [...failures] },
      },
      { label: '`tsc`', samples: samples.ours },
      { label: '`tsgo` (native preview)', samples: samples.baseline },
    );
    const met = row.ours.value < 15_000;
    row.target = { text: 'report both; tsc < 15 s', met };
    const parts: string[] = [];
    if (!context.sizes.typecheckAllWorkspaces) parts.push('smoke: one workspace only');
    parts.push(
      `${met ? '' : 'Limit: '}${workspaces.length} compiler processes share ${navigator.hardwareConcurrency} cores, and each one checks @fluxcore/db's sources again (${schemaTableNames.length} tables of drizzle types), because the workspaces import the package as source; tsgo does the same work ${(row.ratio ?? 0).toFixed(1)}× faster`,
    );
    if (failures.size > 0) {
      parts.push(`type errors were reported (${[...failures].join(', ')}): the tree was mid-edit`);
    }
    row.note = parts.join('. ');
    return [row];
  },
};
