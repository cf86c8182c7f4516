/**
 * What every program of the repository does alike with its arguments (the CLI, the API, the
 * worker, the bench): `--help` prints its usage and exits 0; a mistake in the arguments (an
 * unknown flag or command, a bad value) is one line with the fix, "did you mean" on a near
 * miss, and exit code 2 (`usageExitCode`), never 1, which db:audit and db:converge use to say
 * what they found.
 */
import { FluxDbError } from './errors.ts';

/** The exit code of a mistake in a program's arguments, in every program. */
export const usageExitCode = 2;

/** A mistake in the arguments: run-command.ts exits with `usageExitCode`. */
export class UsageError extends FluxDbError {
  readonly exitCode = usageExitCode;

  constructor(message: string, hint?: string) {
    super('USAGE', message, hint);
  }
}

/** Edits (insert, delete, replace, swap two neighbours) from `a` to `b`. */
function distance(a: string, b: string): number {
  const rows = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  const at = (i: number, j: number) => rows[i]?.[j] ?? 0;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, at(i - 2, j - 2) + 1);
      }
      (rows[i] as number[])[j] = best;
    }
  }
  return at(a.length, b.length);
}

/** The known name nearest `word`, when it is a near miss (a typo or a prefix), else undefined. */
export function nearestName(word: string, names: readonly string[]): string | undefined {
  let best: { name: string; edits: number } | undefined;
  for (const name of names) {
    const edits = name.startsWith(word) && word.length >= 3 ? 1 : distance(word, name);
    if (!best || edits < best.edits) best = { name, edits };
  }
  const allowed = Math.max(1, Math.floor((best?.name.length ?? 0) / 3));
  return best && best.edits <= Math.min(allowed, 3) ? best.name : undefined;
}

/** ` (did you mean --dry-run?)`, or nothing when no known name is near. */
export function didYouMean(word: string, names: readonly string[]): string {
  const near = nearestName(word, names);
  return near ? ` (did you mean ${near}?)` : '';
}

export interface ProgramSpec {
  /** How it is run: `bun run --cwd apps/api start`. */
  usage: string;
  /** What it does, one line. */
  summary: string;
  /** Flags besides --help, each with a line of help. */
  flags?: { flag: string; help: string }[];
  /** Lines after the flags: its environment variables, its stop signals. */
  notes?: string[];
}

/** The text `--help` prints. */
export function programHelp(spec: ProgramSpec): string {
  const flags = [...(spec.flags ?? []), { flag: '-h, --help', help: 'print this help' }];
  const width = Math.max(...flags.map((flag) => flag.flag.length));
  return [
    `Usage: ${spec.usage}`,
    '',
    spec.summary,
    '',
    'Options:',
    ...flags.map((flag) => `  ${flag.flag.padEnd(width)}  ${flag.help}`),
    ...(spec.notes?.length ? ['', ...spec.notes] : []),
  ].join('\n');
}

/**
 * For a program that takes no arguments but --help (the API, the worker): true when it printed
 * its help (the caller exits 0); a UsageError for anything else.
 */
export function readNoArguments(
  argv: readonly string[],
  spec: ProgramSpec,
  out: (text: string) => void = (text) => void process.stdout.write(text),
): boolean {
  if (argv.length === 0) return false;
  if (argv.length === 1 && (argv[0] === '--help' || argv[0] === '-h')) {
    out(`${programHelp(spec)}\n`);
    return true;
  }
  const word = argv[0] ?? '';
  const what = word.startsWith('-') ? `Unknown option '${word}'` : `Unexpected argument '${word}'`;
  throw new UsageError(
    `${what}${didYouMean(word, ['--help'])}`,
    `${spec.usage} takes no arguments but --help; its settings are environment variables (--help lists them)`,
  );
}
