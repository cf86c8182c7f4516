/**
 * `db:converge`: brings a database built by other means (the original FluxCore, scripts, push)
 * to the schema, keeping every row. --plan (the default) prints the plan as SQL with each
 * check's result and exits 0 when it can apply, 1 when a check refuses, 2 when it could not
 * run. --yes applies.
 */
import { openSqlSession } from '../../connection/client.ts';
import { type DatabaseConfig, describeTarget } from '../../connection/config.ts';
import { converge } from '../../converge/apply.ts';
import { renderPlan, renderSummary } from '../../converge/render.ts';
import { FluxDbError } from '../../errors/flux-db-error.ts';
import { loadMigrations } from '../../migrator/journal.ts';
import { convergeOnline } from '../../online/converge.ts';
import { type OnlineFlags, runAbort, settingsOf } from '../../online/flags.ts';
import { refuseDuringOnlineRun } from '../../online/records.ts';
import { consoleIo, type Io, migrationsDir } from '../context.ts';

export interface ConvergeFlags extends OnlineFlags {
  plan?: boolean;
  yes?: boolean;
  drop?: string[];
  timeZone?: string;
  /** Milliseconds (the flags take seconds). */
  lockTimeout: number;
  statementTimeout: number;
}

type Session = Awaited<ReturnType<typeof openSqlSession>>;

/** --online (implies --yes) and --abort: the plan step by step, resumable (online/). */
async function runOnline(
  flags: ConvergeFlags,
  config: DatabaseConfig,
  session: Session,
  migrations: ReturnType<typeof loadMigrations>,
  io: Io,
) {
  const settings = settingsOf(flags);
  const log = (line: string) => io.log(line);
  if (flags.abort)
    return runAbort(session, migrations, { flags, lockTimeoutMs: flags.lockTimeout, log });
  const result = await convergeOnline(session, config, migrations, {
    drop: flags.drop,
    timeZone: flags.timeZone,
    lockTimeoutMs: flags.lockTimeout,
    statementTimeoutMs: flags.statementTimeout,
    settings,
    log,
  });
  if (result.outcome.status === 'refused') {
    io.log(renderPlan(result.outcome.plan, describeTarget(config)));
    io.error(
      `error: ${result.outcome.plan.refusals.length} check(s) refused (listed above); nothing was changed. Fix the data as each says and run db:converge --online again`,
    );
    return 1;
  }
  if (result.run === undefined) {
    io.log(`nothing to converge: ${describeTarget(config)} matches the schema and its journal`);
    return 0;
  }
  io.log(
    `converged online${result.resumed ? ' (run resumed)' : ''} in run #${result.run}: ${result.steps} online step(s); this run ran ${result.ran.steps} of them as ${result.ran.units} transaction(s) or steps of their own (brief catalog changes on one table share one)`,
  );
  if (result.outcome.status === 'applied') io.log(renderSummary(result.outcome));
  return 0;
}

export async function run(flags: ConvergeFlags, config: DatabaseConfig, io: Io = consoleIo) {
  if (flags.plan && flags.yes) {
    throw new FluxDbError(
      'USAGE',
      '--plan and --yes exclude each other',
      'Review with --plan, then apply with --yes',
    );
  }
  const migrations = loadMigrations(migrationsDir());
  const session = await openSqlSession(config);
  try {
    if (flags.online || flags.abort) return await runOnline(flags, config, session, migrations, io);
    // Before the target is read (seconds of work), and again once the lock is held (guard).
    if (flags.yes) await refuseDuringOnlineRun(session, 'db:converge --yes');
    const outcome = await converge(session, config, migrations, {
      guard: () => refuseDuringOnlineRun(session, 'db:converge --yes'),
      apply: flags.yes === true,
      drop: flags.drop,
      timeZone: flags.timeZone,
      lockTimeoutMs: flags.lockTimeout,
      statementTimeoutMs: flags.statementTimeout,
      log: (line) => io.log(line),
    });
    if (outcome.status === 'nothing') {
      const kept = outcome.plan.kept.filter((k) => !k.dropped).length;
      io.log(
        `nothing to converge: ${describeTarget(config)} matches the schema and its journal${kept ? `; ${kept} object(s) the schema lacks are recorded as kept (bun run db:audit lists them, --drop NAME drops one)` : ''}`,
      );
      return 0;
    }
    if (outcome.status === 'applied') {
      io.log(renderSummary(outcome));
      return 0;
    }
    io.log(renderPlan(outcome.plan, describeTarget(config)));
    if (outcome.status === 'refused') {
      io.error(
        `error: ${outcome.plan.refusals.length} check(s) refused (listed above); nothing was changed. Fix the data as each says and run db:converge --plan again`,
      );
      return 1;
    }
    io.log(flags.yes ? '' : 'the plan can apply: run bun run db:converge --yes to apply it');
    return 0;
  } finally {
    await session.close();
  }
}
