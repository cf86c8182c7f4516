/**
 * What a benchmark is and what it reports. Each benchmark returns rows of the results table:
 * ours, the baseline, their ratio, the target and whether it was met, with a note on what
 * limits a miss.
 */
import type { ServerConfig } from './databases.ts';
import { formatMs, median } from './measure.ts';

export interface Sizes {
  migrateRounds: number;
  migrateEmbeddedRounds: number;
  auditRounds: number;
  typecheckRounds: number;
  keysetTableRows: number;
  keysetConversationRows: number;
  keysetEmbeddedTableRows: number;
  keysetEmbeddedConversationRows: number;
  keysetQueries: number;
  gatingClients: number;
  gatingCallsPerClient: number;
  gatingRounds: number;
  ragChunks: number;
  ragEmbeddedChunks: number;
  ragQueries: number;
  ragTenantStores: number;
  ragTenantChunks: number;
  /** Queries per store-size bucket. */
  ragTenantQueries: number;
  /** The index threshold for the run; 0 keeps the package's default. */
  ragTenantIndexAt: number;
  deletionAccounts: number;
  coldStartRounds: number;
  convergeMessages: number;
  convergeRounds: number;
  /** Messages of the May-lineage database served while it changes (converge-serving). */
  servingMessages: number;
  /** How long the clients run at rest before each change, for the baseline. */
  servingRestMs: number;
}

/**
 * Sizes at `--scale 1` fit this 2-core machine in under 10 minutes in total. Data sizes scale
 * with `--scale`; round counts do not. `--smoke` takes tiny sizes, to prove every benchmark
 * still runs (CI), not to measure.
 */
export function benchmarkSizes(scale: number, smoke: boolean): Sizes {
  if (smoke) {
    return {
      migrateRounds: 1,
      migrateEmbeddedRounds: 1,
      auditRounds: 1,
      typecheckRounds: 1,
      keysetTableRows: 3_000,
      keysetConversationRows: 500,
      keysetEmbeddedTableRows: 1_000,
      keysetEmbeddedConversationRows: 200,
      keysetQueries: 20,
      gatingClients: 16,
      gatingCallsPerClient: 3,
      gatingRounds: 1,
      ragChunks: 300,
      ragEmbeddedChunks: 100,
      ragQueries: 3,
      ragTenantStores: 30,
      ragTenantChunks: 3_000,
      ragTenantQueries: 6,
      ragTenantIndexAt: 300,
      deletionAccounts: 4,
      coldStartRounds: 1,
      convergeMessages: 500,
      convergeRounds: 1,
      servingMessages: 3_000,
      servingRestMs: 500,
    };
  }
  const scaled = (n: number, min = 1) => Math.max(min, Math.round(n * scale));
  return {
    migrateRounds: 5,
    migrateEmbeddedRounds: 3,
    auditRounds: 15,
    typecheckRounds: 3,
    keysetTableRows: scaled(1_000_000, 1_000),
    keysetConversationRows: scaled(100_000, 100),
    keysetEmbeddedTableRows: scaled(100_000, 1_000),
    keysetEmbeddedConversationRows: scaled(10_000, 100),
    keysetQueries: 400,
    gatingClients: 16,
    gatingCallsPerClient: scaled(40, 2),
    gatingRounds: 3,
    ragChunks: scaled(50_000, 100),
    ragEmbeddedChunks: scaled(2_000, 100),
    ragQueries: 30,
    ragTenantStores: 1_000,
    ragTenantChunks: scaled(200_000, 1_000),
    ragTenantQueries: 100,
    ragTenantIndexAt: 0,
    deletionAccounts: scaled(200, 4),
    coldStartRounds: 3,
    convergeMessages: scaled(100_000, 500),
    convergeRounds: 3,
    servingMessages: scaled(1_000_000, 3_000),
    servingRestMs: 3_000,
  };
}

