/**
 * Auditing the full schema: `db:audit` (the command packages/db's script names, run as one
 * Bun process) against `pg_dump --schema-only` on the same freshly migrated database, both
 * timed from spawn to exit. pg_dump only dumps the catalog; the audit also compares it with
 * the schema objects and the journal, so this is the price of an answer against the price of
 * reading the catalog.
 *
 * Server only: pg_dump cannot reach an embedded (in-process) database.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openSqlSession } from '@fluxcore/db';
import { auditDatabase } from '@fluxcore/db/migrator';
import { createMigratedServerDatabase, projectMigrations } from '../databases.ts';
import { alternate, formatMs, median } from '../measure.ts';
import { packageDir, runChecked, runProcess } from '../processes.ts';
import { type Benchmark, type Context, durationRow, type Row } from '../suite.ts';

/** The command packages/db's `db:audit` script runs, e.g. `bun src/cli/main.ts audit`. */
function auditCommand(): string[] {
  const manifest = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as {
    scripts?: Record<string, string>;
  };
  const script = manifest.scripts?.['db:audit'];
  if (!script) throw new Error('packages/db has no db:audit script');
  return script.split(/\s+/);
}

async function run(context: Context): Promise<Row> {
  const database = await createMigratedServerDatabase(context.server, 'audit');
  try {
    const command = auditCommand();
    const exitCodes = new Set<number>();
    const samples = await alternate(context.sizes.auditRounds, {
      ours: async () => {
        const result = await runProcess(command, { cwd: packageDir, env: database.env });
        // 0: clean, 1: differences found; both are a finished audit. 2: it could not run.
        if (result.code > 1) {
          throw new Error(
            `${command.join(' ')} exited with ${result.code}: ${result.output.trim().split('\n').at(-1)}`,
          );
        }
        exitCodes.add(result.code);
        return result.ms;
      },
      baseline: async () =>
        (
          await runChecked(['pg_dump', '--schema-only', '--no-owner', '-d', database.config.url], {
            env: database.env,
          })
        ).ms,
    });
    // Where the time goes: the audit itself in this (warm) process, on a new server backend
    // (its first catalog reads) and again on the same one (warm).
    const onNewBackend: number[] = [];
    const inProcess: number[] = [];
    let clean = false;
    for (let i = 0; i < context.sizes.auditRounds; i++) {
      const session = await openSqlSession(database.config);
      try {
        for (const samples of [onNewBackend, inProcess]) {
          const start = performance.now();
          const report = await auditDatabase(session, { migrations: projectMigrations });
          samples.push(performance.now() - start);
          clean = report.clean;
        }
      } finally {
        await session.close();
      }
    }
    const processMs = async (code: string) => {
      const runs: number[] = [];
      for (let i = 0; i < 3; i++) {
        runs.push(
          (await runChecked(['bun', '-e', code], { cwd: packageDir, env: database.env })).ms,
        );
      }
      return median(runs);
    };
    const emptyBun = await processMs('0');
    // What the command loads before its first query: the CLI and the audit command's modules
    // (the catalog reader, the journal; neither commander, zod, pg, drizzle nor the schema).
    // The comparison's modules and the snapshot load while the server reads the catalog.
    const auditModules =
      (await processMs(
        "await import('./src/cli/main.ts'); await import('./src/cli/commands/audit.ts')",
      )) - emptyBun;
    // Opening the connection the command opens: Bun's SQL client, and a new server backend.
    const connect =
      (await processMs(
        "const { SQL } = await import('bun'); const sql = new SQL(process.env.DATABASE_URL, { max: 1 }); await sql.connect(); await sql.close()",
      )) - emptyBun;
    const row = durationRow(
      {
        benchmark: 'audit',
        what: `audit the full schema (${projectMigrations.length} migrations applied)`,
        database: 'server',
        details: {
          exitCodes: [...exitCodes],
          clean,
          inProcessMs: inProcess,
          newBackendMs: onNewBackend,
          emptyBunMs: emptyBun,
          auditModulesMs: auditModules,
          connectMs: connect,
        },
      },
      { label: '`db:audit`', samples: samples.ours },
      { label: '`pg_dump --schema-only`', samples: samples.baseline },
    );
    const met = (row.ratio ?? Number.POSITIVE_INFINITY) <= 0.5;
    row.target = { text: 'ratio ≤ 0.5', met };
    const facts = `the audit itself takes ${formatMs(median(onNewBackend))} on a new server backend and ${formatMs(median(inProcess))} on the same one again${clean ? '' : ' (it reported differences on a freshly migrated database)'}`;
    row.note = met
      ? facts
      : `Limit: a new process, a new connection and a new server backend, not the comparison. Of the command's ${formatMs(row.ours.value)}, ${formatMs(emptyBun)} go to starting Bun, ${formatMs(auditModules)} to the modules it loads before its first query (the CLI, the catalog reader, the journal: no commander, zod, pg, drizzle-kit, drizzle or schema), ${formatMs(connect)} to opening Bun's SQL client and a new backend, and the rest to reading and hashing the migrations, to the catalog read (one batch, which the new backend answers while the process parses the last snapshot and loads the comparison) and to comparing; ${facts}: a new backend first reads every catalog row its deparse functions need (pg_get_constraintdef, pg_get_expr, format_type) into its caches, as pg_dump's backend does, and pg_dump is one small C program`;
    return row;
  } finally {
    await database.drop();
  }
}

export const auditBenchmark: Benchmark = {
  id: 'audit',
  title: 'audit the full schema',
  run: async (context) => [await run(context)],
};
