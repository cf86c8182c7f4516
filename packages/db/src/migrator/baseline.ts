/**
 * `db:baseline`: adopts a database migrated by hand. For each migration not yet recorded, in
 * journal order, it works out the changes that migration makes (the difference between the
 * schema before and after it, by replaying the journal into a scratch database of the same
 * kind and reading both states with the audit's introspection) and checks that the live
 * database already holds every one of them. It records each migration whose changes are all
 * present and stops at the first that is not. It applies no DDL to the target.
 */

import { type Catalog, type CatalogElement, introspectCatalog } from '../catalog/introspect.ts';
import type { SqlSession } from '../connection/client.ts';
import type { DatabaseConfig } from '../connection/config.ts';
import { FluxDbError } from '../errors/flux-db-error.ts';
import type { Migration } from './journal.ts';
import type { Situation } from './lineages.ts';
import { ensureMigrationTables, recordApplied } from './records.ts';
import { appliedBy, withMigrationRun } from './run.ts';
import { replayMigration, withScratchDatabase } from './scratch.ts';
import type { StatusReport } from './status.ts';
import { withTransaction } from './transaction.ts';

export interface Difference {
  /** What the element is, for people: `column messages.status`. */
  element: string;
  expected: string;
  found: string;
}

export type StepOutcome =
  /** Every change of the migration is present: recorded (or would be, in a dry run). */
  | 'recorded'
  /** None of its changes is present: it is simply pending, for db:migrate. */
  | 'pending'
  /** Some of its changes are present and some are not, or are different: drift. */
  | 'drift';

export interface BaselineStep {
  tag: string;
  outcome: StepOutcome;
  differences: Difference[];
}

export interface BaselineResult {
  alreadyRecorded: number;
  steps: BaselineStep[];
  /** True when adoption stopped on drift: the database differs from what a migration makes. */
  drift: boolean;
}

export interface BaselineOptions {
  dryRun?: boolean;
  lockTimeoutMs?: number;
  log?: (line: string) => void;
}

function describeElement(element: CatalogElement): string {
  const owner = element.table && element.kind !== 'table' ? `${element.table}.` : '';
  return `${element.kind} ${owner}${element.name}`;
}

/** The elements a migration adds, changes or removes, from the catalogs before and after it. */
export function changesBetween(before: Catalog, after: Catalog) {
  const added: CatalogElement[] = [];
  const removed: CatalogElement[] = [];
  for (const [key, element] of after) {
    if (before.get(key)?.definition !== element.definition) added.push(element);
  }
  for (const [key, element] of before) if (!after.has(key)) removed.push(element);
  return { added, removed, before };
}

/** How far the live catalog holds one migration's changes. */
export function checkChanges(changes: ReturnType<typeof changesBetween>, live: Catalog) {
  let present = 0;
  let absent = 0;
  const differences: Difference[] = [];
  for (const element of changes.added) {
    const key = `${element.kind}:${element.table ? `${element.table}.` : ''}${element.name}`;
    const found = live.get(key);
    const previous = changes.before.get(key);
    if (found?.definition === element.definition) {
      present += 1;
      continue;
    }
    if (found?.definition === previous?.definition) absent += 1;
    differences.push({
      element: describeElement(element),
      expected: element.definition,
      found: found?.definition ?? 'missing',
    });
  }
  for (const element of changes.removed) {
    const key = `${element.kind}:${element.table ? `${element.table}.` : ''}${element.name}`;
    const found = live.get(key);
    if (!found) {
      present += 1;
      continue;
    }
    if (found.definition === element.definition) absent += 1;
    differences.push({
      element: describeElement(element),
      expected: 'dropped',
      found: found.definition,
    });
  }
  return { present, absent, differences };
}

export async function baseline(
  session: SqlSession,
  config: DatabaseConfig,
  migrations: Migration[],
  options: BaselineOptions = {},
): Promise<BaselineResult> {
  const log = options.log ?? (() => {});
  // An earlier history's rows are not "unknown": that database is adopted by db:converge.
  const refuse = (situation: Situation) => situation.kind === 'foreign-lineage';
  // The journal tables are created once there is something to record.
  return withMigrationRun(
    session,
    migrations,
    { ...options, log, refuse, ensureTables: false },
    (report) => adopt(session, config, migrations, report, options, log),
  );
}

async function adopt(
  session: SqlSession,
  config: DatabaseConfig,
  migrations: Migration[],
  report: StatusReport,
  options: BaselineOptions,
  log: (line: string) => void,
): Promise<BaselineResult> {
  const recorded = new Set(
    report.migrations.filter((m) => m.state === 'applied').map((m) => m.tag),
  );
  const firstOpen = migrations.findIndex((migration) => !recorded.has(migration.tag));
  const result: BaselineResult = { alreadyRecorded: recorded.size, steps: [], drift: false };
  if (firstOpen === -1) return result;
  if (!options.dryRun) await ensureMigrationTables(session);

  const live = await introspectCatalog(session);
  const by = appliedBy();
  await withScratchDatabase(config, async (scratch) => {
    for (const migration of migrations.slice(0, firstOpen))
      await replayMigration(scratch, migration);
    let before = await introspectCatalog(scratch);
    for (const migration of migrations.slice(firstOpen)) {
      if (recorded.has(migration.tag)) {
        await replayMigration(scratch, migration);
        before = await introspectCatalog(scratch);
        continue;
      }
      const started = performance.now();
      await replayMigration(scratch, migration);
      const after = await introspectCatalog(scratch);
      const changes = changesBetween(before, after);
      const check = checkChanges(changes, live);
      const schemaChanges = changes.added.length + changes.removed.length;
      if (migration.presentWhen) {
        const rows = await session
          .query<{ present: boolean }>(`select (${migration.presentWhen}) as present`)
          .catch(() => [{ present: false }]);
        if (rows[0]?.present === true) check.present += 1;
        else {
          check.absent += 1;
          check.differences.push({
            element: `data of ${migration.tag}`,
            expected: migration.presentWhen,
            found: 'false',
          });
        }
      } else if (schemaChanges === 0) {
        throw new FluxDbError(
          'BASELINE_DRIFT',
          `${migration.tag} changes no schema and declares no "${'-- fluxcore:present-when:'}" query, so baseline cannot tell whether it ran`,
          'Add the marker to the migration (a query returning true when its data is present), or apply it with db:migrate',
        );
      }
      let outcome: StepOutcome;
      if (check.differences.length === 0) outcome = 'recorded';
      else if (check.present === 0 && check.absent === check.differences.length)
        outcome = 'pending';
      else outcome = 'drift';
      result.steps.push({ tag: migration.tag, outcome, differences: check.differences });
      if (outcome !== 'recorded') {
        result.drift = outcome === 'drift';
        break;
      }
      if (!options.dryRun) {
        await withTransaction(session, () =>
          recordApplied(session, migration, 'baseline', performance.now() - started, by),
        );
      }
      log(
        `${options.dryRun ? 'would record' : 'recorded'} ${migration.tag} (all ${schemaChanges + (migration.presentWhen ? 1 : 0)} changes present)`,
      );
      before = after;
    }
  });
  return result;
}