export interface Context {
  server: ServerConfig;
  sizes: Sizes;
  /** One seed for every generator, so every run reads the same data. */
  seed: number;
  log(line: string): void;
}

export interface Figure {
  /** What ran, e.g. "`db:migrate` (CLI)". */
  label: string;
  /** The median (or the single figure) in `unit`. */
  value: number;
  unit: 'ms' | 'calls/s' | 'jobs/s';
  samples?: number[];
  /** Shown after the value, e.g. the recall a latency was bought with. */
  extra?: string;
}

export interface Target {
  text: string;
  /** Undefined where the target only asks to report. */
  met?: boolean;
}

export interface Row {
  benchmark: string;
  /** The table's "what": the operation and the data size. */
  what: string;
  database: 'server' | 'embedded' | 'none';
  ours: Figure;
  baseline?: Figure;
  /** ours ÷ baseline, of durations or of rates (the row's `ratioOf` says which). */
  ratio?: number;
  ratioOf?: 'time' | 'throughput' | 'p50 latency';
  /** The lowest and highest ratio of single rounds, where there are a few paired rounds. */
  roundRatios?: { low: number; high: number };
  target?: Target;
  /** Sizes, method, and for a miss what limits it. */
  note?: string;
  details?: Record<string, unknown>;
}

export interface Benchmark {
  id: string;
  title: string;
  run(context: Context): Promise<Row[]>;
}

/**
 * The spread of the ratio over paired rounds (ours and the baseline of one round ran back to
 * back), so a reader sees whether a ratio near a target is signal or noise. Only for
 * rounds of whole runs (the audit alternates 15): with hundreds of single queries the median
 * says it better.
 */
export function roundRatios(
  ours: readonly number[],
  baseline: readonly number[],
): Row['roundRatios'] {
  if (ours.length !== baseline.length || ours.length < 2 || ours.length > 20) return undefined;
  const ratios = ours.map((value, i) => value / (baseline[i] ?? Number.NaN));
  return { low: Math.min(...ratios), high: Math.max(...ratios) };
}

/** A row comparing two sets of durations by their medians. */
export function durationRow(
  base: Omit<Row, 'ours' | 'baseline' | 'ratio' | 'ratioOf'>,
  ours: { label: string; samples: number[] },
  baseline: { label: string; samples: number[] },
  ratioOf: 'time' | 'p50 latency' = 'time',
): Row {
  const oursMedian = median(ours.samples);
  const baselineMedian = median(baseline.samples);
  return {
    ...base,
    ours: { label: ours.label, value: oursMedian, unit: 'ms', samples: ours.samples },
    baseline: {
      label: baseline.label,
      value: baselineMedian,
      unit: 'ms',
      samples: baseline.samples,
    },
    ratio: oursMedian / baselineMedian,
    ratioOf,
    roundRatios: roundRatios(ours.samples, baseline.samples),
  };
}

export function formatFigure(figure: Figure): string {
  // NaN: nothing was measured (a mode the tool does not have yet); `extra` says why.
  if (Number.isNaN(figure.value)) return figure.extra ?? 'not available';
  const value =
    figure.unit === 'ms'
      ? formatMs(figure.value)
      : `${figure.value.toFixed(figure.value >= 100 ? 0 : 1)} ${figure.unit}`;
  return figure.extra ? `${value}, ${figure.extra}` : value;
}

/** One line per row for the terminal, as each benchmark finishes. */
export function describeRow(row: Row): string {
  const parts = [`${row.what} [${row.database}]: ours ${formatFigure(row.ours)}`];
  if (row.baseline) parts.push(`baseline ${formatFigure(row.baseline)}`);
  if (row.ratio !== undefined) parts.push(`ratio ${row.ratio.toFixed(2)}`);
  if (row.target) {
    parts.push(
      `${row.target.text}: ${row.target.met === undefined ? 'reported' : row.target.met ? 'met' : 'MISSED'}`,
    );
  }
  return parts.join(' · ');
}
