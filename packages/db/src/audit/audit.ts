/**
 * The audit: introspect the live catalog (a constant number of queries), read the migration
 * status, and compare both with what the schema objects and the journal expect.
 */

import { readCatalog } from '../catalog/logic.ts';
import type { SqlSession } from '../client.ts';
import { readKept } from '../converge/records.ts';
import type { Migration } from '../migrator/journal.ts';
import { migrationStatus } from '../migrator/status.ts';
import { type AuditReport, compareSchema } from './compare.ts';
import { expectedSchema } from './expect.ts';

export async function auditDatabase(
  session: Pick<SqlSession, 'query' | 'queryBatch'>,
  options: { migrations: Migration[]; tables?: string[] },
): Promise<AuditReport> {
  // The catalog's queries leave as one batch (where the session has one); while the server
  // reads them, this process reads the snapshot, so neither waits for the other.
  const reading = Promise.all([
    readCatalog(session),
    migrationStatus(session as SqlSession, options.migrations),
    readKept(session),
  ]);
  await new Promise((sent) => setImmediate(sent));
  const expected = expectedSchema(options.migrations);
  const [{ schema: live, logic }, migrations, kept] = await reading;
  return compareSchema(expected, live, migrations, {
    tables: options.tables,
    kept: new Set(kept.keys()),
    logic,
  });
}
