/**
 * The audit: introspect the live catalog (a constant number of queries), read the migration
 * status, and compare both with what the schema objects and the journal expect.
 */

import { readDefinitions } from '../catalog/introspect.ts';
import { readCatalog } from '../catalog/logic.ts';
import type { SqlSession } from '../client.ts';
import { readKept } from '../migrator/converge-records.ts';
import type { Migration } from '../migrator/journal.ts';
import { readAppliedRows } from '../migrator/records.ts';
import { compareWithJournal } from '../migrator/status.ts';
import type { AuditReport } from './compare.ts';

export interface AuditOptions {
  migrations: Migration[];
  tables?: string[];
}

/** An audit whose catalog read is under way; finish() compares it with the migrations. */
export interface StartedAudit {
  finish(options: AuditOptions): Promise<AuditReport>;
}

export async function auditDatabase(
  session: Pick<SqlSession, 'query' | 'queryBatch'>,
  options: AuditOptions,
): Promise<AuditReport> {
  return (await startAudit(session)).finish(options);
}

/**
 * Sends the catalog's queries as one batch (where the session has one) and returns while the
 * server reads them: what a caller does before finish() (db:audit reads and hashes the
 * migrations), and what finish() does first (load the comparison, parse the snapshot and
 * normalise what it expects), costs no time of its own. The catalog comes without the
 * definitions only a report shows.
 */
export async function startAudit(
  session: Pick<SqlSession, 'query' | 'queryBatch'>,
): Promise<StartedAudit> {
  const reading = Promise.all([
    readCatalog(session, { definitions: false }),
    readAppliedRows(session as SqlSession),
    readKept(session),
  ]);
  // A caller that fails before finish() (a broken journal) closes the session under it.
  reading.catch(() => {});
  await new Promise((sent) => setImmediate(sent));
  const modules = Promise.all([
    import('./compare.ts'),
    import('./expect.ts'),
    import('./table.ts'),
  ]);
  return {
    async finish(options) {
      const [{ compareSchema }, { expectedSchema }, { normalizeExpected }] = await modules;
      const expected = expectedSchema(options.migrations);
      normalizeExpected(expected.tables.values());
      const [{ schema: live, logic }, applied, kept] = await reading;
      const migrations = compareWithJournal(options.migrations, applied);
      const compare = () =>
        compareSchema(expected, live, migrations, {
          tables: options.tables,
          kept: new Set(kept.keys()),
          logic,
        });
      const report = compare();
      // A table with anything to report shows its indexes' and constraints' definitions:
      // read them (one more query, and only then) and compare again with them.
      const reported = report.tables
        .filter((table) => table.findings.length > 0 && live.tables.has(table.name))
        .map((table) => table.name);
      if (reported.length === 0) return report;
      await readDefinitions(session, live, reported);
      return compare();
    },
  };
}
