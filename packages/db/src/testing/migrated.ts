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
    // Migrating 40 migrations and 100 tables takes seconds on PGlite, more on a busy machine.
  }, 120_000);
  afterAll(() => close());
  return handle;
}
