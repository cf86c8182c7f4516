/**
 * GET /health: the database kind and the migration status. 200 `ok`; 503 `degraded` (pending,
 * edited or duplicate migrations) or `unavailable` (with the grant a role lacks, when that is
 * why). No token needed.
 */
import { type DatabaseClient, describeError, permissionError } from '@fluxcore/db';
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
      const healthy = applied === migrations.length && !report.problems;
      return send(
        c,
        healthResponse,
        {
          status: healthy ? 'ok' : 'degraded',
          database: client.kind,
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
          message: denied ? denied.toLine() : 'the database does not answer',
        },
        503,
      );
    }
  });
}
