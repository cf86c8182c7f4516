/**
 * The audit: introspect the live catalog (a constant number of queries), read the migration
 * status, and compare both with what the schema objects and the journal expect.
 */

import { introspectSchema } from '../catalog/introspect.ts';
import { readDatabaseLogic } from '../catalog/logic.ts';
import type { SqlSession } from '../client.ts';
import { readKept } from '../migrator/converge-records.ts';
import type { Migration } from '../migrator/journal.ts';
import { migrationStatus } from '../migrator/status.ts';
import { type AuditReport, compareSchema } from './compare.ts';
import { expectedSchema } from './expect.ts';

export async function auditDatabase(
  session: Pick<SqlSession, 'query'>,
  options: { migrations: Migration[]; tables?: string[] },
): Promise<AuditReport> {
  const [live, logic, migrations, kept] = await Promise.all([
    introspectSchema(session),
    readDatabaseLogic(session),
    migrationStatus(session as SqlSession, options.migrations),
    readKept(session),
  ]);
  return compareSchema(expectedSchema(options.migrations), live, migrations, {
    tables: options.tables,
    kept: new Set(kept.keys()),
    logic,
  });
}
