/**
 * Makes the generated reference data one the current schema can take: what a schema decision
 * refuses (a new NOT NULL column with no source, a check or a foreign key the original never
 * had) is removed with the rows that point at it, so the success tests converge; the refusal
 * tests then break one thing on purpose.
 */
import type { LiveSchema } from '../../src/catalog/introspect.ts';
import { introspectSchema } from '../../src/catalog/introspect.ts';
import type { FullCatalog } from '../../src/catalog/logic.ts';
import type { SqlSession } from '../../src/client.ts';
import type { DatabaseConfig } from '../../src/config.ts';
import { converge } from '../../src/converge/apply.ts';
import { quote } from '../../src/converge/pair.ts';
import type { Migration } from '../../src/migrator/journal.ts';

/**
 * Removes the generated rows the schema cannot take today (for example a column the schema
 * makes NOT NULL with no source, or a check the original never had), with the rows that
 * point at them, until the plan can apply. Returns what it removed, per table, so a test can
 * say it. Never used by the refusal tests, which keep their broken row.
 */
export async function removeUnconvergeableRows(
  session: SqlSession,
  config: DatabaseConfig,
  migrations: Migration[],
  target: FullCatalog,
): Promise<Map<string, number>> {
  const removed = new Map<string, number>();
  const live = await introspectSchema(session);
  for (let round = 0; round < 8; round++) {
    const outcome = await converge(session, config, migrations, {
      target,
      exampleLimit: 1_000_000,
    });
    const refusals = outcome.plan.refusals.filter((r) => r.spec.kind !== 'logic');
    if (process.env.DEBUG_FIXTURE) for (const r of refusals) console.log(r.summary.slice(0, 250));
    if (refusals.length === 0) return removed;
    for (const refusal of refusals) {
      if (refusal.spec.kind === 'no-source')
        await deleteRows(session, live, refusal.table, null, removed);
      else if (refusal.spec.kind === 'unique') {
        const keys = refusal.examples.flatMap((example) =>
          (example.split(' in ')[1] ?? '').split(' & ').slice(1),
        );
        await deleteRows(session, live, refusal.table, keys, removed);
      } else await deleteRows(session, live, refusal.table, refusal.examples, removed);
    }
  }
  throw new Error('the generated rows still cannot converge after 8 rounds of removal');
}

function keyExpression(live: LiveSchema, table: string): string {
  const primary = [...(live.tables.get(table)?.constraints.values() ?? [])].find(
    (c) => c.type === 'primary key',
  );
  if (!primary) return 'ctid::text';
  return primary.columns.length === 1
    ? `${quote(primary.columns[0] as string)}::text`
    : `concat_ws('/', ${primary.columns.map((c) => `${quote(c)}::text`).join(', ')})`;
}

async function deleteRows(
  session: SqlSession,
  live: LiveSchema,
  table: string,
  keys: string[] | null,
  removed: Map<string, number>,
  depth = 0,
): Promise<void> {
  if (keys !== null && keys.length === 0) return;
  const where = keys === null ? 'true' : `${keyExpression(live, table)} = any($1::text[])`;
  const params = keys === null ? [] : [keys];
  for (const child of live.tables.values()) {
    for (const fk of child.constraints.values()) {
      if (
        fk.type !== 'foreign key' ||
        fk.referencedTable !== table ||
        fk.columns.length !== 1 ||
        (child.name === table && depth > 3)
      )
        continue;
      const rows = await session.query<{ key: string }>(
        `select ${keyExpression(live, child.name)} as key from ${quote(child.name)}
         where ${quote(fk.columns[0] as string)} in (select ${quote(fk.referencedColumns[0] as string)} from ${quote(table)} where ${where})`,
        params,
      );
      await deleteRows(
        session,
        live,
        child.name,
        rows.map((r) => r.key).filter((k) => !(child.name === table && keys?.includes(k))),
        removed,
        depth + 1,
      );
    }
  }
  const rows = await session.query<{ n: number }>(
    `with d as (delete from ${quote(table)} where ${where} returning 1) select count(*)::int as n from d`,
    params,
  );
  removed.set(table, (removed.get(table) ?? 0) + Number(rows[0]?.n ?? 0));
}
