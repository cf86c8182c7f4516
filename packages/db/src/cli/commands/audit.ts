/**
 * `db:audit`: the live database against the schema. Exit 0 when it matches, 1 on any
 * difference (legacy tables excepted), 2 when the audit could not run (no database, a bad
 * flag, a --table name of no table).
 */
import { type DatabaseConfig, describeTarget } from '../../connection/config.ts';
import { openReadSession, type SqlSession } from '../../connection/session.ts';
import { FluxDbError } from '../../errors/flux-db-error.ts';
import { loadMigrations } from '../../migrator/journal.ts';
import { consoleIo, type Io, migrationsDir, stdoutIsTerminal } from '../context.ts';

/** The version of the --json document's shape; bumped on any incompatible change. */
export const auditJsonVersion = 1;

export interface AuditFlags {
  json?: boolean;
  table?: string[];
}

export async function run(flags: AuditFlags, config: DatabaseConfig, io: Io = consoleIo) {
  const folder = migrationsDir();
  // A broken journal is said first, before an unreachable database, and before an embedded
  // one is opened (or created). On a server, the migrations are read and hashed while the
  // server reads the catalog.
  let migrations = config.kind === 'embedded' ? loadMigrations(folder) : undefined;
  const sessions = openSessions(config);
  // The audit's own modules (the comparison, the report) load while the connections open.
  const auditModule = import('../../audit/audit.ts');
  const reportModule = flags.json ? undefined : import('../../audit/report.ts');
  const [session, second] = await sessions.catch((error: unknown) => {
    loadMigrations(folder);
    throw error;
  });
  try {
    const { startAudit } = await auditModule;
    const audit = await startAudit(session, second);
    migrations ??= loadMigrations(folder);
    io.error(`auditing ${describeTarget(config)}`);
    const report = await audit.finish({ migrations, tables: flags.table });
    const known = new Set(report.tables.map((table) => table.name));
    const unknownTables = (flags.table ?? []).filter((name) => !known.has(name));
    if (unknownTables.length > 0) {
      // A mistake in a flag, like an unknown --drop name of db:converge: the audit did not
      // run on what was asked, so exit 2 (1 would say the database differs from the schema).
      const one = unknownTables.length === 1;
      throw new FluxDbError(
        'USAGE',
        `--table ${unknownTables.join(', ')}: no table${one ? '' : 's'} of ${one ? 'that name' : 'those names'} in the schema or the database`,
        'Run bun run db:audit without --table to list every table, and pass one of those names',
      );
    }
    if (flags.json) {
      io.log(
        JSON.stringify(
          { version: auditJsonVersion, target: describeTarget(config), ...report },
          null,
          2,
        ),
      );
    } else {
      const { paintFor, renderReport } = await (reportModule ?? import('../../audit/report.ts'));
      io.log(renderReport(report, paintFor({ isTTY: stdoutIsTerminal() }, process.env)));
    }
    return report.clean ? 0 : 1;
  } finally {
    await Promise.all([session.close(), second?.close()]);
  }
}

/**
 * The audit's connections: on a server, two opened at once, so two backends read the catalog
 * (see startAudit). The second is only a speed-up. The audit runs on whichever opens first;
 * the other joins if it opens within `graceMs` after that (a pooler that queues it, or a
 * server out of slots, would hold the audit up), else the audit runs on one and the late one
 * is closed when it comes. Only when both fail does the audit fail, with the first one's
 * error. The embedded database answers one query at a time, so it gets one.
 */
export async function openSessions(
  config: DatabaseConfig,
  open: (config: DatabaseConfig) => Promise<SqlSession> = openReadSession,
  graceMs = 250,
): Promise<[SqlSession, SqlSession?]> {
  if (config.kind !== 'server') return [await open(config)];
  const attempts = [0, 1].map((index) => open(config).then((session) => ({ index, session })));
  let first: { index: number; session: SqlSession };
  try {
    first = await Promise.any(attempts);
  } catch {
    throw await (attempts[0] as Promise<unknown>).then(
      () => new Error('unreachable'),
      (error: unknown) => error,
    );
  }
  const late = (attempts[1 - first.index] as (typeof attempts)[number]).then(
    ({ session }) => session,
    () => undefined,
  );
  const second = await Promise.race([late, Bun.sleep(graceMs).then(() => undefined)]);
  if (!second) void late.then((session) => session?.close().catch(() => {}));
  return [first.session, second];
}
