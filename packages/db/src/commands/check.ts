import { migrationsFolder } from '../config.ts';
import { checkSite, docsFolder } from '../docs/site.ts';
import { checkMigrations } from '../migrator/check.ts';
import { parseFlags, runCommand } from './run.ts';

await runCommand(async () => {
  parseFlags({});
  const result = await checkMigrations(process.env.FLUXCORE_MIGRATIONS_DIR ?? migrationsFolder);
  await checkSite(result, process.env.FLUXCORE_DOCS_DIR ?? docsFolder);
  for (const line of result.passed) console.log(`ok  ${line}`);
  for (const line of result.problems) console.error(`error: ${line}`);
  console.log(
    result.problems.length === 0
      ? 'db:check passed'
      : `db:check failed: ${result.problems.length} problem(s)`,
  );
  return result.problems.length === 0 ? 0 : 1;
});
