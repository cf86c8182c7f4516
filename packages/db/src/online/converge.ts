/**
 * `db:converge --online`: the plan is made and checked as always (in a transaction rolled
 * back: the data checks run before any DDL); then each step runs in its online phases (steps/
 * kind.ts `OnlinePhases`: expand, batched backfill, contract), every phase recorded as it
 * completes, so a killed run resumes where it stopped; a step whose kind has no online phases
 * yet runs as it is, in a short transaction of its own under the online lock_timeout. Last,
 * the ordinary converge runs to record what it adopted: the structure already matches, so its
 * one transaction only records rows and runs the data migrations.
 */
import type { SqlSession } from '../connection/client.ts';
import type { DatabaseConfig } from '../connection/config.ts';
import { type ConvergeOptions, type ConvergeOutcome, converge } from '../converge/apply.ts';
import type { Step } from '../converge/model.ts';
import { FluxDbError } from '../errors/flux-db-error.ts';
import type { Migration } from '../migrator/journal.ts';
import { withMigrationLock } from '../migrator/lock.ts';
import { withTransaction } from '../migrator/transaction.ts';
import type { StepContext } from './execute.ts';
import type { OnlineStep } from './model.ts';
import { ensureOnlineTables, finishRun, readSteps, recordPlan, runInProgress } from './records.ts';
import { endWithClient, openRun, runRecorded } from './run.ts';
import { type OnlineSettings, onlineSettings } from './settings.ts';

/** The run's steps are recorded under this tag. */
export const convergeTag = 'converge';

const concurrentIndex =
  /^create\s+(?:unique\s+)?index\s+concurrently\s+(?:if\s+not\s+exists\s+)?"((?:[^"]|"")+)"/i;

/**
 * A retype step (one ALTER TABLE for all the table's column changes) as online steps: defaults
 * and NOT NULLs dropped first, each column retyped by online/kinds/retype.ts (expand, backfill,
 * switch; as it is when the form refuses, e.g. a view reads the column), defaults set last.
 */
function retypeSteps(step: Step, what: string): OnlineStep[] | undefined {
  const match = /^alter table ("(?:[^"]|"")+")\s+([\s\S]+)$/i.exec(step.sql[0]?.trim() ?? '');
  if (step.kind !== 'retype' || step.sql.length !== 1 || !match) return undefined;
  const table = match[1] ?? '';
  const actions = (match[2] ?? '').split(/,\s*(?=alter column ")/i).map((a) => a.trim());
  const retyped = new Set(
    actions.map((a) => /^alter column ("(?:[^"]|"")+") type /i.exec(a)?.[1]).filter(Boolean),
  );
  // A retyped column keeps its default until its switch (which sets the target's on the new
  // column): dropped first, every insert that leaves it out would fail until the defaults are set.
  const keptDefault = (a: string) =>
    /\sdrop default$/i.test(a) && retyped.has(/^alter column ("(?:[^"]|"")+")/i.exec(a)?.[1]);
  const first = actions.filter(
    (a) => /\s(drop default|drop not null)$/i.test(a) && !keptDefault(a),
  );
  const last = actions.filter((a) => /\sset default\s/i.test(a));
  const retypes = actions.filter((a) => /^alter column "(?:[^"]|"")+" type /i.test(a));
  const kept = actions.filter(keptDefault).length;
  const asIs = (action: string) => {
    const drop = actions.find(
      (a) => keptDefault(a) && a.startsWith(action.split(' type ')[0] ?? ''),
    );
    return drop ? `${drop}, ${action}` : action;
  };
  if (first.length + kept + last.length + retypes.length !== actions.length) return undefined;
  const plain = (list: string[], label: string): OnlineStep[] =>
    list.length === 0
      ? []
      : [
          {
            what: `${what}: ${label}`,
            action: { kind: 'transaction', sql: [`alter table ${table} ${list.join(', ')}`] },
            undo: null,
          },
        ];
  return [
    ...plain(first, 'defaults and NOT NULLs dropped'),
    ...retypes.map((action): OnlineStep => {
      const statement = `alter table ${table} ${action.replace(/ type /i, ' set data type ')}`;
      const column = action.split(' type ')[0] ?? '';
      const fallback = [`alter table ${table} ${asIs(action)}`];
      // The switch gives the new column the target's default (or none), not the old one.
      const target = last.find((a) => a.startsWith(`${column} set default `));
      const defaultSql =
        asIs(action) === action ? undefined : (target?.slice(column.length + 13) ?? null);
      return {
        what: `${what}: ${column}`,
        action: { kind: 'form', statement, fallback, defaultSql },
        undo: [],
      };
    }),
    ...plain(last, 'defaults set'),
  ];
}

/**
 * The kinds of step that change only the catalog of one table (or of none), taking its lock for
 * milliseconds: row-level security and grants, a new table, schema or enum, a rename, a
 * function or trigger replaced, a nullable column added. Not a foreign key (it locks two
 * tables), not a validation, index, retype or fill (they read or write rows).
 */
