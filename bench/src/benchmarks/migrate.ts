/**
 * Migrating an empty database to the full schema: our runner against drizzle's, on twin
 * databases created fresh for every round.
 *
 * - server, CLI: `db:migrate` (bun src/cli/main.ts migrate) against `drizzle-kit migrate`,
 *   both one Bun process from packages/db, timed from spawn to exit: what a user waits for.
 * - server, in-process: `migrate()` against drizzle-orm's node-postgres migrator on an open
 *   connection: the runners alone, without process start and module loading.
 * - embedded, in-process: the same two on a new in-memory PGlite with pgvector (drizzle-kit's
 *   own PGlite driver loads no extensions, so its CLI cannot run the vector migration there).
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { createDb, type DatabaseClient, openSqlSession } from '@fluxcore/db';
import { migrate, migrationsFolder } from '@fluxcore/db/migrator';
import type { NodePgDatabase } from 'drizzle-orm/node-postgres';
import { migrate as drizzleNodePgMigrate } from 'drizzle-orm/node-postgres/migrator';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import { migrate as drizzlePgliteMigrate } from 'drizzle-orm/pglite/migrator';
import {
  type BenchDatabase,
  createServerDatabase,
  openMemoryDatabase,
  projectMigrations,
} from '../databases.ts';
import { alternate } from '../measure.ts';
import { packageDir, runChecked } from '../processes.ts';
import { type Benchmark, type Context, durationRow, type Row } from '../suite.ts';

const drizzleKitBin = join(
  dirname(createRequire(join(packageDir, 'package.json')).resolve('drizzle-kit')),
  'bin.cjs',
);

const schemaSize = `${projectMigrations.length} migrations`;

/** The tables, columns, indexes and constraints a migrated database holds, to compare twins. */
async function catalogCounts(client: { query: DatabaseClient['query'] }): Promise<string> {
  const [row] = await client.query<{ counts: string }>(
    `select concat_ws('/',
       (select count(*) from pg_tables where schemaname = 'public'),
       (select count(*) from information_schema.columns where table_schema = 'public'),
       (select count(*) from pg_indexes where schemaname = 'public'),
       (select count(*) from pg_constraint where connamespace = 'public'::regnamespace)) as counts`,
  );
  return row?.counts ?? '';
}

async function sameSchema(ours: BenchDatabase, twin: BenchDatabase): Promise<void> {
  const counts: string[] = [];
  for (const database of [ours, twin]) {
    const client = await createDb(database.config, { poolMax: 1 });
    try {
      counts.push(await catalogCounts(client));
    } finally {
      await client.close();
    }
  }
  if (counts[0] !== counts[1]) {
    throw new Error(`the twins differ after migrating: ${counts[0]} against ${counts[1]}`);
  }
}

async function serverCli(context: Context): Promise<Row> {
  const samples = { ours: [] as number[], baseline: [] as number[] };
  const commands = {
    ours: ['bun', 'run', 'src/cli/main.ts', 'migrate'],
    baseline: ['bun', drizzleKitBin, 'migrate'],
  };
  for (let round = 0; round < context.sizes.migrateRounds; round++) {
    const twins = {
      ours: await createServerDatabase(context.server, 'migrate_ours'),
      baseline: await createServerDatabase(context.server, 'migrate_drizzle'),
    };
    try {
      const order =
        round % 2 === 0 ? (['ours', 'baseline'] as const) : (['baseline', 'ours'] as const);
      for (const side of order) {
        const run = await runChecked(commands[side], { cwd: packageDir, env: twins[side].env });
        samples[side].push(run.ms);
      }
      await sameSchema(twins.ours, twins.baseline);
    } finally {
      await twins.ours.drop();
      await twins.baseline.drop();
    }
  }
  return migrateRow(
    'CLI',
    'server',
    'both one Bun process from packages/db, spawn to exit, on twin fresh databases',
    ['`db:migrate`', '`drizzle-kit migrate`'],
    samples,
  );
}

async function serverInProcess(context: Context): Promise<Row> {
  const samples = await alternate(context.sizes.migrateRounds, {
    ours: async () => {
      const database = await createServerDatabase(context.server, 'migrate_ours');
      try {
        const session = await openSqlSession(database.config);
        try {
          const start = performance.now();
          await migrate(session, projectMigrations);
          return performance.now() - start;
        } finally {
          await session.close();
        }
      } finally {
        await database.drop();
      }
    },
    baseline: async () => {
      const database = await createServerDatabase(context.server, 'migrate_drizzle');
      try {
        const client = await createDb(database.config, { poolMax: 1 });
        try {
          const start = performance.now();
          await drizzleNodePgMigrate(client.db as unknown as NodePgDatabase, { migrationsFolder });
          return performance.now() - start;
        } finally {
          await client.close();
        }
      } finally {
        await database.drop();
      }
    },
  });
  return migrateRow(
    'in-process',
    'server',
    "the runners alone on an open connection: `migrate()` against drizzle-orm's migrator",
    ['`migrate()`', 'drizzle-orm `migrate`'],
    samples,
  );
}

async function onMemoryDatabase(run: (client: DatabaseClient) => Promise<unknown>) {
  const client = await openMemoryDatabase();
  try {
    const start = performance.now();
    await run(client);
    return performance.now() - start;
  } finally {
    await client.close();
  }
}

async function embeddedInProcess(context: Context): Promise<Row> {
  const samples = await alternate(context.sizes.migrateEmbeddedRounds, {
    ours: () => onMemoryDatabase((client) => migrate(client, projectMigrations)),
    baseline: () =>
      onMemoryDatabase((client) =>
        drizzlePgliteMigrate(client.db as unknown as PgliteDatabase, { migrationsFolder }),
      ),
  });
  return migrateRow(
    'in-process',
    'embedded',
    "new in-memory PGlite with pgvector each round; drizzle-kit's CLI cannot load pgvector into PGlite, so drizzle-orm's migrator stands in",
    ['`migrate()`', 'drizzle-orm `migrate`'],
    samples,
  );
}

/**
 * What ours does that drizzle's does not: the price of its guarantees, named so that a miss is
 * explained by what it buys.
 */
const extraWork =
  "ours takes the advisory lock, reads the status and verifies applied checksums, and commits each migration in its own transaction with its journal row and a row in its side table; drizzle's runs everything in one transaction with no lock and no checks";

/** The row of one comparison, with the target judged and, for a miss, what limits it. */
function migrateRow(
  how: 'CLI' | 'in-process',
  database: Row['database'],
  note: string,
  [oursLabel, baselineLabel]: [string, string],
  samples: { ours: number[]; baseline: number[] },
): Row {
  const row = durationRow(
    {
      benchmark: 'migrate',
      what: `migrate an empty database to the full schema (${schemaSize}), ${how}`,
      database,
    },
    { label: oursLabel, samples: samples.ours },
    { label: baselineLabel, samples: samples.baseline },
  );
  const met = (row.ratio ?? Number.POSITIVE_INFINITY) <= 1;
  return {
    ...row,
    target: { text: 'ratio ≤ 1.0', met },
    note: met ? note : `${note}. Limit: ${extraWork}`,
  };
}

export const migrateBenchmark: Benchmark = {
  id: 'migrate',
  title: 'migrate empty → full schema',
  run: async (context) => [
    await serverCli(context),
    await serverInProcess(context),
    await embeddedInProcess(context),
  ],
};
