/**
 * The embedded database's cold start: a new process opens PGlite on a new folder and migrates
 * it from empty (what the first `bun run setup` does), against the same open followed by
 * `select 1` (the floor: starting PGlite itself). Each run is its own process, so the WASM
 * module is compiled afresh every time.
 */
import { join } from 'node:path';
import { createEmbeddedFolder, projectMigrations } from '../databases.ts';
import { alternate, formatMs, median } from '../measure.ts';
import { runChecked } from '../processes.ts';
import { type Benchmark, type Context, durationRow } from '../suite.ts';

const probe = join(import.meta.dir, '..', 'cold-start-probe.ts');

interface ProbeResult {
  openMs: number;
  totalMs: number;
  processMs: number;
  /** After a migrate: a later start, opening the now-migrated folder and running select 1. */
  reopenMs?: number;
}

async function runProbe(mode: 'migrate' | 'select', dataDir: string): Promise<ProbeResult> {
  const run = await runChecked(['bun', 'run', probe, mode, dataDir]);
  // The probe's report is its JSON line; a new folder is also announced ("creating …") on stderr.
  const report = run.output
    .trim()
    .split('\n')
    .findLast((line) => line.startsWith('{'));
  const reported = JSON.parse(report ?? '{}') as ProbeResult;
  return { openMs: reported.openMs, totalMs: reported.totalMs, processMs: run.ms };
}

async function coldStart(mode: 'migrate' | 'select'): Promise<ProbeResult> {
  const folder = createEmbeddedFolder(`cold-${mode}`);
  try {
    const result = await runProbe(mode, folder.dataDir);
    if (mode === 'migrate') result.reopenMs = (await runProbe('select', folder.dataDir)).totalMs;
    return result;
  } finally {
    folder.remove();
  }
}

export const coldStartBenchmark: Benchmark = {
  id: 'cold-start',
  title: 'embedded database cold start',
  run: async (context: Context) => {
    const samples = await alternate(context.sizes.coldStartRounds, {
      ours: () => coldStart('migrate'),
      baseline: () => coldStart('select'),
    });
    const total = (results: ProbeResult[]) => results.map((r) => r.totalMs);
    return [
      durationRow(
        {
          benchmark: 'cold-start',
          what: `embedded cold start: open PGlite on a new folder, then migrate from empty (${projectMigrations.length} migrations)`,
          database: 'embedded',
          target: { text: 'report' },
          note: `a new process and a new folder each round (PGlite creates the cluster: most of the time), timed from open to done; whole processes ${formatMs(median(samples.ours.map((r) => r.processMs)))} against ${formatMs(median(samples.baseline.map((r) => r.processMs)))}; a later start (reopen the migrated folder + select 1) takes ${formatMs(median(samples.ours.map((r) => r.reopenMs ?? Number.NaN)))}`,
          details: {
            openMs: {
              ours: median(samples.ours.map((r) => r.openMs)),
              baseline: median(samples.baseline.map((r) => r.openMs)),
            },
            processMs: {
              ours: samples.ours.map((r) => r.processMs),
              baseline: samples.baseline.map((r) => r.processMs),
            },
            reopenMs: samples.ours.map((r) => r.reopenMs),
          },
        },
        { label: 'open + `migrate()`', samples: total(samples.ours) },
        { label: 'open + `select 1`', samples: total(samples.baseline) },
      ),
    ];
  },
};
