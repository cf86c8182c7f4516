import { openSqlSession } from '../client.ts';
import { describeTarget, loadDatabaseConfig, migrationsFolder } from '../config.ts';
import { readAdoptedHistory } from '../converge/records.ts';
import { loadMigrations } from '../migrator/journal.ts';
import { convergeHint, describeSituation, situationOf } from '../migrator/lineages.ts';
import { migrationStatus } from '../migrator/status.ts';
import { parseFlags, runCommand } from './run.ts';

const labels = {
  applied: 'applied',
  pending: 'pending',
  skipped: 'SKIPPED (a later migration is applied; drizzle-kit would never run this one)',
  edited: 'EDITED after applying (the file no longer matches its recorded checksum)',
} as const;

await runCommand(async () => {
  const flags = parseFlags({ json: { type: 'boolean' } });
  const config = loadDatabaseConfig(process.env, { applicationName: 'fluxcore-status' });
  const migrations = loadMigrations(process.env.FLUXCORE_MIGRATIONS_DIR ?? migrationsFolder);
  const session = await openSqlSession(config);
  try {
    const report = await migrationStatus(session, migrations);
    const situation = await situationOf(session, migrations);
    const adopted = await readAdoptedHistory(session);
    if (flags.json) {
      console.log(JSON.stringify({ ...report, situation: situation.kind, adopted }, null, 2));
      return report.problems || situation.kind !== 'own' ? 1 : 0;
    }
    if (situation.kind !== 'own') {
      // Not "26 pending" nor "unknown rows": another history built this database.
      console.log(`migrations on ${describeTarget(config)}`);
      if (situation.kind === 'foreign-lineage') {
        for (const row of situation.rows)
          console.log(`  ~ ${row.tag}  applied by ${situation.lineage.name} (an earlier history)`);
      }
      console.log(`${describeSituation(situation)}. ${convergeHint}`);
      return 1;
    }
    {
      console.log(`migrations on ${describeTarget(config)}`);
      for (const m of report.migrations)
        console.log(
          `  ${m.state === 'applied' ? '✓' : m.state === 'pending' ? '·' : '✗'} ${m.tag}  ${labels[m.state]}`,
        );
      for (const duplicate of report.duplicates) {
        console.log(
          `  ✗ ${duplicate.tag}  DUPLICATE: recorded ${duplicate.ids.length} times in drizzle.__drizzle_migrations (ids ${duplicate.ids.join(', ')}); keep one: delete from drizzle.__drizzle_migrations where id in (${duplicate.ids.slice(1).join(', ')})`,
        );
      }
      for (const row of report.unknown) {
        console.log(
          `  ✗ (row ${row.id}, created_at ${row.createdAt})  UNKNOWN to this folder (applied by other code)`,
        );
      }
      const count = (state: string) => report.migrations.filter((m) => m.state === state).length;
      console.log(
        `${count('applied')} applied, ${count('pending')} pending, ${count('edited')} edited, ${count('skipped')} skipped, ${report.unknown.length} unknown${report.duplicates.length ? `, ${report.duplicates.length} duplicate` : ''}`,
      );
      if (adopted.length > 0) {
        console.log(
          `adopted history: ${adopted.length} journal row(s) of ${adopted[0]?.lineage}, kept in drizzle.fluxcore_adopted_history`,
        );
      }
    }
    return report.problems ? 1 : 0;
  } finally {
    await session.close();
  }
});
