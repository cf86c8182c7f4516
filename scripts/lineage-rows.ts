/**
 * Rows for a database rebuilt by scripts/build-original.sh, and the proof that db:converge kept
 * them (docs/adopting-lineages.md):
 *   bun scripts/lineage-rows.ts seed   DATABASE_URL          realistic rows (the package's
 *                                                            reference-data generator, seeded;
 *                                                            the original's triggers held off)
 *   bun scripts/lineage-rows.ts before DATABASE_URL FILE     row counts and column checksums
 *   bun scripts/lineage-rows.ts after  DATABASE_URL FILE     the same again, compared with FILE
 * `after` follows the schema's declared renames (originalRenames); a column whose checksum
 * changed is listed with its row count, to be matched with what the plan announced (a rename
 * that transforms, a fill). Exit 1 when a row or a table is missing.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { openSqlSession } from '../packages/db/src/connection/client.ts';
import { readTarget } from '../packages/db/src/converge/target.ts';
import { originalRenames } from '../packages/db/src/schema/original/renames.ts';
import { generateReferenceData, projectMigrations } from '../packages/db/src/testing/index.ts';
import { fingerprint } from '../packages/db/test/support/fingerprint.ts';

const [command, url, file] = process.argv.slice(2);
if (!command || !url || (command !== 'seed' && !file)) {
  console.error('usage: bun scripts/lineage-rows.ts seed|before|after DATABASE_URL [FILE]');
  process.exit(2);
}
const config = { kind: 'server' as const, url, applicationName: 'fluxcore-lineage-rows' };
const session = await openSqlSession(config);
try {
  if (command === 'seed') {
    const target = await readTarget(config, projectMigrations);
    // The generator writes every table itself (counters too): the original's triggers would
    // recompute them from rows of the generator's making (a rating of 7 overflows numeric(3,2)).
    await session.exec('set session_replication_role = replica');
    const data = await generateReferenceData(session, target);
    const total = [...data.rows.values()].reduce((sum, n) => sum + n, 0);
    console.log(
      `seeded ${total} rows in ${[...data.rows.values()].filter((n) => n > 0).length} tables`,
    );
  } else if (command === 'before') {
    const print = await fingerprint(session);
    writeFileSync(
      file as string,
      JSON.stringify({ rows: [...print.rows], columns: [...print.columns], keys: [...print.keys] }),
    );
    const total = [...print.rows.values()].reduce((sum, n) => sum + n, 0);
    console.log(
      `${total} rows in ${print.rows.size} tables, ${print.columns.size} column checksums`,
    );
  } else {
    const before = JSON.parse(readFileSync(file as string, 'utf8')) as {
      rows: [string, number][];
      columns: [string, string][];
      keys: [string, string[]][];
    };
    // Checksums over the rows that were there before (a data migration may add rows).
    const after = await fingerprint(session, new Map(before.keys));
    const everyKey = await fingerprint(session);
    let lost = 0;
    let rows = 0;
    for (const [table, keys] of before.keys) {
      rows += keys.length;
      const now = new Set(everyKey.keys.get(table) ?? []);
      const missing = keys.filter((k) => !now.has(k));
      const added = now.size - (keys.length - missing.length);
      if (missing.length > 0) {
        lost++;
        console.log(
          `ROWS ${table}: ${missing.length} row(s) of ${keys.length} missing (e.g. ${missing.slice(0, 3).join('; ')})`,
        );
      }
      if (added > 0)
        console.log(
          `  added: ${table}: ${added} row(s) (${keys.length} before, ${now.size} after)`,
        );
    }
    const changed: string[] = [];
    let same = 0;
    for (const [column, sum] of before.columns) {
      const [table = '', name = ''] = column.split('.');
      const rename = originalRenames.find((r) => r.table === table && r.from === name);
      const now = after.columns.get(rename ? `${table}.${rename.to}` : column);
      if (now === sum) same++;
      else
        changed.push(
          `${column}${rename ? ` → ${rename.to}` : ''}${now ? '' : ' (no such column after)'}`,
        );
    }
    console.log(
      `${rows} rows in ${before.rows.length} tables: ${lost === 0 ? 'every row kept' : `${lost} table(s) differ`}; ${same} of ${before.columns.length} column checksums equal`,
    );
    for (const column of changed) console.log(`  changed: ${column}`);
    process.exitCode = lost === 0 ? 0 : 1;
  }
} finally {
  await session.close();
}
