/**
 * `bun run src/audit-database.ts` (the command the seed documents; `bun run db:audit` from the
 * root): the live database against the schema. Exit 0 when it matches, 1 on any difference
 * (legacy tables excepted), 2 when the audit could not run.
 */

import { auditDatabase } from './audit/audit.ts';
import { paintFor, renderReport } from './audit/report.ts';
import { parseFlags, runCommand } from './commands/run.ts';
import { describeTarget, loadDatabaseConfig, migrationsFolder } from './config.ts';
import { FluxDbError } from './errors.ts';
import { loadMigrations } from './migrator/journal.ts';
import { openSqlSession } from './session.ts';

/** The version of the --json document's shape; bumped on any incompatible change. */
export const auditJsonVersion = 1;

await runCommand(async () => {
  const flags = parseFlags({
    json: { type: 'boolean' },
    table: { type: 'string', multiple: true },
  });
  const config = loadDatabaseConfig(process.env, { applicationName: 'fluxcore-audit' });
  const migrations = loadMigrations(process.env.FLUXCORE_MIGRATIONS_DIR ?? migrationsFolder);
  const session = await openSqlSession(config);
  try {
    process.stderr.write(`auditing ${describeTarget(config)}\n`);
    const report = await auditDatabase(session, { migrations, tables: flags.table });
    const known = new Set(report.tables.map((table) => table.name));
    const unknownTables = (flags.table ?? []).filter((name) => !known.has(name));
    if (unknownTables.length > 0) {
      throw new FluxDbError(
        'USAGE',
        `--table names no table of the schema or the database: ${unknownTables.join(', ')}`,
        'Give a table name as db:audit lists it (bun run db:audit shows them all)',
      );
    }
    if (flags.json) {
      console.log(
        JSON.stringify(
          { version: auditJsonVersion, target: describeTarget(config), ...report },
          null,
          2,
        ),
      );
    } else {
      console.log(renderReport(report, paintFor(process.stdout, process.env)));
    }
    return report.clean ? 0 : 1;
  } finally {
    await session.close();
  }
}, 2);
