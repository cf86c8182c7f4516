/**
 * `bun run bench [--scale N] [--smoke] [--only a,b] [--out DIR]`: every benchmark, ours and its
 * baseline alternated in one run, on the server DATABASE_URL names (default: the local
 * server; each benchmark creates and drops its own `fluxcore_bench_*` databases) and, where it
 * makes sense, on the embedded database. A full run writes bench/results.json and
 * bench/RESULTS.md; a smoke or partial run writes them to $TMPDIR/fluxcore-bench (or --out), so
 * it never replaces the published figures.
 */
import { mkdirSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import {
  didYouMean,
  FluxDbError,
  failureLine,
  type ProgramSpec,
  programHelp,
  UsageError,
  usageExitCode,
} from '@fluxcore/db';
import { auditBenchmark } from './benchmarks/audit.ts';
import { coldStartBenchmark } from './benchmarks/cold-start.ts';
import { convergeBenchmark } from './benchmarks/converge.ts';
import { convergeServingBenchmark } from './benchmarks/converge-serving.ts';
import { deletionBenchmark } from './benchmarks/deletion.ts';
import { gatingBenchmark } from './benchmarks/gating.ts';
import { keysetBenchmark } from './benchmarks/keyset.ts';
import { migrateBenchmark } from './benchmarks/migrate.ts';
import { ragBenchmark } from './benchmarks/rag.ts';
import { ragTenantsBenchmark } from './benchmarks/rag-tenants.ts';
import { rlsBenchmark } from './benchmarks/rls.ts';
import { typecheckBenchmark } from './benchmarks/typecheck.ts';
import { dropLeftoverDatabases, serverConfig } from './databases.ts';
import { BenchmarkError } from './errors.ts';
import { describeMachine, writeResults } from './report.ts';
import { type Benchmark, benchmarkSizes, describeRow, type Row } from './suite.ts';

/** In the order they run: the audit last (it reads a database the others never touch). */
const benchmarks: Benchmark[] = [
  migrateBenchmark,
  coldStartBenchmark,
  typecheckBenchmark,
  keysetBenchmark,
  gatingBenchmark,
  rlsBenchmark,
  ragBenchmark,
  ragTenantsBenchmark,
  deletionBenchmark,
  convergeBenchmark,
  convergeServingBenchmark,
  auditBenchmark,
];

const benchFolder = resolve(dirname(import.meta.dir));

const usageLine = `bun run bench [--scale N] [--smoke] [--only ${benchmarks.map((b) => b.id).join(',')}] [--out DIR] [--seed N]`;

const benchProgram: ProgramSpec = {
  usage: usageLine,
  summary:
    'runs every benchmark on the server (DATABASE_URL, default the local one), ours against a baseline in the same run',
  flags: [
    { flag: '--scale N', help: 'multiplies every data size (default 1)' },
    { flag: '--smoke', help: 'tiny sizes, to prove each benchmark runs (not a measurement)' },
    {
      flag: '--only IDS',
      help: `only these benchmarks, comma-separated: ${benchmarks.map((b) => b.id).join(', ')}`,
    },
    {
      flag: '--out DIR',
      help: 'where results.json and RESULTS.md go (default bench/; $TMPDIR/fluxcore-bench for a smoke or partial run)',
    },
    { flag: '--seed N', help: 'the seed of the generated data (default 20240601)' },
  ],
};

function usage(message: string): UsageError {
  return new UsageError(message, `Usage: ${usageLine}`);
}

const flags = {
  scale: { type: 'string' },
  smoke: { type: 'boolean' },
  only: { type: 'string' },
  out: { type: 'string' },
  seed: { type: 'string' },
} as const;

function parseOptions(argv: string[]) {
  let values: ReturnType<typeof parseArgs<{ options: typeof flags }>>['values'];
  try {
    values = parseArgs({ args: argv, options: flags, strict: true }).values;
  } catch (error) {
    const line = (error as Error).message.split('\n')[0]?.replace(/\.+$/, '') ?? '';
    const unknown = /^Unknown option '([^']+)'/.exec(line)?.[1];
    const known = [...Object.keys(flags).map((name) => `--${name}`), '--help'];
    throw usage(
      unknown
        ? `Unknown option '${unknown}'${didYouMean(unknown, known)}`
        : line.replace(/\. To specify a positional.*$/, '') || 'invalid arguments',
    );
  }
  const scale = values.scale === undefined ? 1 : Number(values.scale);
  if (!Number.isFinite(scale) || scale <= 0) {
    throw usage(`--scale takes a positive number, not "${values.scale}"`);
  }
  const seed = values.seed === undefined ? 20_240_601 : Number(values.seed);
  if (!Number.isSafeInteger(seed)) throw usage(`--seed takes a whole number, not "${values.seed}"`);
  const only = values.only?.split(',').map((id) => id.trim());
  for (const id of only ?? []) {
    if (!benchmarks.some((b) => b.id === id)) {
      const ids = benchmarks.map((b) => b.id);
      throw usage(`there is no benchmark "${id}"${didYouMean(id, ids)}`);
    }
  }
  const smoke = values.smoke ?? false;
  const partial = smoke || only !== undefined;
  const out = values.out
    ? resolve(values.out)
    : partial
      ? join(tmpdir(), 'fluxcore-bench')
      : benchFolder;
  return { scale, seed, smoke, only, out };
}

