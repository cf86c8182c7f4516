/**
 * What each kind of step's test (one file a kind, beside the others) is built of: its own
 * tables, made by plain SQL in the one database all of them share, the kind's check run
 * against their rows (through checks.ts, as the planner runs it), its SQL applied, and its
 * online phases run as `--online` will run them. test/converge-steps.test.ts runs every kind's
 * file against that database: one CREATE DATABASE for all (a database each cost the suite over
 * a minute on a loaded server). The SQL a kind writes does not differ between PGlite and the
 * server, so it is the server's when the run has it, else PGlite.
 */
import { afterAll, beforeAll } from 'bun:test';
import { createTestDatabase, databaseKinds, type TestDatabase } from '@fluxcore/db/testing';
import type { LiveColumn, LiveConstraint } from '../../src/catalog/introspect.ts';
import { type FullCatalog, readCatalog } from '../../src/catalog/logic.ts';
import type { SqlSession } from '../../src/connection/session.ts';
import { type CheckContext, runCheck } from '../../src/converge/checks.ts';
import type { ColumnSource } from '../../src/converge/diff.ts';
import type { CheckResult, CheckSpec, Step } from '../../src/converge/model.ts';
import { quote } from '../../src/converge/pair.ts';

export const stepDatabaseKind = databaseKinds.includes('server') ? 'server' : 'embedded';

/** `table` → `column` → how the check reads it (an expression, or raw and cast apart). */
export type Sources = Record<string, Record<string, string | ColumnSource>>;

export interface StepDatabase {
  session: SqlSession;
  /** Runs the check as the planner does, the live tables read as the target's. */
  check(spec: CheckSpec | undefined, sources?: Sources): Promise<CheckResult>;
  /** Runs each step's SQL, in order. */
  apply(steps: Step[]): Promise<void>;
  /** Runs each step's online phases: start, the backfill in batches of `size`, complete. */
  applyOnline(steps: Step[], size?: number): Promise<{ batches: number }>;
  /** Runs each step's online rollback. */
  rollbackOnline(steps: Step[]): Promise<void>;
  /** The catalog as the planner reads it. */
  catalog(): Promise<FullCatalog>;
  /** The first column of the first row. */
  value(sql: string): Promise<unknown>;
}

/**
 * The identity projection: each column of each table read as it is, unless `sources` gives
 * another expression for a `table.column` (a rename or transform, as the planner records it).
 */
function identitySources(
  catalog: CheckContext['live'],
  sources: Sources,
): Map<string, Map<string, ColumnSource>> {
  const all = new Map<string, Map<string, ColumnSource>>();
  for (const table of catalog.tables.values()) {
    const columns = new Map<string, ColumnSource>();
    for (const column of table.columns.keys()) {
      const given = sources[table.name]?.[column] ?? quote(column);
      columns.set(
        column,
        typeof given === 'string' ? { raw: given, cast: given, castTemplate: '' } : given,
      );
    }
    // A column the step adds, read from the row as the planner would.
    for (const [column, given] of Object.entries(sources[table.name] ?? {}))
      if (!columns.has(column))
        columns.set(
          column,
          typeof given === 'string' ? { raw: given, cast: given, castTemplate: '' } : given,
        );
    all.set(table.name, columns);
  }
  return all;
}

let shared: Promise<{ database: TestDatabase; session: SqlSession }> | undefined;

/** The database every kind's test shares, created on first use. */
function sharedDatabase() {
  shared ??= createTestDatabase(stepDatabaseKind).then(async (database) => ({
    database,
    session: await database.session(),
  }));
  return shared;
}

/** Drops the shared database: registered once, by the file that runs every kind's test. */
export function dropSharedDatabaseAfterAll(): void {
  afterAll(async () => {
    if (!shared) return;
    const { database, session } = await shared;
    await session.close();
    await database.drop();
  });
}

/** A handle on the shared database, once `setup` (the kind's own tables) has run. */
export function useStepDatabase(setup: string): StepDatabase {
  const handle = {} as StepDatabase;
  beforeAll(async () => {
    const { session } = await sharedDatabase();
    await session.exec(setup);
    const run = async (sql: string[]) => {
      for (const statement of sql) await session.exec(statement);
    };
    Object.assign(handle, {
      session,
      async check(spec, sources = {}) {
        if (!spec) throw new Error('the step has no check');
        const live = (await readCatalog(session)).schema;
        await session.exec('begin');
        try {
          return await runCheck(
            { session, live, target: live, sources: identitySources(live, sources) },
            spec,
          );
        } finally {
          await session.exec('rollback');
        }
      },
      async apply(steps) {
        for (const step of steps) await run(step.sql);
      },
      async applyOnline(steps, size = 1) {
        let batches = 0;
        for (const step of steps) {
          if (!step.online) throw new Error(`${step.summary}: no online phases`);
          await run(step.online.start);
          const backfill = step.online.backfill;
          while (backfill) {
            const [row] = await session.query<{ n: number }>(
              `with done as (${backfill.batch(size)} returning 1) select count(*)::int as n from done`,
            );
            if (Number(row?.n) === 0) break;
            batches += 1;
          }
          await run(step.online.complete);
        }
        return { batches };
      },
      async rollbackOnline(steps) {
        for (const step of [...steps].reverse()) await run(step.online?.rollback ?? []);
      },
      catalog: () => readCatalog(session),
      async value(sql) {
        const [row] = await session.query(sql);
        return Object.values(row ?? {})[0];
      },
    } satisfies StepDatabase);
  }, 60_000);
  return handle;
}

/** A column as the catalog reader gives it: a nullable text column unless said. */
export const liveColumn = (name: string, over: Partial<LiveColumn> = {}): LiveColumn => ({
  name,
  type: 'text',
  notNull: false,
  default: null,
  enumType: null,
  position: 2,
  ...over,
});

/** A constraint as the catalog reader gives it (validated, no reference unless said). */
export const liveConstraint = (
  name: string,
  type: LiveConstraint['type'],
  definition: string,
  over: Partial<LiveConstraint> = {},
): LiveConstraint => ({
  name,
  type,
  definition,
  columns: [],
  referencedTable: null,
  referencedColumns: [],
  onDelete: null,
  fkOptions: null,
  nullsNotDistinct: false,
  validated: true,
  ...over,
});

/** Whether a column is NOT NULL now. */
export const isNotNull = (db: StepDatabase, table: string, column: string) =>
  db.value(
    `select attnotnull from pg_attribute where attrelid = '${table}'::regclass and attname = '${column}'`,
  );
