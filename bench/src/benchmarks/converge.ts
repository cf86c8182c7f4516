/**
 * Adopting the real FluxCore database: `converge()` (db:converge --yes, in process) on the
 * reference catalog (packages/db/src/testing/fixtures) filled by the tests' seeded generator with
 * 100,000 messages at scale 1, against copying the same database with
 * `pg_dump | psql` into an empty one: the price of moving that data at all. Every round
 * starts from a fresh copy of one prepared database (CREATE DATABASE … TEMPLATE).
 *
 * Server only: pg_dump cannot reach an embedded (in-process) database.
 */
import { openSqlSession } from '@fluxcore/db';
import { converge, readTarget } from '@fluxcore/db/migrator';
import { generateReferenceData, referenceSchemaSql } from '@fluxcore/db/testing';
import pg from 'pg';
import { type BenchDatabase, createServerDatabase, projectMigrations } from '../databases.ts';
import { alternate, formatMs, median } from '../measure.ts';
import { runChecked } from '../processes.ts';
import { type Benchmark, type Context, durationRow, type Row } from '../suite.ts';

export async function onServer(context: Context, statement: string): Promise<void> {
  const client = new pg.Client({
    connectionString: context.server.url,
    application_name: 'fluxcore-bench',
  });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/** A fresh copy of `source` (no session may be open on it). */
export async function copyOf(
  context: Context,
  source: BenchDatabase,
  label: string,
): Promise<BenchDatabase> {
  const copy = await createServerDatabase(context.server, label);
  await onServer(context, `drop database ${copy.name}`);
  await onServer(context, `create database ${copy.name} template ${source.name}`);
  return copy;
}

async function run(context: Context): Promise<Row> {
  const messages = context.sizes.convergeMessages;
  const source = await createServerDatabase(context.server, 'converge_source');
  const made: BenchDatabase[] = [];
  try {
    const session = await openSqlSession(source.config);
    let steps = 0;
    let rows = 0;
    const targetMs: number[] = [];
    try {
      await session.exec(referenceSchemaSql());
      const target = await readTarget(source.config, projectMigrations);
      const generated = await generateReferenceData(session, target, {
        seed: context.seed,
        messages,
      });
      rows = [...generated.rows.values()].reduce((sum, n) => sum + n, 0);
      await session.exec('analyze');
      context.log(
        `  prepared the reference database: ${rows} generated rows, ${messages} messages`,
      );
    } finally {
      await session.close();
    }
    const samples = await alternate(context.sizes.convergeRounds, {
      ours: async () => {
        const copy = await copyOf(context, source, 'converge_ours');
        made.push(copy);
        const conn = await openSqlSession(copy.config);
        try {
          const start = performance.now();
          const target = await readTarget(copy.config, projectMigrations);
          targetMs.push(performance.now() - start);
          const outcome = await converge(conn, copy.config, projectMigrations, {
            apply: true,
            target,
          });
          const ms = performance.now() - start;
          if (outcome.status !== 'applied') throw new Error(`converge ended ${outcome.status}`);
          steps = outcome.plan.steps.length;
          return ms;
        } finally {
          await conn.close();
          await copy.drop();
        }
      },
      baseline: async () => {
        const empty = await createServerDatabase(context.server, 'converge_restore');
        made.push(empty);
        try {
          const piped = `pg_dump --no-owner -d "${source.config.url}" | psql -q -v ON_ERROR_STOP=1 -d "${empty.config.url}"`;
          return (await runChecked(['sh', '-c', piped], { env: source.env })).ms;
        } finally {
          await empty.drop();
        }
      },
    });
    const row = durationRow(
      {
        benchmark: 'converge',
        what: `converge the reference database (${messages.toLocaleString('en')} messages, ${rows.toLocaleString('en')} generated rows) to the schema, one transaction`,
        database: 'server',
        details: { steps, messages, rows, targetMs },
      },
      { label: '`converge()` (db:converge --yes)', samples: samples.ours },
      { label: '`pg_dump | psql` of the same database', samples: samples.baseline },
    );
    row.target = { text: 'report' };
    row.note = `${steps} steps in one transaction, checks included; of the ${formatMs(row.ours.value)}, ${formatMs(median(targetMs))} read the target (the migrations replayed into a scratch database). The copy moves every row once; converge rewrites each retyped table once (one ALTER TABLE per table) and validates every foreign key it adds`;
    return row;
  } finally {
    for (const database of made) await database.drop().catch(() => {});
    await source.drop();
  }
}

export const convergeBenchmark: Benchmark = {
  id: 'converge',
  title: 'converge the reference database to the schema',
  run: async (context) => [await run(context)],
};
