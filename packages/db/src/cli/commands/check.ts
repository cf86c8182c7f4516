/** `db:check`: the migrations (squawk, snapshots, down files) and docs/schema being current. */

import { checkMigrations } from '../../authoring/check.ts';
import { checkSite, docsFolder } from '../../docs/site.ts';
import { consoleIo, type Io, migrationsDir } from '../context.ts';

export async function run(_flags: object, _config?: unknown, io: Io = consoleIo) {
  const result = await checkMigrations(migrationsDir());
  await checkSite(result, process.env.FLUXCORE_DOCS_DIR ?? docsFolder);
  for (const line of result.passed) io.log(`ok  ${line}`);
  for (const line of result.problems) io.error(`error: ${line}`);
  io.log(
    result.problems.length === 0
      ? 'db:check passed'
      : `db:check failed: ${result.problems.length} problem(s)`,
  );
  return result.problems.length === 0 ? 0 : 1;
}
