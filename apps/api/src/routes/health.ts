/**
 * GET /health: the database kind, the migration status and whether a write goes through (a
 * temporary table written and rolled back). 200 `ok`; 503 `degraded` (pending, edited or
 * duplicate migrations) or `unavailable` (the database does not answer, is read-only or its
 * disk is full, with `writable: false`; or the grant a role lacks), the cause in `message`,
 * one line. No token needed.
 */
import {
  type DatabaseClient,
  describeError,
  permissionError,
  unavailabilityOf,
  writeRefusal,
} from '@fluxcore/db';
import { loadMigrations, migrationStatus, migrationsFolder } from '@fluxcore/db/migrator';
import { Hono } from 'hono';
import { type Env, send } from '../respond.ts';
import { healthResponse } from '../schemas.ts';

/** Reads the journal through `client` (a session of the migrator), and names its kind. */
export function healthRoutes({ client }: { client: DatabaseClient }): Hono<Env> {
  const migrations = loadMigrations(migrationsFolder);
  return new Hono<Env>().get('/health', async (c) => {
    try {
      const report = await migrationStatus(client, migrations);
      const applied = report.migrations.filter((m) => m.state === 'applied').length;
      const current = applied === migrations.length && !report.problems;
      const cannotWrite = await writeRefusal(client);
      if (cannotWrite) console.error(`api: GET /health: ${cannotWrite}`);
      const healthy = current && !cannotWrite;
      return send(
        c,
        healthResponse,
        {
          status: cannotWrite ? 'unavailable' : healthy ? 'ok' : 'degraded',
          database: client.kind,
          writable: !cannotWrite,
          ...(cannotWrite ? { message: cannotWrite } : {}),
          migrations: {
            total: migrations.length,
            applied,
            pending: migrations.length - applied,
            problems: report.problems,
          },
        },
        healthy ? 200 : 503,
      );
    } catch (error) {
      const denied = permissionError(error);
      console.error(`api: GET /health: ${describeError(error)}`);
      return send(
        c,
        healthResponse,
        {
          status: 'unavailable',
          database: client.kind,
          message: denied
            ? denied.toLine()
            : (unavailabilityOf(error) ?? 'the database does not answer'),
        },
        503,
      );
    }
  });
}
