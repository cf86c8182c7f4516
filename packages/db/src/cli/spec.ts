/**
 * Every command of `fluxcore-db`: its flags, its one-line summary, whether it needs a database,
 * and how to load its code. Only this table is read at start-up; a command's own module (and
 * what it imports) loads when that command runs, so `db:audit` never loads drizzle-kit or the
 * code of another command.
 */
import type { DatabaseConfig } from '../connection/config.ts';
import { convergeLockTimeoutMs, convergeStatementTimeoutMs } from '../converge/defaults.ts';
import { defaultIdleInTransactionMs, defaultServeWaitMs } from '../embedded/serve-defaults.ts';
import { defaultLockTimeoutMs } from '../migrator/lock.ts';
import { defaultOnlineSettings } from '../online/settings.ts';
import type { Io } from './context.ts';
import { port, repeated, seconds, wholeNumber } from './flags.ts';

export interface FlagSpec {
  /** As commander takes it: `--dry-run`, `--to <NAME>`. */
  flags: string;
  help: string;
  parse?: (value: string, previous: never) => unknown;
  default?: { value: unknown; shown: string };
  /** May be given more than once (shown as `[--table NAME …]`). */
  repeat?: boolean;
}

export interface CommandModule {
  // biome-ignore lint/suspicious/noExplicitAny: each command declares its own flags type.
  run(flags: any, config?: DatabaseConfig, io?: Io): Promise<number>;
}

export interface CommandSpec {
  summary: string;
  flags: FlagSpec[];
  /** The database's application_name; absent for a command that needs no database. */
  application?: string;
  /** The exit code of an error (a usage error included): 2 where 1 already means "found". */
  failureCode?: 1 | 2;
  /** Words of the usage line after the flags, for arguments passed on to another tool. */
  passOn?: string;
  /**
   * Settings of Bun's runtime that the command's `db:` script puts before `bun` (read at
   * start-up, so only a script can give them); the command runs the same without them.
   */
  runtime?: string;
  load(): Promise<CommandModule>;
}

const lockTimeout = (
  fallbackMs = defaultLockTimeoutMs,
  help = 'how long to wait for the migration lock',
): FlagSpec => ({
  flags: '--lock-timeout <SECONDS>',
  help,
  parse: seconds('--lock-timeout'),
  default: { value: fallbackMs, shown: `${fallbackMs / 1000}` },
});
const dryRun = (what: string): FlagSpec => ({ flags: '--dry-run', help: what });

/** The flags of an online run (`--online`): its lock timeout, retries and backfill pace. */
const onlineFlags = (what: string): FlagSpec[] => [
  {
    flags: '--online',
    help: `${what} step by step under a short lock_timeout, each step recorded: resumable, never blocking the app behind a long lock`,
  },
  { flags: '--abort', help: 'undo the steps of the online run in progress, newest first' },
  {
    flags: '--online-lock-timeout <MS>',
    help: 'with --online: how long one step may wait for its locks before it retries',
    parse: wholeNumber('--online-lock-timeout', 1, '500'),
    default: {
      value: defaultOnlineSettings.lockTimeoutMs,
      shown: `${defaultOnlineSettings.lockTimeoutMs}`,
    },
  },
  {
    flags: '--batch-size <ROWS>',
    help: 'with --online: rows per backfill batch',
    parse: wholeNumber('--batch-size', 1, '1000'),
    default: {
      value: defaultOnlineSettings.batchSize,
      shown: `${defaultOnlineSettings.batchSize}`,
    },
  },
  {
    flags: '--batch-pause <MS>',
    help: 'with --online: pause between two backfill batches',
    parse: wholeNumber('--batch-pause', 0, '50'),
    default: {
      value: defaultOnlineSettings.batchPauseMs,
      shown: `${defaultOnlineSettings.batchPauseMs}`,
    },
  },
];

