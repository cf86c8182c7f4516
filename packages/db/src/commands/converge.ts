/**
 * `db:converge [--plan] [--yes] [--drop NAME …] [--lock-timeout S] [--statement-timeout S]`:
 * brings a database built by other means (the original FluxCore, scripts, push) to the schema,
 * keeping every row. --plan (the default) prints the plan as SQL with each check's result and
 * exits 0 when it can apply, 1 when a check refuses, 2 when it could not run. --yes applies.
 */
import { openSqlSession } from '../client.ts';
import { describeTarget, loadDatabaseConfig, migrationsFolder } from '../config.ts';
import { converge } from '../converge/apply.ts';
import { renderPlan, renderSummary } from '../converge/render.ts';
import { FluxDbError } from '../errors.ts';
import { loadMigrations } from '../migrator/journal.ts';
import { parseDuration, parseFlags, runCommand } from './run.ts';

await runCommand(async () => {
  const flags = parseFlags({
    plan: { type: 'boolean' },
    yes: { type: 'boolean' },
    drop: { type: 'string', multiple: true },
    'lock-timeout': { type: 'string' },
    'statement-timeout': { type: 'string' },
  });
  if (flags.plan && flags.yes) {
    throw new FluxDbError(
      'USAGE',
      '--plan and --yes exclude each other',
      'Review with --plan, then apply with --yes',
    );
  }
  const config = loadDatabaseConfig(process.env, { applicationName: 'fluxcore-converge' });
  const migrations = loadMigrations(process.env.FLUXCORE_MIGRATIONS_DIR ?? migrationsFolder);
  const session = await openSqlSession(config);
  try {
    const outcome = await converge(session, config, migrations, {
      apply: flags.yes === true,
      drop: flags.drop,
      lockTimeoutMs: parseDuration(flags['lock-timeout'], '--lock-timeout', 10_000),
      statementTimeoutMs: parseDuration(
        flags['statement-timeout'],
        '--statement-timeout',
        30 * 60_000,
      ),
      log: (line) => console.log(line),
    });
    if (outcome.status === 'nothing') {
      console.log(
        `nothing to converge: ${describeTarget(config)} matches the schema and its journal`,
      );
      return 0;
    }
    if (outcome.status === 'applied') {
      console.log(renderSummary(outcome));
      return 0;
    }
    console.log(renderPlan(outcome.plan, describeTarget(config)));
    if (outcome.status === 'refused') {
      console.error(
        `error: ${outcome.plan.refusals.length} check(s) refused (listed above); nothing was changed. Fix the data as each says and run db:converge --plan again`,
      );
      return 1;
    }
    console.log(flags.yes ? '' : 'the plan can apply: run bun run db:converge --yes to apply it');
    return 0;
  } finally {
    await session.close();
  }
}, 2);