async function main(): Promise<number> {
  const argv = process.argv.slice(2);
  if (argv.length === 1 && (argv[0] === '--help' || argv[0] === '-h')) {
    console.log(programHelp(benchProgram));
    return 0;
  }
  const options = parseOptions(argv);
  const server = serverConfig();
  const sizes = benchmarkSizes(options.scale, options.smoke);
  const machine = await describeMachine(server);
  console.log(
    `benchmarks on ${machine.cores} cores, ${machine.memoryGiB} GiB, ${machine.cpuModel}; ${machine.postgres}, pgvector ${machine.pgvector}; ${machine.embedded}`,
  );
  console.log(
    `scale ${options.scale}${options.smoke ? ' (smoke)' : ''}, seed ${options.seed}; figures are medians of ours and the baseline, alternated`,
  );
  const rows: Row[] = [];
  const benchmarkMs: Record<string, number> = {};
  const failures: string[] = [];
  const started = performance.now();
  const loadAtStart = loadavg()[0] ?? 0;
  const stop = () => {
    dropLeftoverDatabases().finally(() => process.exit(130));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  for (const benchmark of benchmarks) {
    if (options.only && !options.only.includes(benchmark.id)) continue;
    console.log(`\n${benchmark.id}: ${benchmark.title}`);
    const start = performance.now();
    try {
      const produced = await benchmark.run({
        server,
        sizes,
        seed: options.seed,
        log: (line) => console.log(line),
      });
      for (const row of produced) console.log(`  ${describeRow(row)}`);
      rows.push(...produced);
    } catch (error) {
      const message =
        error instanceof FluxDbError ? error.toLine() : (error as Error).message || String(error);
      failures.push(`${benchmark.id}: ${message}`);
      console.error(`  ${benchmark.id} failed: ${message}`);
      await dropLeftoverDatabases();
    }
    benchmarkMs[benchmark.id] = performance.now() - start;
    console.log(`  (${((performance.now() - start) / 1000).toFixed(1)} s)`);
  }
  const totalMs = performance.now() - started;
  mkdirSync(options.out, { recursive: true });
  const written = writeResults(options.out, machine, rows, {
    scale: options.scale,
    smoke: options.smoke,
    seed: options.seed,
    only: options.only,
    totalMs,
    benchmarkMs,
    failures,
    load: { start: loadAtStart, end: loadavg()[0] ?? 0 },
  });
  console.log(`\nwrote ${written.markdown} and ${written.json} (${(totalMs / 1000).toFixed(0)} s)`);
  if (failures.length > 0) {
    throw new BenchmarkError(
      `${failures.length} benchmark(s) failed: ${failures.join('; ')}`,
      'Fix the cause above and run bun run bench again',
    );
  }
  return 0;
}

// The edge: a failure is one line on stderr (what went wrong, how to fix it), exit code 1; a
// mistake in the arguments exits 2, as in every program of the repository.
main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    const line = error instanceof BenchmarkError ? error.toLine() : failureLine(error);
    process.stderr.write(`error: ${line}\n`);
    process.exit(error instanceof UsageError ? usageExitCode : 1);
  },
);