export const commands: Record<string, CommandSpec> = {
  migrate: {
    summary: 'applies the pending migrations, each in one transaction, under the migration lock',
    flags: [
      { flags: '--to <NAME>', help: 'stop after this migration (its tag or number)' },
      dryRun('print what would be applied; change nothing'),
      lockTimeout(),
      ...onlineFlags('apply each migration'),
    ],
    application: 'fluxcore-migrate',
    load: () => import('./commands/migrate.ts'),
  },
  status: {
    summary: 'lists each migration as applied, pending, edited or skipped; exit 1 on a problem',
    flags: [{ flags: '--json', help: 'print the report as JSON' }],
    application: 'fluxcore-status',
    load: () => import('./commands/status.ts'),
  },
  baseline: {
    summary: 'records the migrations a database already has (applied by hand), checking each',
    flags: [dryRun('print what would be recorded; record nothing'), lockTimeout()],
    application: 'fluxcore-baseline',
    load: () => import('./commands/baseline.ts'),
  },
  converge: {
    summary: 'brings a database built by other means to the schema, keeping every row',
    flags: [
      { flags: '--plan', help: 'print the plan and its checks (the default); change nothing' },
      { flags: '--yes', help: 'apply the plan' },
      {
        flags: '--drop <NAME>',
        help: 'drop this table, column, view, function, trigger or schema the schema lacks (checked first)',
        parse: repeated,
        repeat: true,
      },
      {
        flags: '--time-zone <ZONE>',
        help: "the zone a timestamp column's values are read in when it becomes timestamptz (default: the database's TimeZone setting)",
      },
      lockTimeout(
        convergeLockTimeoutMs,
        'how long to wait for the migration lock and for each table lock',
      ),
      {
        flags: '--statement-timeout <SECONDS>',
        help: 'the longest one statement may run',
        parse: seconds('--statement-timeout'),
        default: {
          value: convergeStatementTimeoutMs,
          shown: `${convergeStatementTimeoutMs / 1000}`,
        },
      },
      ...onlineFlags('apply the plan'),
    ],
    application: 'fluxcore-converge',
    failureCode: 2,
    load: () => import('./commands/converge.ts'),
  },
  audit: {
    summary: 'compares the live database with the schema; exit 1 on a difference, 2 on a failure',
    flags: [
      { flags: '--json', help: 'print the report as JSON' },
      { flags: '--table <NAME>', help: 'audit only this table', parse: repeated, repeat: true },
    ],
    application: 'fluxcore-audit',
    failureCode: 2,
    // A process of well under 100 ms: JavaScriptCore's baseline and optimising compilers never
    // pay back, and their threads take a core from the server's backends (README, db:audit).
    // The JIT itself stays on: bun:ffi (the embedded folder's lock) needs it.
    runtime: 'BUN_JSC_useBaselineJIT=0 BUN_JSC_useDFGJIT=0',
    load: () => import('./commands/audit.ts'),
  },
  rollback: {
    summary: 'reverts the newest migration (or down to --to) with its checked down file',
    flags: [
      { flags: '--to <NAME>', help: 'revert every migration after this one' },
      { flags: '--yes', help: 'accept losing the rows the down files would drop' },
      dryRun('print what would be reverted; change nothing'),
      lockTimeout(),
    ],
    application: 'fluxcore-rollback',
    load: () => import('./commands/rollback.ts'),
  },
  seed: {
    summary: 'inserts the reference data (credits policies) that is missing',
    flags: [],
    application: 'fluxcore-seed',
    load: () => import('./commands/seed.ts'),
  },
  push: {
    summary: "drizzle-kit's push, to fill an empty throwaway database straight from the schema",
    flags: [
      dryRun('print the statements; change nothing'),
      { flags: '--force', help: 'allow a server database, and a push that loses data' },
    ],
    application: 'fluxcore-push',
    load: () => import('./commands/push.ts'),
  },
  studio: {
    summary: 'Drizzle Studio on the configured database',
    flags: [
      {
        flags: '--port <N>',
        help: 'the port Studio listens on',
        parse: port(1, '--port 4984'),
        default: { value: 4983, shown: '4983' },
      },
      {
        flags: '--host <H>',
        help: 'the address Studio listens on',
        default: { value: '127.0.0.1', shown: '127.0.0.1' },
      },
    ],
    application: 'fluxcore-studio',
    load: () => import('./commands/studio.ts'),
  },
  serve: {
    summary: 'serves the embedded database over the PostgreSQL protocol on 127.0.0.1',
    flags: [
      {
        flags: '--port <N>',
        help: 'the port to listen on (0 picks a free one)',
        parse: port(0, '--port 5433 (0 picks a free port)'),
        default: { value: 5433, shown: '5433' },
      },
      {
        flags: '--wait <SECONDS>',
        help: 'how long a client waits for another that holds the one session (in a transaction) before it gets an error naming it',
        parse: seconds('--wait'),
        default: { value: defaultServeWaitMs, shown: `${defaultServeWaitMs / 1000}` },
      },
      {
        flags: '--idle-in-transaction <SECONDS>',
        help: 'how long a client may hold the one session idle in a transaction before it is cut off (its transaction rolled back)',
        parse: seconds('--idle-in-transaction'),
        default: {
          value: defaultIdleInTransactionMs,
          shown: `${defaultIdleInTransactionMs / 1000}`,
        },
      },
    ],
    application: 'fluxcore-serve',
    load: () => import('./commands/serve.ts'),
  },
  generate: {
    summary:
      'drizzle-kit generate (every flag goes on to it), then the down file of each migration that lacks one',
    flags: [
      { flags: '--name <NAME>', help: "the migration's name (what it does)" },
      { flags: '--custom', help: 'an empty migration to write by hand' },
    ],
    passOn: '[drizzle-kit generate flags …]',
    load: () => import('./commands/generate.ts'),
  },
  check: {
    summary:
      'checks the migrations (squawk, snapshots, down files) and that docs/schema is current',
    flags: [],
    load: () => import('./commands/check.ts'),
  },
  docs: {
    summary: 'writes the schema reference with its diagrams to docs/schema/, offline',
    flags: [],
    load: () => import('./commands/docs.ts'),
  },
};

/** `[--to NAME] [--dry-run] [--drop NAME …]` from a command's flags. */
export function flagsUsage(spec: CommandSpec): string {
  const words = spec.flags.map((flag) => {
    const word = flag.flags.replace(/<([^>]+)>/, '$1');
    return `[${word}${flag.repeat ? ' …' : ''}]`;
  });
  if (spec.passOn) words.push(spec.passOn);
  return words.join(' ');
}
