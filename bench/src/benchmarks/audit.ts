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

/**
 * The command packages/db's `db:audit` script runs, as `bun run` runs it: its leading
 * `NAME=value` words set the environment (`BUN_JSC_useBaselineJIT=0 BUN_JSC_useDFGJIT=0`), the rest is the command
 * (`bun src/cli/main.ts audit`).
 */
function auditCommand(): { argv: string[]; env: Record<string, string> } {
  const manifest = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as {
    scripts?: Record<string, string>;
  };
  const script = manifest.scripts?.['db:audit'];
  if (!script) throw new Error('packages/db has no db:audit script');
  const words = script.split(/\s+/);
  const env: Record<string, string> = {};
  while (words[0] && /^[A-Za-z_][A-Za-z0-9_]*=/.test(words[0])) {
    const [name, ...value] = (words.shift() as string).split('=');
    env[name as string] = value.join('=');
  }
  return { argv: words, env };
}

async function run(context: Context): Promise<Row> {
  const database = await createMigratedServerDatabase(context.server, 'audit');
  try {
    const command = auditCommand();
    const exitCodes = new Set<number>();
    // One untimed run of each first: the new database's first connections (the server reads
    // its files and fills its caches once) are not what either command costs. A full run once
    // timed that first audit at 896 ms against a median of 62 ms.
    await runProcess(command.argv, { cwd: packageDir, env: { ...database.env, ...command.env } });
    await runChecked(['pg_dump', '--schema-only', '--no-owner', '-d', database.config.url], {
      env: database.env,
    });
    const samples = await alternate(context.sizes.auditRounds, {
      ours: async () => {
        const result = await runProcess(command.argv, {
          cwd: packageDir,
          env: { ...database.env, ...command.env },
        });
        // 0: clean, 1: differences found; both are a finished audit. 2: it could not run.
        if (result.code > 1) {
          throw new Error(
            `${command.argv.join(' ')} exited with ${result.code}: ${result.output.trim().split('\n').at(-1)}`,
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
    // The same command with JavaScriptCore's compiler tiers (the script turns them off),
    // alternated with pg_dump again: what the script's setting buys, in the same run.
    const withJit = await alternate(context.sizes.auditRounds, {
      ours: async () => {
        const result = await runProcess(command.argv, { cwd: packageDir, env: database.env });
        if (result.code > 1)
          throw new Error(`${command.argv.join(' ')} exited with ${result.code}`);
        return result.ms;
      },
      baseline: async () =>
        (
          await runChecked(['pg_dump', '--schema-only', '--no-owner', '-d', database.config.url], {
            env: database.env,
          })
        ).ms,
    });
    // Where the time goes: the audit itself in this (warm) process, on two new server
    // backends as the command opens them (their first catalog reads), and again on the same.
    const onNewBackend: number[] = [];
    const inProcess: number[] = [];
    let clean = false;
    for (let i = 0; i < context.sizes.auditRounds; i++) {
      const [session, second] = await Promise.all([
        openSqlSession(database.config),
        openSqlSession(database.config),
      ]);
      try {
        for (const samples of [onNewBackend, inProcess]) {
          const start = performance.now();
          const report = await auditDatabase(session, { migrations: projectMigrations, second });
          samples.push(performance.now() - start);
          clean = report.clean;
        }
      } finally {
        await Promise.all([session.close(), second.close()]);
      }
    }
    const processMs = async (code: string) => {
      const runs: number[] = [];
      for (let i = 0; i < 3; i++) {
        runs.push(
          (
            await runChecked(['bun', '-e', code], {
              cwd: packageDir,
              env: { ...database.env, ...command.env },
            })
          ).ms,
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
          withJitMs: withJit.ours,
          withJitBaselineMs: withJit.baseline,
        },
      },
      { label: '`db:audit`', samples: samples.ours },
      { label: '`pg_dump --schema-only`', samples: samples.baseline },
    );
    const met = (row.ratio ?? Number.POSITIVE_INFINITY) <= 0.5;
    row.target = { text: 'ratio ≤ 0.5', met };
    const jitRatio = median(withJit.ours) / median(withJit.baseline);
    const facts = `two connections read the catalog at once (two server backends); the audit itself takes ${formatMs(median(onNewBackend))} on two new backends and ${formatMs(median(inProcess))} on the same again${clean ? '' : ' (it reported differences on a freshly migrated database)'}. The db:audit script runs Bun with ${
      Object.entries(command.env)
        .map(([name, value]) => `${name}=${value}`)
        .join(' ') || 'no setting'
    }: a process this short gains nothing from JavaScriptCore's baseline and optimising compilers, whose threads compete with the server's backends for the 2 cores (the JIT itself stays on for bun:ffi); with them the same command takes ${formatMs(median(withJit.ours))} against ${formatMs(median(withJit.baseline))} (ratio ${jitRatio.toFixed(2)})`;
    row.note = met
      ? facts
      : `Limit: a new process, new connections and new server backends, not the comparison. Of the command's ${formatMs(row.ours.value)}, ${formatMs(emptyBun)} go to starting Bun, ${formatMs(auditModules)} to the modules it loads before its first query (the CLI, the session; the comparison loads while the connections open), ${formatMs(connect)} to opening Bun's SQL client and a new backend, and the rest to the catalog read (two batches, which the new backends answer while the process reads and hashes the migrations and parses the last snapshot) and to comparing; a new backend first reads every catalog row its deparse functions need (pg_get_constraintdef, pg_get_expr, format_type) into its caches, as pg_dump's backend does, and pg_dump is one small C program; ${facts}`;
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
