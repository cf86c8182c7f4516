/**
 * `db:converge` planning: recognise the situation, read the live catalog and the target, pair
 * and diff them, resolve --drop names, and run every data check. Reads only: the checks run
 * inside the caller's transaction (rolled back for --plan).
 */
import { type FullCatalog, readCatalog } from '../catalog/logic.ts';
import type { SqlSession } from '../connection/client.ts';
import { FluxDbError } from '../errors/flux-db-error.ts';
import { readKept } from '../migrator/converge-records.ts';
import type { Migration } from '../migrator/journal.ts';
import {
  detectSituation,
  type ForeignRow,
  foreignRows,
  type Situation,
  snapshotTables,
} from '../migrator/lineages.ts';
import { readAppliedRows } from '../migrator/records.ts';
import { compareWithJournal } from '../migrator/status.ts';
import type { OriginalLogicHash } from '../schema/original/logic-hashes.ts';
import { type CheckContext, runCheck } from './checks.ts';
import { collisionSteps, readCollisions } from './collisions.ts';
import { buildStructuralPlan, type StructuralPlan } from './diff.ts';
import { orderColumnDrops } from './drop-checks.ts';
import type { Probe } from './logic.ts';
import { type CheckResult, type KeptObject, phases, type Step } from './model.ts';
import { quote } from './pair.ts';
import type { TargetCatalog } from './target.ts';

export interface TableNote {
  table: string;
  estimatedRows: number;
  rewrittenBy: string[];
  lockedBy: string[];
}

export interface ConvergePlan {
  situation: Situation;
  steps: Step[];
  results: Map<Step, CheckResult[]>;
  refusals: CheckResult[];
  kept: KeptObject[];
  /** Tables a step rewrites or locks for long, with the planner's row estimate. */
  tables: TableNote[];
  /** Migrations to record in Drizzle's journal. */
  record: Migration[];
  /** Data migrations to run (their present-when query is false now). */
  data: Migration[];
  foreign: ForeignRow[];
  /** The original's kept functions, run once after the steps (see converge/logic.ts). */
  probes: Probe[];
  /** The zone timestamp values are read in, and where it came from. */
  timeZone: { zone: string; source: string };
  /** True when there is nothing at all to do. */
  empty: boolean;
}

export interface PlanOptions {
  drop?: string[];
  /** Example keys per refusal (3 unless said). */
  exampleLimit?: number;
  /** Hashes of logic to recognise as the original's besides the references' (tests' stand-ins). */
  knownLogic?: readonly OriginalLogicHash[];
  /** The zone a timestamp's wall-clock time is read in when it becomes timestamptz. */
  timeZone?: string;
  /** Where that zone came from, for the plan: the database's TimeZone, or --time-zone. */
  timeZoneSource?: string;
}

/** The names --drop accepts for a kept object: its full name and its short forms. */
function aliases(object: KeptObject): string[] {
  const names = [object.name];
  if (object.kind === 'function') {
    const bare = object.name.replace(/\(.*\)$/, '');
    names.push(bare, bare.replace(/^public\./, ''));
  }
  if (object.kind === 'view') names.push(object.name.replace(/^public\./, ''));
  if (object.kind === 'trigger') names.push(object.name.split('.').slice(1).join('.'));
  return names;
}

export function resolveDrops(structural: StructuralPlan, requested: string[]): Set<string> {
  const resolved = new Set<string>();
  for (const name of requested) {
    const matches = structural.kept.filter((k) => aliases(k).includes(name));
    if (matches.length === 0) {
      throw new FluxDbError(
        'USAGE',
        `--drop ${name}: no object of that name is kept by the plan (only what the schema does not declare can be dropped)`,
        'Run db:converge --plan to list what is kept, and pass one of those names',
      );
    }
    if (matches.length > 1) {
      throw new FluxDbError(
        'USAGE',
        `--drop ${name} names ${matches.length} objects (${matches.map((m) => m.name).join(', ')})`,
        'Pass the full name shown in the plan',
      );
    }
    resolved.add((matches[0] as KeptObject).name);
  }
  return resolved;
}

async function countKept(session: SqlSession, kept: KeptObject[]): Promise<void> {
  for (const object of kept) {
    if (object.kind === 'table') {
      const [row] = await session.query<{ n: number }>(
        `select count(*)::int as n from ${quote(object.name)}`,
      );
      object.rows = Number(row?.n ?? 0);
    } else if (object.kind === 'column') {
      const [table = '', column = ''] = object.name.split('.');
      const [row] = await session.query<{ n: number }>(
        `select count(${quote(column)})::int as n from ${quote(table)}`,
      );
      object.rows = Number(row?.n ?? 0);
    }
  }
}

function tableNotes(live: FullCatalog, steps: Step[]): TableNote[] {
  const notes = new Map<string, TableNote>();
  for (const step of steps) {
    if (!step.table || !(step.rewrites || step.longLock)) continue;
    const estimated = live.schema.tables.get(step.table)?.estimatedRows ?? 0;
    const note = notes.get(step.table) ?? {
      table: step.table,
      estimatedRows: estimated,
      rewrittenBy: [],
      lockedBy: [],
    };
    (step.rewrites ? note.rewrittenBy : note.lockedBy).push(step.summary);
    notes.set(step.table, note);
  }
  return [...notes.values()].sort((a, b) => b.estimatedRows - a.estimatedRows);
}

/**
 * A table never analysed has no row estimate (reltuples -1), so a large one freshly loaded
 * would not be marked: count those rows instead (a scan, cheaper than the rewrite it warns of).
 */
