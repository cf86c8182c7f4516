/**
 * The two command-line tools the migration commands run: drizzle-kit (generate, check), with
 * this package's drizzle.config.ts, and squawk, the migration linter (npm `squawk-cli`, which
 * ships a native binary per platform); and `runProcess`, the one way this repository runs a
 * process to its end (the tests and the benchmarks use it through @fluxcore/db/testing).
 */
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FluxDbError } from '../errors/flux-db-error.ts';

/** packages/db: where drizzle.config.ts and .squawk.toml live. */
export const packageDir = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

const require = createRequire(import.meta.url);

function resolveTool(name: string, locate: () => string): string {
  try {
    return locate();
  } catch {
    throw new FluxDbError(
      'TOOL_MISSING',
      `${name} is not installed in this checkout`,
      'Run bun install at the repository root',
    );
  }
}

/**
 * drizzle-kit's crash when it must ask "renamed or created?" and has no terminal. It still
 * exits 0, so its output is the only sign that it wrote nothing.
 */
export const promptNeedsTerminal = /Interactive prompts require a TTY/;

export interface ProcessRun {
  code: number;
  stdout: string;
  stderr: string;
  /** stdout and stderr together. */
  output: string;
  /** From spawn to exit. */
  ms: number;
}

export interface ProcessOptions {
  cwd?: string;
  /** Added to this process's environment. */
  env?: Record<string, string>;
  /** Share this terminal (stdin, stdout, stderr): nothing is captured then. */
  interactive?: boolean;
}

/** Runs `argv` to its end and returns its exit code and output; stdin is closed unless interactive. */
export async function runProcess(
  argv: string[],
  options: ProcessOptions = {},
): Promise<ProcessRun> {
  const started = performance.now();
  const io = options.interactive ? 'inherit' : 'pipe';
  const child = Bun.spawn(argv, {
    cwd: options.cwd,
    env: { ...process.env, ...options.env },
    stdin: options.interactive ? 'inherit' : 'ignore',
    stdout: io,
    stderr: io,
  });
  const read = (stream: unknown) =>
    stream instanceof ReadableStream ? new Response(stream).text() : Promise.resolve('');
  const [stdout, stderr, code] = await Promise.all([
    read(child.stdout),
    read(child.stderr),
    child.exited,
  ]);
  return { code, stdout, stderr, output: `${stdout}${stderr}`, ms: performance.now() - started };
}

/**
 * Runs drizzle-kit (under Bun, from packages/db so it finds drizzle.config.ts). Interactive runs
 * share the terminal, so a developer can answer drizzle-kit's rename questions; the others get
 * no stdin, so a question fails at once instead of waiting.
 */
export function runDrizzleKit(
  args: string[],
  options: { env?: Record<string, string>; interactive?: boolean } = {},
): Promise<ProcessRun> {
  const bin = resolveTool('drizzle-kit', () =>
    join(dirname(require.resolve('drizzle-kit')), 'bin.cjs'),
  );
  return runProcess([process.execPath, bin, ...args], { ...options, cwd: packageDir });
}

/** Runs squawk with the given arguments from `cwd`. */
export function runSquawk(args: string[], cwd: string): Promise<ProcessRun> {
  const bin = resolveTool('squawk (npm squawk-cli)', () => {
    const launcher = require('squawk-cli/js/index.js') as { getBinaryPath(): string };
    return launcher.getBinaryPath();
  });
  return runProcess([bin, ...args], { cwd });
}
