/**
 * `db:push`: drizzle-kit's push, for a throwaway database only. It changes the
 * database straight from the schema and writes no journal row, so a database it touched can
 * no longer be trusted by db:migrate. It refuses a server unless --force, and any database
 * that already has tables.
 */
import { createDb, type DatabaseClient } from '../../connection/client.ts';
import { type DatabaseConfig, describeTarget } from '../../connection/config.ts';
import { describeError } from '../../errors/database-errors.ts';
import { FluxDbError } from '../../errors/flux-db-error.ts';
import * as schema from '../../schema/index.ts';
import { createRuntimeRolesSql } from '../../schema/tenancy/index.ts';
import { consoleIo, type Io } from '../context.ts';

/**
 * The schema's vector columns need pgvector. Embedded: PGlite ships it. Server: create it as
 * the vector migration does (a dry run only checks it can), or say in one line why not.
 */
async function ensureVector(
  client: DatabaseClient,
  config: DatabaseConfig,
  dryRun: boolean,
): Promise<void> {
  if (client.kind === 'embedded') {
    await client.exec('create extension if not exists vector');
    return;
  }
  const [available] = await client.query<{ present: boolean }>(
    `select exists (select 1 from pg_available_extensions where name = 'vector') as present`,
  );
  if (!available?.present) {
    throw new FluxDbError(
      'EXTENSION_MISSING',
      `db:push cannot create the vector extension on ${describeTarget(config)}: pgvector is not installed on that server`,
      'Install pgvector there (sudo scripts/install-pgvector.sh on Debian), then run db:push again',
    );
  }
  if (dryRun) return;
  try {
    await client.exec('create extension if not exists vector');
  } catch (error) {
    throw new FluxDbError(
      'EXTENSION_MISSING',
      `db:push cannot create the vector extension on ${describeTarget(config)}: ${describeError(error)}`,
      'Have a superuser (or the database owner on PostgreSQL 13+) run create extension vector in that database, then run db:push again',
    );
  }
}

/**
 * drizzle-kit draws a spinner ("Pulling schema from database...") with cursor codes on stdout.
 * On a terminal that is its job; piped or in a file it is raw ANSI noise, so it is kept out.
 */
async function withoutSpinner<T>(task: () => Promise<T>): Promise<T> {
  if (process.stdout.isTTY) return task();
  const write = process.stdout.write;
  process.stdout.write = (() => true) as typeof write;
  try {
    return await task();
  } finally {
    process.stdout.write = write;
  }
}

export interface PushFlags {
  dryRun?: boolean;
  force?: boolean;
}

export async function run(flags: PushFlags, config: DatabaseConfig, io: Io = consoleIo) {
  if (config.kind === 'server' && !flags.force) {
    throw new FluxDbError(
      'PUSH_REFUSED',
      `db:push refuses ${describeTarget(config)}: push bypasses the migration journal`,
      'Use bun run db:migrate on a server, or pass --force for a throwaway server database',
    );
  }
  const client = await createDb(config, { poolMax: 1 });
  try {
    // drizzle-kit 0.31's programmatic push fails on tables it must diff (composite primary
    // keys: it sends a parameterised catalog query without its parameters, and on PGlite it
    // exits the process), so push only fills an empty database.
    const [{ count }] = (await client.query<{ count: number }>(
      `select count(*)::int as count from pg_tables where schemaname = 'public'`,
    )) as [{ count: number }];
    if (count > 0) {
      throw new FluxDbError(
        'PUSH_REFUSED',
        `db:push only fills an empty database, and ${describeTarget(config)} has ${count} table(s)`,
        'Delete it (or point FLUXCORE_DATA_DIR at a new folder) for a throwaway database, or use db:migrate',
      );
    }
    // Progress on stderr, a line per phase: stdout carries the statements, for a file or a review.
    io.error(`pushing the schema to ${describeTarget(config)}: it is empty (0 tables)`);
    await ensureVector(client, config, Boolean(flags.dryRun));
    // The schema's policies name the runtime roles (roles belong to the server: kept if there).
    if (!flags.dryRun) await client.exec(createRuntimeRolesSql);
    // drizzle-kit is a developer-time tool: loaded here, never by a production command.
    const { pushSchema } = await import('drizzle-kit/api');
    const result = await withoutSpinner(() => pushSchema(schema, client.db as never));
    io.error(
      `  drizzle-kit compared it with the schema: ${result.statementsToExecute.length} statement(s) to run`,
    );
    for (const warning of result.warnings) io.log(`warning: ${warning}`);
    if (result.statementsToExecute.length === 0) {
      io.log(`nothing to push: ${describeTarget(config)} matches the schema`);
      return 0;
    }
    for (const statement of result.statementsToExecute) io.log(statement.replace(/;?$/, ';'));
    if (flags.dryRun) {
      io.log(
        `${result.statementsToExecute.length} statement(s) would run (dry run: nothing changed)`,
      );
      return 0;
    }
    if (result.hasDataLoss && !flags.force) {
      throw new FluxDbError(
        'PUSH_REFUSED',
        'the push would lose data',
        'Re-run with --force to accept the loss',
      );
    }
    io.error(`  running ${result.statementsToExecute.length} statement(s)`);
    await result.apply();
    io.log(`pushed ${result.statementsToExecute.length} statement(s) to ${describeTarget(config)}`);
    return 0;
  } finally {
    await client.close();
  }
}
