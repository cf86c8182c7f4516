/**
 * The monorepo typecheck, cold: `bun run typecheck` is `tsc -b` over the root tsconfig's
 * project references, so @fluxcore/db is checked once and the apps and the bench read its
 * declarations. The baseline, measured in the same run, is the floor: packages/db checked
 * alone, as an editor does when it opens the package. A ratio near 1 means the other
 * workspaces add little on top of checking the schema once.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { schemaTableNames } from '@fluxcore/db';
import { alternate } from '../measure.ts';
import { repositoryRoot, runProcess } from '../processes.ts';
import { type Benchmark, type Context, durationRow } from '../suite.ts';

const tsc = join(repositoryRoot, 'node_modules/.bin/tsc');
const dbFolder = join(repositoryRoot, 'packages/db');
/** packages/db alone, no output and no incremental state: what a cold editor session checks. */
const dbAloneArgs = [
  '-p',
  'tsconfig.json',
  '--noEmit',
  '--composite',
  'false',
  '--declaration',
  'false',
  '--emitDeclarationOnly',
  'false',
  '--incremental',
  'false',
];

/** Forgets every build output, so that `tsc -b` starts cold. */
function forgetBuild() {
  rmSync(join(dbFolder, '.gen/types'), { recursive: true, force: true });
}

async function timed(args: string[], cwd: string, failures: Set<string>, label: string) {
  const start = performance.now();
  const run = await runProcess([tsc, ...args], { cwd });
  const ms = performance.now() - start;
  if (run.code !== 0) failures.add(label);
  return ms;
}

/** Instantiations and check time of packages/db alone, from the compiler's own diagnostics. */
async function dbDiagnostics() {
  const run = await runProcess([tsc, ...dbAloneArgs, '--extendedDiagnostics'], { cwd: dbFolder });
  const read = (label: string) => run.output.match(new RegExp(`${label}:\\s+([\\d.]+)`))?.[1];
  return {
    instantiations: Number(read('Instantiations') ?? Number.NaN),
    checkSeconds: Number(read('Check time') ?? Number.NaN),
  };
}

export const typecheckBenchmark: Benchmark = {
  id: 'typecheck',
  title: 'monorepo typecheck, cold',
  run: async (context: Context) => {
    const failures = new Set<string>();
    const samples = await alternate(context.sizes.typecheckRounds, {
      ours: async () => {
        forgetBuild();
        return timed(['-b'], repositoryRoot, failures, '`tsc -b` at the root');
      },
      baseline: () => timed(dbAloneArgs, dbFolder, failures, 'packages/db alone'),
    });
    const diagnostics = await dbDiagnostics();
    const row = durationRow(
      {
        benchmark: 'typecheck',
        what: 'typecheck, cold: the whole monorepo (`bun run typecheck`, tsc -b)',
        database: 'none',
        details: { failures: [...failures], packagesDbAlone: diagnostics },
      },
      { label: '`tsc -b`', samples: samples.ours },
      { label: 'packages/db alone', samples: samples.baseline },
    );
    const met = row.ours.value < 15_000;
    row.target = { text: 'tsc < 15 s', met };
    const parts = [
      `TypeScript ${await compilerVersion()}; packages/db alone: ${diagnostics.instantiations.toLocaleString('en')} instantiations, check time ${diagnostics.checkSeconds} s (${schemaTableNames.length} tables of drizzle types), checked once: the other workspaces read its declarations through project references`,
    ];
    if (!met) parts.unshift('Limit: the compiler shares the machine with the rest of the run');
    if (failures.size > 0) {
      parts.push(`type errors were reported (${[...failures].join(', ')}): the tree was mid-edit`);
    }
    row.note = parts.join('. ');
    return [row];
  },
};

async function compilerVersion() {
  const run = await runProcess([tsc, '--version'], { cwd: repositoryRoot });
  return run.output.replace('Version', '').trim();
}
