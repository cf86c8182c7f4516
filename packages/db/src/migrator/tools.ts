/**
 * The two command-line tools the migration commands run: drizzle-kit (generate, check), with
 * this package's drizzle.config.ts, and squawk, the migration linter (npm `squawk-cli`, which
 * ships a native binary per platform).
 */
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FluxDbError } from '../errors.ts';

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

export interface ToolRun {
  code: number;
  /** stdout and stderr together, in the order they were read. */
  output: string;
}

/**
 * Runs drizzle-kit (under Bun, from packages/db so it finds drizzle.config.ts). Interactive runs
 * share the terminal, so a developer can answer drizzle-kit's rename questions; the others get
 * no stdin, so a question fails at once instead of waiting.
 */
export async function runDrizzleKit(
  args: string[],
  options: { env?: Record<string, string>; interactive?: boolean } = {},
): Promise<ToolRun> {
  const bin = resolveTool('drizzle-kit', () =>
    join(dirname(require.resolve('drizzle-kit')), 'bin.cjs'),
  );
  const child = Bun.spawn([process.execPath, bin, ...args], {
    cwd: packageDir,
    env: { ...process.env, ...options.env },
    stdin: options.interactive ? 'inherit' : 'ignore',
    stdout: options.interactive ? 'inherit' : 'pipe',
    stderr: options.interactive ? 'inherit' : 'pipe',
  });
  return collect(child);
}

/** Runs squawk with the given arguments from `cwd`. */
export async function runSquawk(args: string[], cwd: string): Promise<ToolRun> {
  const bin = resolveTool('squawk (npm squawk-cli)', () => {
    const launcher = require('squawk-cli/js/index.js') as { getBinaryPath(): string };
    return launcher.getBinaryPath();
  });
  const child = Bun.spawn([bin, ...args], {
    cwd,
    stdin: 'ignore',
    stdout: 'pipe',
    stderr: 'pipe',
  });
  return collect(child);
}

async function collect(child: Bun.Subprocess): Promise<ToolRun> {
  const read = (stream: unknown) =>
    stream instanceof ReadableStream ? new Response(stream).text() : Promise.resolve('');
  const [stdout, stderr, code] = await Promise.all([
    read(child.stdout),
    read(child.stderr),
    child.exited,
  ]);
  return { code, output: `${stdout}${stderr}` };
}
