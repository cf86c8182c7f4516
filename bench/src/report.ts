/**
 * The outputs of a run: the machine it ran on, results.json (every sample) and RESULTS.md (the
 * table the README shows).
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { availableParallelism, cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { createDb, type DatabaseClient } from '@fluxcore/db';
import type { ServerConfig } from './databases.ts';
import { formatFigure, type Row } from './suite.ts';

export interface Machine {
  date: string;
  cores: number;
  memoryGiB: number;
  cpuModel: string;
  postgres: string;
  pgvector: string;
  embedded: string;
  bun: string;
  commit: string;
}

/** The checked-out commit, and whether tracked files differ from it (as they do mid-work). */
function describeCommit(): string {
  try {
    const git = (...args: string[]) => execFileSync('git', args, { encoding: 'utf8' }).trim();
    const commit = git('rev-parse', '--short', 'HEAD');
    return git('status', '--porcelain', '--untracked-files=no')
      ? `${commit} with uncommitted changes`
      : commit;
  } catch {
    return 'unknown';
  }
}

/** The CPU's model name: lscpu's when there is one, else what the kernel reports. */
function cpuModel(): string {
  const fromLscpu = (() => {
    try {
      const line = execFileSync('lscpu', { encoding: 'utf8' })
        .split('\n')
        .find((l) => l.startsWith('Model name:'));
      return line?.slice('Model name:'.length).trim();
    } catch {
      return undefined;
    }
  })();
  return fromLscpu || cpus()[0]?.model || 'unknown';
}

/** PostgreSQL's and pgvector's versions as the database reports them. */
async function versions(client: DatabaseClient): Promise<{ postgres: string; pgvector: string }> {
  try {
    // PGlite's version() also names PGlite: "PostgreSQL 18.6 (PGlite 0.5.14) on wasm32-…".
    const [row] = await client.query<{ version: string; pgvector: string | null }>(
      `select version(),
              (select default_version from pg_available_extensions where name = 'vector') as pgvector`,
    );
    const version = row?.version ?? '';
    const [, postgres, pglite] = /PostgreSQL (\S+)(?: \(PGlite ([^)]+)\))?/.exec(version) ?? [];
    return {
      postgres: pglite ? `PGlite ${pglite} (PostgreSQL ${postgres})` : `PostgreSQL ${postgres}`,
      pgvector: row?.pgvector ?? 'not installed',
    };
  } finally {
    await client.close();
  }
}

export async function describeMachine(server: ServerConfig): Promise<Machine> {
  const onServer = await versions(await createDb(server, { poolMax: 1 }));
  const embedded = await versions(
    await createDb({ kind: 'embedded', dataDir: 'memory://', applicationName: 'fluxcore-bench' }),
  );
  return {
    date: new Date().toISOString(),
    cores: availableParallelism(),
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    cpuModel: cpuModel(),
    postgres: onServer.postgres,
    pgvector: onServer.pgvector,
    embedded: `${embedded.postgres}, pgvector ${embedded.pgvector}`,
    bun: Bun.version,
    commit: describeCommit(),
  };
}

function resultCell(row: Row): string {
  if (!row.target) return row.note ?? '';
  if (row.target.met === undefined) return `reported${row.note ? `: ${row.note}` : ''}`;
  if (row.target.met) return `met${row.note ? `: ${row.note}` : ''}`;
  return `**MISSED**${row.note ? `: ${row.note}` : ''}`;
}

function cell(text: string): string {
  return text.replaceAll('|', '\\|').replaceAll('\n', ' ');
}

export function renderTable(rows: Row[]): string {
  const lines = [
    '| what | database | ours | baseline | ratio | target | result |',
    '|---|---|---|---|---|---|---|',
  ];
  for (const row of rows) {
    const ours = `${row.ours.label}: ${formatFigure(row.ours)}`;
    const baseline = row.baseline ? `${row.baseline.label}: ${formatFigure(row.baseline)}` : '—';
    const ratio =
      row.ratio === undefined
        ? '—'
        : `${row.ratio.toFixed(2)} (${[
            row.ratioOf,
            row.roundRatios &&
              `rounds ${row.roundRatios.low.toFixed(2)}–${row.roundRatios.high.toFixed(2)}`,
          ]
            .filter(Boolean)
            .join('; ')})`;
    lines.push(
      `| ${[row.what, row.database, ours, baseline, ratio, row.target?.text ?? '—', resultCell(row)]
        .map(cell)
        .join(' | ')} |`,
    );
  }
  return lines.join('\n');
}

export function renderMachine(machine: Machine): string {
  return [
    `- date: ${machine.date}`,
    `- machine: ${machine.cores} cores (nproc), ${machine.memoryGiB} GiB memory, ${machine.cpuModel}`,
    `- server: ${machine.postgres}, pgvector ${machine.pgvector}`,
    `- embedded: ${machine.embedded}`,
    `- Bun ${machine.bun}, commit ${machine.commit}`,
  ].join('\n');
}

export interface RunSettings {
  scale: number;
  smoke: boolean;
  seed: number;
  only: string[] | undefined;
  totalMs: number;
  benchmarkMs: Record<string, number>;
  /** Benchmarks that failed, with their error: named in the results, never left out silently. */
  failures: string[];
  /** The 1-minute load average before and after: how much else the machine was running. */
  load: { start: number; end: number };
}

export function renderMarkdown(machine: Machine, rows: Row[], settings: RunSettings): string {
  const took = Object.entries(settings.benchmarkMs)
    .map(([id, ms]) => `${id} ${(ms / 1000).toFixed(0)} s`)
    .join(', ');
  return `# Benchmark results

Written by \`bun run bench\` (bench/src/main.ts): do not edit by hand. Every figure is the
median of runs of ours and the baseline alternated in the same run, on the same data; ratios
are ours ÷ baseline (below 1 is faster for times; above 1 is faster for throughputs).

${renderMachine(machine)}
- run: scale ${settings.scale}${settings.smoke ? ' (smoke: tiny sizes, not a measurement)' : ''}, seed ${settings.seed}, ${(settings.totalMs / 1000).toFixed(0)} s in total (${took}); load average ${settings.load.start.toFixed(1)} before, ${settings.load.end.toFixed(1)} after (the machine is shared: ratios hold, absolute times vary)

${renderTable(rows)}
${settings.failures.length > 0 ? `\n**Failed** (no figures): ${settings.failures.join('; ')}\n` : ''}`;
}

export function writeResults(
  folder: string,
  machine: Machine,
  rows: Row[],
  settings: RunSettings,
): { json: string; markdown: string } {
  const json = join(folder, 'results.json');
  const markdown = join(folder, 'RESULTS.md');
  writeFileSync(json, `${JSON.stringify({ machine, settings, rows }, null, 2)}\n`);
  writeFileSync(markdown, renderMarkdown(machine, rows, settings));
  return { json, markdown };
}