async function countUnestimated(session: SqlSession, notes: TableNote[]): Promise<TableNote[]> {
  for (const note of notes) {
    if (note.estimatedRows >= 0) continue;
    const [row] = await session.query<{ n: number }>(
      `select count(*)::int as n from ${quote(note.table)}`,
    );
    note.estimatedRows = Number(row?.n ?? 0);
  }
  return notes.sort((a, b) => b.estimatedRows - a.estimatedRows);
}

/** A data migration's present-when query, false when it cannot run yet (inside a savepoint). */
export async function isPresent(session: SqlSession, query: string): Promise<boolean> {
  await session.exec('savepoint fluxcore_present');
  try {
    const rows = await session.query<{ present: boolean }>(`select (${query}) as present`);
    await session.exec('release savepoint fluxcore_present');
    return rows[0]?.present === true;
  } catch {
    await session.exec('rollback to savepoint fluxcore_present');
    return false;
  }
}

/**
 * Runs every step's checks. The checks cast to the target's types: the create phase (which
 * touches no row) runs for the checks' duration only.
 */
async function runChecks(
  steps: Step[],
  context: CheckContext,
): Promise<{ results: Map<Step, CheckResult[]>; refusals: CheckResult[] }> {
  const { session } = context;
  const results = new Map<Step, CheckResult[]>();
  const refusals: CheckResult[] = [];
  await session.exec('savepoint fluxcore_plan');
  try {
    for (const step of steps.filter((s) => s.phase === 'aside' || s.phase === 'create'))
      for (const statement of step.sql) await session.exec(statement);
    for (const step of steps) {
      const outcomes: CheckResult[] = [];
      for (const spec of step.checks) outcomes.push(await runCheck(context, spec));
      results.set(step, outcomes);
      refusals.push(...outcomes.filter((o) => !o.ok));
    }
  } finally {
    await session.exec('rollback to savepoint fluxcore_plan');
  }
  return { results, refusals };
}

/**
 * The journal against the migrations: those to record, the data migrations still to run and
 * the rows of another history. Refuses a journal it cannot place (edited or unknown rows).
 */
async function readJournal(
  session: SqlSession,
  target: TargetCatalog,
  migrations: Migration[],
): Promise<Pick<ConvergePlan, 'record' | 'data' | 'foreign'>> {
  const rows = await readAppliedRows(session);
  const foreign = foreignRows(rows);
  const report = compareWithJournal(
    migrations,
    rows.filter((r) => !foreign.some((f) => f.id === r.id)),
  );
  const recorded = new Set(
    report.migrations.filter((m) => m.state === 'applied').map((m) => m.tag),
  );
  const edited = report.migrations.filter((m) => m.state === 'edited');
  if (edited.length > 0 || report.unknown.length > 0) {
    throw new FluxDbError(
      'MIGRATION_UNKNOWN',
      `the journal holds ${edited.length ? `edited migrations (${edited.map((m) => m.tag).join(', ')})` : `row(s) of no known history (${report.unknown.map((r) => `id ${r.id}, created_at ${r.createdAt}, hash ${r.hash.slice(0, 12)}…`).join('; ')})`}, so converge cannot tell what this database is`,
      'Run bun run db:status to see them; converge adopts only this history and the earlier ones it knows',
    );
  }
  const record = migrations.filter((m) => !recorded.has(m.tag));
  const data: Migration[] = [];
  for (const migration of record) {
    if (!migration.presentWhen || target.supersededData?.has(migration.tag)) continue;
    if (!(await isPresent(session, migration.presentWhen))) data.push(migration);
  }
  return { record, data, foreign };
}

/** Reads everything and runs every check. Runs inside the caller's open transaction. */
export async function planConvergence(
  session: SqlSession,
  target: TargetCatalog,
  migrations: Migration[],
  options: PlanOptions = {},
): Promise<ConvergePlan> {
  const situation = await detectSituation(session, migrations, snapshotTables(migrations));
  const live = await readCatalog(session);
  const structuralOptions = { known: options.knownLogic, timeZone: options.timeZone };
  const first = buildStructuralPlan(live, target, new Set(), structuralOptions);
  const drops = resolveDrops(first, options.drop ?? []);
  const structural =
    drops.size > 0 ? buildStructuralPlan(live, target, drops, structuralOptions) : first;
  const aside = collisionSteps(await readCollisions(session, target), live);
  structural.kept.push(...aside.kept);
  const all = [...aside.steps, ...structural.steps];
  const steps = phases.flatMap((phase) => all.filter((s) => s.phase === phase));
  const columnDependents = await orderColumnDrops(session, steps);
  await countKept(session, structural.kept);

  const { results, refusals } = await runChecks(steps, {
    session,
    live: live.schema,
    target: target.schema,
    sources: structural.sources,
    exampleLimit: options.exampleLimit,
    columnDependents,
  });
  const { record, data, foreign } = await readJournal(session, target, migrations);
  // Objects the schema lacks that no converge has recorded as kept yet: the database does not
  // match the schema until a converge records them (the audit then reports them as kept).
  const recordedKept = await readKept(session);
  const unrecordedKept = structural.kept.filter(
    (k) => !k.dropped && !recordedKept.has(`${k.kind}:${k.name}`),
  );
  const empty =
    steps.length === 0 &&
    record.length === 0 &&
    foreign.length === 0 &&
    unrecordedKept.length === 0;
  return {
    situation,
    steps,
    results,
    refusals,
    kept: structural.kept,
    tables: await countUnestimated(session, tableNotes(live, steps)),
    record,
    data,
    foreign,
    probes: structural.probes,
    timeZone: {
      zone: options.timeZone ?? 'UTC',
      source: options.timeZoneSource ?? 'the default',
    },
    empty,
  };
}