const briefKinds: ReadonlySet<Step['kind']> = new Set([
  'secure',
  'create-table',
  'create-schema',
  'create-enum',
  'rename-column',
  'rename-constraint',
  'replace-logic',
  'add-column',
]);

/** `brief` for a transaction step of `step`'s, when its kind is a catalog change only. */
function briefOf(step: Step): { brief?: { table: string | null } } {
  if (!briefKinds.has(step.kind) || step.longLock || step.rewrites) return {};
  // A column with a default or NOT NULL has no online phases: not brief (a volatile default
  // rewrites the table).
  if (step.kind === 'add-column' && !step.online) return {};
  return { brief: { table: step.table ?? null } };
}

/** One converge step as online steps: its phases when its kind has them, else as it is. */
export function onlineStepsOf(step: Step, settings: OnlineSettings): OnlineStep[] {
  const what = step.summary.split('\n')[0] ?? step.kind;
  const retype = retypeSteps(step, what);
  if (retype) return retype;
  const phases = step.online;
  if (!phases) {
    const note = step.longLock ? ' (no online phases yet: one short-timeout transaction)' : '';
    return [
      {
        what: `${what}${note}`,
        action: {
          kind: 'transaction',
          sql: step.sql,
          ...briefOf(step),
        },
        undo: null,
      },
    ];
  }
  const steps: OnlineStep[] = [];
  if (phases.start.length > 0 && phases.outsideTransaction) {
    for (const sql of phases.start) {
      const index = concurrentIndex.exec(sql)?.[1]?.replaceAll('""', '"');
      steps.push({
        what,
        action: index ? { kind: 'concurrent-index', index, sql } : { kind: 'outside', sql: [sql] },
        undo: phases.rollback,
      });
    }
  } else if (phases.start.length > 0) {
    const asIs = !phases.backfill && phases.complete.length === 0;
    steps.push({
      what,
      action: { kind: 'transaction', sql: phases.start, ...(asIs ? briefOf(step) : {}) },
      undo: phases.rollback,
    });
  }
  if (phases.backfill) {
    steps.push({
      what: `${what}: backfill ${phases.backfill.table}`,
      action: {
        kind: 'batches',
        table: phases.backfill.table,
        sql: phases.backfill.batch(settings.batchSize),
      },
      undo: [],
    });
  }
  if (phases.complete.length > 0) {
    steps.push({
      what: `${what}: complete`,
      action: { kind: 'transaction', sql: phases.complete },
      undo: null,
    });
  }
  return steps;
}

/**
 * The plan's order with index drops moved after the last index build. Offline, the plan is one
 * transaction and order is only dependencies; online, each step commits, and an old index
 * dropped before its replacement is built leaves the app's queries without either meanwhile:
 * on the May lineage, idx_messages_conversation went first, every page of messages became a
 * scan of the table (seconds on 1,000,000 messages), and the short-timeout steps on `messages`
 * never found a moment between those reads to take their lock. A drop keeps its place when a
 * build reuses its name (names the schema needs are moved aside earlier anyway), or when a
 * retype of the plan would have to rebuild it and might not be able to (`indexColumns`, from
 * the catalog: an index other than a btree on a retyped column, e.g. an HNSW index cannot be
 * built on a vector of no dimension; an expression or partial index on a retyped table). A
 * btree on a retyped column stays until the end: the retype rebuilds it on the new column, so
 * the app's reads keep an index all along.
 */
export function dropsAfterBuilds(
  steps: Step[],
  indexColumns: Map<string, IndexReads> = new Map(),
): Step[] {
  const builds = steps.filter((step) => step.kind === 'create-index');
  const last = steps.lastIndexOf(builds.at(-1) as Step);
  if (last < 0) return steps;
  const built = builds.flatMap((step) => step.sql).join('\n');
  const retyped = new Map<string, Set<string>>();
  for (const step of steps) {
    if (step.kind !== 'retype' || !step.table) continue;
    const columns = retyped.get(step.table) ?? new Set<string>();
    for (const sql of step.sql) {
      for (const m of sql.matchAll(/alter column "((?:[^"]|"")+)" (?:set data )?type /gi))
        columns.add((m[1] ?? '').replaceAll('""', '"'));
    }
    retyped.set(step.table, columns);
  }
  const readsRetyped = (step: Step, name: string) => {
    const columns = retyped.get(step.table ?? '');
    if (!columns || columns.size === 0) return false;
    const reads = indexColumns.get(name);
    if (reads === undefined || reads.expression) return true;
    return reads.method !== 'btree' && reads.columns.some((c) => columns.has(c));
  };
  const deferred = (step: Step, index: number) =>
    step.kind === 'drop-index' &&
    index < last &&
    !step.sql.some((sql) => {
      const quoted = /^drop index (?:concurrently )?(?:if exists )?("(?:[^"]|"")+")/i.exec(
        sql,
      )?.[1];
      if (quoted === undefined) return true;
      return (
        built.includes(quoted) || readsRetyped(step, quoted.slice(1, -1).replaceAll('""', '"'))
      );
    });
  const moved = steps.filter(deferred);
  if (moved.length === 0) return steps;
  const kept = steps.filter((step, index) => !deferred(step, index));
  const at = kept.indexOf(steps[last] as Step) + 1;
  return [...kept.slice(0, at), ...moved, ...kept.slice(at)];
}

