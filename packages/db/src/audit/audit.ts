/**
 * The audit: introspect the live catalog (a constant number of queries), read the migration
 * status, and compare both with what the schema objects and the journal expect.
 */

import { readDefinitions } from '../catalog/introspect.ts';
import { readCatalog } from '../catalog/logic.ts';
import type { SqlSession } from '../client.ts';
import { readKept } from '../converge/records.ts';
import type { Migration } from '../migrator/journal.ts';
import { migrationStatus } from '../migrator/status.ts';
import type { AuditReport } from './compare.ts';

export async function auditDatabase(
  session: Pick<SqlSession, 'query' | 'queryBatch'>,
  options: { migrations: Migration[]; tables?: string[] },
): Promise<AuditReport> {
  // The catalog's queries leave as one batch (where the session has one); while the server
  // reads them, this process reads the snapshot and normalises what it expects, so neither
  // waits for the other. The catalog comes without the definitions only a report shows.
  const reading = Promise.all([
    readCatalog(session, { definitions: false }),
    migrationStatus(session as SqlSession, options.migrations),
    readKept(session),
  ]);
  await new Promise((sent) => setImmediate(sent));
  // The comparison's own modules load in that time too (a short command pays for each).
  const [{ compareSchema }, { expectedSchema }, { normalizeExpected }] = await Promise.all([
    import('./compare.ts'),
    import('./expect.ts'),
    import('./table.ts'),
  ]);
  const expected = expectedSchema(options.migrations);
  normalizeExpected(expected.tables.values());
  const [{ schema: live, logic }, migrations, kept] = await reading;
  const compare = () =>
    compareSchema(expected, live, migrations, {
      tables: options.tables,
      kept: new Set(kept.keys()),
      logic,
    });
  const report = compare();
  // A table with anything to report shows its indexes' and constraints' definitions: read
  // them (one more query, and only then) and compare again with them.
  const reported = report.tables
    .filter((table) => table.findings.length > 0 && live.tables.has(table.name))
    .map((table) => table.name);
  if (reported.length === 0) return report;
  await readDefinitions(session, live, reported);
  return compare();
}
