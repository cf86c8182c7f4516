/**
 * The audit: introspect the live catalog (a constant number of queries), read the migration
 * status, and compare both with what the schema objects and the journal expect.
 */

import { readDefinitions } from '../catalog/introspect.ts';
import { readCatalog } from '../catalog/logic.ts';
import type { SqlSession } from '../connection/client.ts';
import { readKept } from '../migrator/converge-records.ts';
import type { Migration } from '../migrator/journal.ts';
import { readAppliedRows } from '../migrator/records.ts';
import { compareWithJournal } from '../migrator/status.ts';
import { type TableTenancy, tableTenancy } from '../schema/tenancy/index.ts';
import { type AuditReport, compareSchema } from './compare.ts';
import { expectedSchema } from './expect.ts';
import { isolationFindings } from './isolation.ts';
import { declaredDatabaseLogic } from './logic.ts';
import { normalizeExpected } from './table.ts';

export interface AuditOptions {
  migrations: Migration[];
  tables?: string[];
  /** The tenancy registry to check isolation against (tests pass their own). */
  tenancy?: Readonly<Record<string, TableTenancy>>;
}

/** An audit whose catalog read is under way; finish() compares it with the migrations. */
export interface StartedAudit {
  finish(options: AuditOptions): Promise<AuditReport>;
}

/** Where the audit reads: one connection, or two (see startAudit). */
export type AuditSession = Pick<SqlSession, 'query' | 'queryBatch'>;

export async function auditDatabase(
  session: AuditSession,
  options: AuditOptions & { second?: AuditSession },
): Promise<AuditReport> {
  return (await startAudit(session, options.second)).finish(options);
}

/**
 * Sends the catalog's queries as one batch (where the session has one) and returns while the
 * server reads them: what a caller does before finish() (db:audit reads and hashes the
 * migrations), and what finish() does first (parse the snapshot and normalise what it
 * expects), costs no time of its own. (db:audit loads this module, the comparison with it,
 * while its connections open.) The catalog comes without the
 * definitions only a report shows. With `second`, another connection to the same database,
 * half the catalog's queries go there: two server backends read it at once (db:audit opens
 * both on a server, in parallel; they are never the same connection).
 */
export async function startAudit(
  session: AuditSession,
  second?: AuditSession,
): Promise<StartedAudit> {
  const reading = Promise.all([
    readCatalog(session, { definitions: false, second }),
    readAppliedRows(session as SqlSession),
    readKept(session),
  ]);
  // A caller that fails before finish() (a broken journal) closes the session under it.
  reading.catch(() => {});
  await new Promise((sent) => setImmediate(sent));
  return {
    async finish(options) {
      // All that depends on the schema alone is ready before the catalog arrives.
      const expected = expectedSchema(options.migrations);
      normalizeExpected(expected.tables.values());
      const declaredLogic = declaredDatabaseLogic(expected);
      const [{ schema: live, logic, security }, applied, kept] = await reading;
      const isolation = isolationFindings(options.tenancy ?? tableTenancy, security, live);
      const migrations = compareWithJournal(options.migrations, applied);
      const compare = () =>
        compareSchema(expected, live, migrations, {
          tables: options.tables,
          kept: new Set(kept.keys()),
          logic,
          declaredLogic,
          isolation,
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
