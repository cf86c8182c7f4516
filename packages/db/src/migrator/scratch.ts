/**
 * A throwaway database of the same kind as the target, for replaying migrations: on a server a
 * new database on the same server (so definitions render exactly as the target's do), and for
 * the embedded database an in-memory PGlite. It is dropped when `use` returns.
 */
import pg from 'pg';
import { openSqlSession, type SqlSession } from '../client.ts';
import type { DatabaseConfig } from '../config.ts';
import { FluxDbError } from '../errors.ts';
import type { Migration } from './journal.ts';

export async function withScratchDatabase<T>(
  config: DatabaseConfig,
  use: (session: SqlSession) => Promise<T>,
): Promise<T> {
  if (config.kind === 'embedded') {
    const session = await openSqlSession({ ...config, dataDir: 'memory://' });
    try {
      return await use(session);
    } finally {
      await session.close();
    }
  }
  const name = `fluxcore_scratch_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  const admin = new pg.Client({
    connectionString: config.url,
    application_name: `${config.applicationName}-scratch`,
  });
  await admin.connect();
  try {
    await admin
      .query(`create database ${name}`)
      .catch((error: { code?: string; message: string }) => {
        throw new FluxDbError(
          'USAGE',
          `could not create a scratch database to replay the migrations into (${error.message})`,
          'Run this with a role that has CREATEDB, or on a copy of the database',
        );
      });
    const url = new URL(config.url);
    url.pathname = `/${name}`;
    const session = await openSqlSession({ ...config, url: url.toString() });
    try {
      return await use(session);
    } finally {
      await session.close();
    }
  } finally {
    await admin.query(`drop database if exists ${name} with (force)`).catch(() => {});
    await admin.end();
  }
}

/** Runs a migration's statements in one transaction, recording nothing. */
export async function replayMigration(session: SqlSession, migration: Migration): Promise<void> {
  if (migration.transactional) await session.exec('begin');
  try {
    for (const statement of migration.statements) await session.exec(statement);
    if (migration.transactional) await session.exec('commit');
  } catch (error) {
    if (migration.transactional) await session.exec('rollback').catch(() => {});
    throw new FluxDbError(
      'MIGRATION_FAILED',
      `replaying ${migration.tag} into a scratch database failed: ${(error as Error).message}`,
      'The migration itself is broken: fix it before adopting a database',
    );
  }
}
