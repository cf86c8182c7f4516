/**
 * `db:generate`: drizzle-kit generate (every argument is passed on: --name, --custom, ...),
 * then the down file of each migration that lacks one, generated from the snapshots.
 */
import { relative } from 'node:path';
import { writeMissingDownFiles } from '../../authoring/down.ts';
import { promptNeedsTerminal, runDrizzleKit } from '../../authoring/tools.ts';
import { FluxDbError } from '../../errors/flux-db-error.ts';
import { consoleIo, type Io, migrationsDir } from '../context.ts';

export interface GenerateFlags {
  /** The arguments as given, passed on to drizzle-kit generate. */
  args: string[];
}

export async function run(flags: GenerateFlags, _config?: unknown, io: Io = consoleIo) {
  const folder = migrationsDir();
  // drizzle-kit asks "renamed or created?" on the terminal; without one it crashes, prints a
  // stack and still exits 0 having written nothing. Without a terminal, run it with pipes and
  // turn that crash into one line.
  const terminal = Boolean(process.stdin.isTTY && process.stdout.isTTY);
  const kit = await runDrizzleKit(['generate', ...flags.args], { interactive: terminal });
  if (!terminal) {
    if (promptNeedsTerminal.test(kit.output)) {
      throw new FluxDbError(
        'USAGE',
        'drizzle-kit generate must ask whether a table or column was renamed or created, and there is no terminal to ask on (nothing was written)',
        'Run bun run db:generate in a terminal and answer it, or write the change yourself: bun run db:generate --custom --name <what_changed>, then put the ALTER TABLE ... RENAME in that file',
      );
    }
    process.stdout.write(kit.output);
  }
  if (kit.code !== 0) return kit.code;
  const result = await writeMissingDownFiles(folder);
  for (const down of result.written) {
    io.log(
      `wrote ${relative(process.cwd(), down.path)} (${down.statements} statement(s), ${down.destructive} marked destructive): review it like the migration`,
    );
  }
  for (const down of result.byHand) {
    io.log(
      `${down.tag} needs its down file written by hand: ${relative(process.cwd(), down.path)}. Reason: ${down.reason}`,
    );
  }
  if (result.written.length === 0 && result.byHand.length === 0) {
    io.log('every migration has its down file');
  }
  return 0;
}
