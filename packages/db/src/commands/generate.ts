/**
 * `db:generate`: drizzle-kit generate (every argument is passed on: --name, --custom, ...),
 * then the down file of each migration that lacks one, generated from the snapshots.
 */
import { relative } from 'node:path';
import { migrationsFolder } from '../config.ts';
import { writeMissingDownFiles } from '../migrator/down.ts';
import { runDrizzleKit } from '../migrator/tools.ts';
import { runCommand } from './run.ts';

await runCommand(async () => {
  const folder = process.env.FLUXCORE_MIGRATIONS_DIR ?? migrationsFolder;
  const kit = await runDrizzleKit(['generate', ...process.argv.slice(2)], { interactive: true });
  if (kit.code !== 0) return kit.code;
  const result = await writeMissingDownFiles(folder);
  for (const down of result.written) {
    console.log(
      `wrote ${relative(process.cwd(), down.path)} (${down.statements} statement(s), ${down.destructive} marked destructive): review it like the migration`,
    );
  }
  for (const down of result.byHand) {
    console.log(
      `${down.tag} needs its down file written by hand: ${relative(process.cwd(), down.path)}. Reason: ${down.reason}`,
    );
  }
  if (result.written.length === 0 && result.byHand.length === 0) {
    console.log('every migration has its down file');
  }
  return 0;
});
