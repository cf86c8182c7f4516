import { readFileSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { vector } from '@electric-sql/pglite-pgvector';

for (const f of [
  '/tmp/switched.tar',
  '/tmp/trimmed.tar',
  '/tmp/switched.tar',
  '/tmp/trimmed.tar',
]) {
  const buf = readFileSync(f);
  const t0 = performance.now();
  const db = new PGlite({ extensions: { vector }, loadDataDir: new Blob([buf]) });
  await db.waitReady;
  const t1 = performance.now();
  await db.exec(
    "create table big as select g, repeat('x', 500) t from generate_series(1, 100000) g; checkpoint; insert into big select g, repeat('y', 500) from generate_series(1, 100000) g;",
  );
  const r = await db.query('select count(*), pg_current_wal_lsn() from big');
  await db.close();
  console.log(f, (t1 - t0).toFixed(0), 'ms start', JSON.stringify(r.rows[0]));
}
