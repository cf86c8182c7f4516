/** `db:status`: each migration as applied, pending, edited or skipped; exit 1 on a problem. */
import { openSqlSession } from '../../connection/client.ts';
import { type DatabaseConfig, describeTarget } from '../../connection/config.ts';
import { readAdoptedHistory } from '../../migrator/converge-records.ts';
import { loadMigrations } from '../../migrator/journal.ts';
import {
  convergeHint,
  describeSituation,
  foreignRowLines,
  situationOf,
} from '../../migrator/lineages.ts';
import { migrationStatus } from '../../migrator/status.ts';
import { onlineProgress, progressLines } from '../../online/progress.ts';
import { consoleIo, type Io, migrationsDir } from '../context.ts';

const labels = {
  applied: 'applied',
  pending: 'pending',
  skipped: 'SKIPPED (a later migration is applied; drizzle-kit would never run this one)',
  edited: 'EDITED after applying (the file no longer matches its recorded checksum)',
} as const;

export interface StatusFlags {
  json?: boolean;
}

export async function run(flags: StatusFlags, config: DatabaseConfig, io: Io = consoleIo) {
  const migrations = loadMigrations(migrationsDir());
  const session = await openSqlSession(config);
  try {
    const report = await migrationStatus(session, migrations);
    const situation = await situationOf(session, migrations);
    const adopted = await readAdoptedHistory(session);
    const online = await onlineProgress(session);
    if (flags.json) {
      io.log(JSON.stringify({ ...report, situation: situation.kind, adopted, online }, null, 2));
      return report.problems || situation.kind !== 'own' ? 1 : 0;
    }
    io.log(`migrations on ${describeTarget(config)}`);
    if (online) for (const line of progressLines(online)) io.log(line);
    if (situation.kind !== 'own') {
      // Not "26 pending" nor "unknown rows": another history built this database.
      if (situation.kind === 'foreign-lineage')
        for (const line of foreignRowLines(situation)) io.log(line);
      io.log(`${describeSituation(situation)}. ${convergeHint}`);
      return 1;
    }
    for (const m of report.migrations)
      io.log(
        `  ${m.state === 'applied' ? '✓' : m.state === 'pending' ? '·' : '✗'} ${m.tag}  ${labels[m.state]}`,
      );
    for (const duplicate of report.duplicates) {
      io.log(
        `  ✗ ${duplicate.tag}  DUPLICATE: recorded ${duplicate.ids.length} times in drizzle.__drizzle_migrations (ids ${duplicate.ids.join(', ')}); keep one: delete from drizzle.__drizzle_migrations where id in (${duplicate.ids.slice(1).join(', ')})`,
      );
    }
    for (const row of report.unknown) {
      io.log(
        `  ✗ (row ${row.id}, created_at ${row.createdAt})  UNKNOWN to this folder (applied by other code)`,
      );
    }
    const count = (state: string) => report.migrations.filter((m) => m.state === state).length;
    io.log(
      `${count('applied')} applied, ${count('pending')} pending, ${count('edited')} edited, ${count('skipped')} skipped, ${report.unknown.length} unknown${report.duplicates.length ? `, ${report.duplicates.length} duplicate` : ''}`,
    );
    if (adopted.length > 0) {
      io.log(
        `adopted history: ${adopted.length} journal row(s) of ${[...new Set(adopted.map((a) => a.lineage))].join(' and ')}, kept in drizzle.fluxcore_adopted_history`,
      );
    }
    return report.problems ? 1 : 0;
  } finally {
    await session.close();
  }
}
