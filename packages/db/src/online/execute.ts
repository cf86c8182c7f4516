/**
 * Runs one recorded step, so that a run killed anywhere in it can be run again: a transaction
 * step commits with its record; an index built CONCURRENTLY is checked first (valid: done;
 * invalid, left by a failure: dropped and rebuilt); a backfill batch commits with how far the
 * backfill got, and the next run starts after it.
 */
import type { SqlSession } from '../connection/client.ts';
import { lockedTransaction, withLockRetry } from './lock-retry.ts';
import { ident } from './model.ts';
import { markStep, type OnlineRun, type RecordedStep } from './records.ts';
import type { OnlineSettings } from './settings.ts';

export interface StepContext {
  session: SqlSession;
  run: OnlineRun;
  settings: OnlineSettings;
  log: (line: string) => void;
  /** What this invocation ran: steps, and units (a group of brief steps is one unit). */
  tally?: { steps: number; units: number };
}

export async function executeStep(context: StepContext, step: RecordedStep): Promise<void> {
  const { session, run, settings, log } = context;
  const action = step.action;
  if (action.kind === 'transaction') {
    await lockedTransaction(
      session,
      settings,
      step.what,
      async () => {
        for (const statement of action.sql) await session.exec(statement);
        await markStep(session, run, step, 'done');
      },
      log,
    );
  } else if (action.kind === 'concurrent-index') {
    await buildIndex(context, step, action.index, action.sql);
  } else if (action.kind === 'backfill') {
    await backfill(context, step, action);
  } else if (action.kind === 'outside') {
    for (const sql of action.sql) await outsideTransaction(context, step.what, sql, 0);
    await markStep(session, run, step, 'done');
  } else if (action.kind === 'batches') {
    await batches(context, step, action.sql);
  } else {
    throw new Error(`step ${step.what} is a placeholder: it is planned, not executed`);
  }
}

async function indexState(session: SqlSession, index: string) {
  const [row] = await session.query<{ valid: boolean }>(
    `select i.indisvalid as valid from pg_index i where i.indexrelid = to_regclass($1)`,
    [ident(index)],
  );
  return row === undefined ? 'missing' : row.valid ? 'valid' : 'invalid';
}

/** Runs a statement outside a transaction with the online lock_timeout, retried. */
export async function outsideTransaction(
  context: StepContext,
  what: string,
  statement: string,
  lockTimeoutMs = context.settings.lockTimeoutMs,
): Promise<void> {
  const { session, settings, log } = context;
  await withLockRetry(
    settings,
    what,
    async () => {
      await session.exec(`set lock_timeout = ${Math.round(lockTimeoutMs)}`);
      try {
        await session.exec(statement);
      } finally {
        await session.exec('reset lock_timeout').catch(() => {});
      }
    },
    log,
  );
}

/**
 * CREATE INDEX CONCURRENTLY holds SHARE UPDATE EXCLUSIVE, which blocks no read and no write,
 * and waits for the transactions older than it: it runs without the short lock_timeout (a
 * timeout there would only leave an invalid index to rebuild). The DROP of an invalid leftover
 * takes its lock under the short timeout.
 */
async function buildIndex(context: StepContext, step: RecordedStep, index: string, sql: string) {
  const { session, run, log } = context;
  const state = await indexState(session, index);
  if (state === 'invalid') {
    log(
      `  index ${index} is invalid (a build that failed or was killed): dropping and rebuilding it`,
    );
    await outsideTransaction(
      context,
      `drop invalid index ${index}`,
      `drop index concurrently if exists ${ident(index)}`,
    );
  }
  if (state !== 'valid') await outsideTransaction(context, step.what, sql, 0);
  if ((await indexState(session, index)) !== 'valid') {
    throw new Error(`index ${index} is not valid after it was built`);
  }
  await markStep(session, run, step, 'done');
}

async function keyTypes(session: SqlSession, table: string, key: string[]): Promise<string[]> {
  const rows = await session.query<{ name: string; type: string }>(
    `select attname as name, format_type(atttypid, atttypmod) as type from pg_attribute
      where attrelid = to_regclass($1) and attname = any($2::text[])`,
    [ident(table), key],
  );
  return key.map((name) => rows.find((row) => row.name === name)?.type ?? 'text');
}