/** What an index reads: its columns, whether an expression or predicate too, its method. */
export type IndexReads = {
  columns: string[];
  expression: boolean;
  method: string;
};

/** What each index of the public schema reads, by name. */
async function indexColumnsOf(session: SqlSession): Promise<Map<string, IndexReads>> {
  const rows = await session.query<IndexReads & { name: string }>(
    `select i.relname as name, min(am.amname) as method,
            coalesce(array_agg(a.attname::text) filter (where a.attname is not null), '{}') as columns,
            bool_or(k.attnum = 0 or x.indexprs is not null or x.indpred is not null) as expression
       from pg_index x
       join pg_class i on i.oid = x.indexrelid
       join pg_am am on am.oid = i.relam
       join pg_namespace n on n.oid = i.relnamespace and n.nspname = 'public'
       cross join lateral unnest(x.indkey::int2[]) as k(attnum)
       left join pg_attribute a on a.attrelid = x.indrelid and a.attnum = k.attnum and k.attnum > 0
      group by i.relname`,
  );
  return new Map(rows.map(({ name, ...reads }) => [name, reads] as const));
}

export interface OnlineConvergeOptions extends ConvergeOptions {
  settings?: Partial<OnlineSettings>;
}

export interface OnlineConvergeResult {
  run: number | undefined;
  resumed: boolean;
  steps: number;
  /** The steps this invocation ran, and in how many units (brief steps grouped count one). */
  ran: { steps: number; units: number };
  /** The plan when it refused or there was nothing to do; the final converge's outcome else. */
  outcome: ConvergeOutcome;
}

/** Plans (checks included) in a rolled-back transaction; refuses as converge --plan does. */
async function planned(
  session: SqlSession,
  config: DatabaseConfig,
  migrations: Migration[],
  options: OnlineConvergeOptions,
) {
  return converge(session, config, migrations, { ...options, apply: false });
}

export async function convergeOnline(
  session: SqlSession,
  config: DatabaseConfig,
  migrations: Migration[],
  options: OnlineConvergeOptions = {},
): Promise<OnlineConvergeResult> {
  const log = options.log ?? (() => {});
  const settings = onlineSettings(options.settings);
  const tally = { steps: 0, units: 0 };
  await endWithClient(session);
  const structural = await withMigrationLock(
    session,
    { timeoutMs: options.lockTimeoutMs, log },
    async () => {
      await ensureOnlineTables(session);
      // A run in progress has its steps recorded: it resumes them without planning again.
      const current = await runInProgress(session);
      const resuming =
        current?.command === 'converge' &&
        (await readSteps(session, current, convergeTag)).length > 0;
      const plan = resuming ? undefined : await planned(session, config, migrations, options);
      if (plan && plan.status !== 'planned')
        return { run: undefined, resumed: false, steps: 0, plan };
      const { run, resumed } = await openRun(session, 'converge', true, log);
      if (!run) return { run: undefined, resumed, steps: 0, plan };
      if (plan) {
        const steps = dropsAfterBuilds(plan.plan.steps, await indexColumnsOf(session)).flatMap(
          (step) => onlineStepsOf(step, settings),
        );
        await withTransaction(session, () => recordPlan(session, run, convergeTag, steps));
      }
      const context: StepContext = { session, run, settings, log, tally };
      const recorded = await readSteps(session, run, convergeTag);
      const done = await runRecorded(context, convergeTag, recorded);
      return { run, resumed, steps: done.length, plan };
    },
  );
  if (structural.plan && !structural.run)
    return { run: undefined, resumed: false, steps: 0, ran: tally, outcome: structural.plan };
  // The structure matches now: the ordinary converge records what it adopted, briefly.
  const outcome = await converge(session, config, migrations, { ...options, apply: true });
  if (outcome.status !== 'applied' && outcome.status !== 'nothing') {
    throw new FluxDbError(
      'CONVERGE_FAILED',
      `after the online steps, converge could not record the result (${outcome.status})`,
      'Run bun run db:converge --plan to see what remains',
    );
  }
  if (structural.run) await finishRun(session, structural.run, 'done');
  return {
    run: structural.run?.id,
    resumed: structural.resumed,
    steps: structural.steps,
    ran: tally,
    outcome,
  };
}
