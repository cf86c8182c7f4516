/**
 * One migrated database for a whole describe block: registers its beforeAll and afterAll, and
 * returns a handle filled in once beforeAll has run.
 */
import { afterAll, beforeAll } from 'bun:test';
import type { Database, DatabaseClient } from '../connection/client.ts';
import { createMigratedDatabase, type DatabaseKind, type TestDatabase } from './databases.ts';

export interface MigratedHandle {
  client: DatabaseClient;
  db: Database;
  database: TestDatabase;
}

export function useMigratedDatabase(kind: DatabaseKind): MigratedHandle {
  const handle = {} as MigratedHandle;
  let close = async () => {};
  beforeAll(async () => {
    const migrated = await createMigratedDatabase(kind);
    Object.assign(handle, {
      client: migrated.client,
      db: migrated.client.db,
      database: migrated.database,
    });
    close = migrated.close;
    // A copy of the run's migrated template (./templates.ts): well under a second, but the
    // first file of a run builds the template (40 migrations, seconds on PGlite), and a busy
    // machine is many times slower.
  }, 300_000);
  // Closing drops the database, which waits for its last backends to go: seconds on a busy
  // machine, past the 5 s a hook gets by default.
  afterAll(() => close(), 60_000);
  return handle;
}