function batchSql(
  table: string,
  column: string,
  expression: string,
  key: string[],
  types: string[],
  size: number,
) {
  const t = ident(table);
  const keys = key.map(ident).join(', ');
  const bound = key.map((_, i) => `(($1::jsonb ->> ${i})::${types[i]})`).join(', ');
  const joined = key.map((k) => `${t}.${ident(k)} = batch.${ident(k)}`).join(' and ');
  const last = key.map((k) => `${ident(k)}::text`).join(', ');
  const descending = key.map((k) => `${ident(k)} desc`).join(', ');
  return `with batch as (
      select ${keys} from ${t} where $1::jsonb is null or (${keys}) > (${bound})
       order by ${keys} limit ${size}),
    filled as (update ${t} set ${ident(column)} = (${expression}) from batch where ${joined} returning 1)
    select (select count(*) from batch) as selected, (select count(*) from filled) as filled,
           (select jsonb_build_array(${last}) from batch order by ${descending} limit 1) as last`;
}

async function backfill(
  context: StepContext,
  step: RecordedStep,
  action: { table: string; column: string; expression: string; key: string[] },
) {
  const { session, run, settings, log } = context;
  const types = await keyTypes(session, action.table, action.key);
  const sql = batchSql(
    action.table,
    action.column,
    action.expression,
    action.key,
    types,
    settings.batchSize,
  );
  let last = step.progress?.last ?? null;
  let rows = step.progress?.rows ?? 0;
  if (last) log(`  resuming the backfill of ${action.table} after ${rows} row(s)`);
  for (;;) {
    const batch = await lockedTransaction(
      session,
      settings,
      `${step.what} (batch after ${rows} rows)`,
      async () => {
        // The copy changes no row's content: the touch trigger (0056) leaves updated_at alone.
        await session.query(`select set_config('fluxcore.online_backfill', 'on', true)`);
        const [result] = await session.query<{
          selected: string;
          filled: string;
          last: string[] | null;
        }>(sql, [last === null ? null : JSON.stringify(last)]);
        const selected = Number(result?.selected ?? 0);
        const next = {
          last: result?.last ?? last ?? undefined,
          rows: rows + Number(result?.filled ?? 0),
        };
        await markStep(
          session,
          run,
          step,
          selected < settings.batchSize ? 'done' : 'running',
          next,
        );
        return { selected, next };
      },
      log,
    );
    last = batch.next.last ?? null;
    rows = batch.next.rows;
    if (batch.selected < settings.batchSize) break;
    if (settings.batchPauseMs > 0) await Bun.sleep(settings.batchPauseMs);
  }
  log(`  backfilled ${rows} row(s) of ${action.table}`);
}

/**
 * A backfill given as one statement that touches at most a batch of rows: run again, each time
 * in its own short transaction, until it touches none. The row count is read through
 * GET DIAGNOSTICS, so any UPDATE works as it is.
 */
async function batches(context: StepContext, step: RecordedStep, sql: string) {
  const { session, run, settings, log } = context;
  const counted = `do $batch$ declare n bigint; begin ${sql}; get diagnostics n = row_count;
    perform set_config('fluxcore.batch_rows', n::text, true); end $batch$`;
  let rows = step.progress?.rows ?? 0;
  for (;;) {
    const touched = await lockedTransaction(
      session,
      settings,
      `${step.what} (batch after ${rows} rows)`,
      async () => {
        await session.exec(counted);
        const [row] = await session.query<{ n: string }>(
          `select current_setting('fluxcore.batch_rows') as n`,
        );
        const n = Number(row?.n ?? 0);
        await markStep(session, run, step, n === 0 ? 'done' : 'running', { rows: rows + n });
        return n;
      },
      log,
    );
    rows += touched;
    if (touched === 0) break;
    if (settings.batchPauseMs > 0) await Bun.sleep(settings.batchPauseMs);
  }
}
