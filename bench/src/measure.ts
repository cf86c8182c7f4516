/**
 * Timing on a shared, noisy machine: ours and the baseline run alternately in one run (the
 * order flips every round, so a drift in the machine's load falls on both), and the figures
 * are medians and their ratio, never a single absolute time.
 */

export function now(): number {
  return performance.now();
}

export async function timed(run: () => Promise<unknown>): Promise<number> {
  const start = now();
  await run();
  return now() - start;
}

export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = (p / 100) * (sorted.length - 1);
  const low = Math.floor(rank);
  const high = Math.ceil(rank);
  const lowValue = sorted[low] ?? Number.NaN;
  const highValue = sorted[high] ?? Number.NaN;
  return lowValue + (highValue - lowValue) * (rank - low);
}

export const median = (samples: readonly number[]) => percentile(samples, 50);

export interface Pair<T> {
  ours: T;
  baseline: T;
}

/**
 * Runs `rounds` rounds of ours and the baseline, flipping which goes first each round, and
 * returns every sample of each. A sample is whatever the step returns (a duration, a rate).
 */
export async function alternate<T>(
  rounds: number,
  steps: { ours: (round: number) => Promise<T>; baseline: (round: number) => Promise<T> },
): Promise<Pair<T[]>> {
  const samples: Pair<T[]> = { ours: [], baseline: [] };
  for (let round = 0; round < rounds; round++) {
    const order: (keyof Pair<T>)[] = round % 2 === 0 ? ['ours', 'baseline'] : ['baseline', 'ours'];
    for (const side of order) samples[side].push(await steps[side](round));
  }
  return samples;
}

/** Runs `rounds` rounds of several named variants, rotating which goes first. */
export async function rotate<K extends string, T>(
  rounds: number,
  steps: Record<K, (round: number) => Promise<T>>,
): Promise<Record<K, T[]>> {
  const names = Object.keys(steps) as K[];
  const samples = Object.fromEntries(names.map((name) => [name, [] as T[]])) as Record<K, T[]>;
  for (let round = 0; round < rounds; round++) {
    for (let i = 0; i < names.length; i++) {
      const name = names[(round + i) % names.length] as K;
      samples[name].push(await steps[name](round));
    }
  }
  return samples;
}

export function formatMs(ms: number): string {
  if (ms >= 10_000) return `${(ms / 1000).toFixed(1)} s`;
  if (ms >= 1000) return `${(ms / 1000).toFixed(2)} s`;
  if (ms >= 10) return `${ms.toFixed(0)} ms`;
  if (ms >= 1) return `${ms.toFixed(2)} ms`;
  return `${(ms * 1000).toFixed(0)} µs`;
}

export function formatRate(perSecond: number, unit: string): string {
  return `${perSecond >= 100 ? perSecond.toFixed(0) : perSecond.toFixed(1)} ${unit}/s`;
}
