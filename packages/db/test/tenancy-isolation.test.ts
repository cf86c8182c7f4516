/**
 * Tenant isolation by row-level security (issue 24, item 5), generated from `tableTenancy`:
 * two accounts A and B, each filled in every table it owns (fillAccount, each with its own
 * peer), and for every table with row-level security, as the API's runtime role with A as the
 * tenant:
 * - A's rows are visible: all rows naming A (tenant tables), all rows under A's visible parents
 *   (child tables), and A's rows in shared tables;
 * - B's rows are invisible (but for what every tenant may read: published listings and their
 *   reviews, built-in tool definitions and global asset policies), cannot be updated or deleted,
 *   and cannot be inserted again as A (B's row as it is, B's ids in it);
 * - with no tenant set, no tenant's rows.
 * One migrated database per kind for the whole file.
 */
import { beforeAll, describe, expect, test } from 'bun:test';
import {
  createOwnedAccount,
  databaseKinds,
  fillAccount,
  useMigratedDatabase,
} from '@fluxcore/db/testing';
import { sql } from 'drizzle-orm';
import type { Database, Transaction } from '../src/connection/client.ts';
import { rawRows } from '../src/connection/raw-rows.ts';
import { withRole, withTenant } from '../src/connection/with-tenant.ts';
import { runtimeRoles, tableTenancy } from '../src/schema/tenancy/index.ts';
import { fillTenancyExtras } from '../src/testing/fill-tenancy.ts';

const app = runtimeRoles.app;
const rlsTables = Object.entries(tableTenancy)
  .filter(([, tenancy]) => tenancy.kind !== 'global')
  .map(([table]) => table)
  .sort();

/** Rows every tenant may read, by table (as owner SQL): they are not B's secret. */
const readableByAll: Record<string, string> = {
  fluxcore_marketplace_listings: `status = 'published'`,
  fluxcore_marketplace_reviews: `listing_id in (select id from fluxcore_marketplace_listings where status = 'published')`,
  fluxcore_tool_definitions: 'account_id is null',
  asset_policies: 'account_id is null',
};

/** What the system role reads with no tenant: the worker's queue, and tombstones it removes. */
const readableBySystem: Record<string, string> = {
  account_deletion_jobs: 'true',
  accounts: `id in (select account_id from account_deletion_jobs where status in ('local_cleanup', 'completed'))`,
};

const t = (table: string) => sql.identifier(table);
const rowKey = (table: string) => sql.raw(`md5(to_jsonb("${table}")::text)`);

/** Every row of every table (`where` per table, default all), by table: one statement. */
async function allKeys(
  db: Database | Transaction,
  where: (table: string) => string = () => 'true',
): Promise<Map<string, string[]>> {
  const rows = await rawRows<{ table: string; key: string }>(
    db,
    sql.raw(
      rlsTables
        .map(
          (table) =>
            `select '${table}' as "table", md5(to_jsonb("${table}")::text) as "key" from "${table}" where ${where(table)}`,
        )
        .join(' union all '),
    ),
  );
  const out = new Map<string, string[]>(rlsTables.map((table) => [table, []]));
  for (const row of rows) out.get(row.table)!.push(row.key);
  for (const list of out.values()) list.sort();
  return out;
}

async function snapshot(db: Database): Promise<Map<string, Set<string>>> {
  const all = await allKeys(db);
  return new Map([...all].map(([table, list]) => [table, new Set(list)]));
}

const added = (before: Set<string>, after: Set<string>) => [...after].filter((k) => !before.has(k));

/** Rolls back whatever `fn` did: it runs in a savepoint that always fails. */
async function undone<T>(tx: Transaction, fn: (tx: Transaction) => Promise<T>): Promise<T> {
  let result: T | undefined;
  const rollback = new Error('rolled back');
  await tx
    .transaction(async (inner) => {
      result = await fn(inner);
      throw rollback;
    })
    .catch((error) => {
      if (error !== rollback) throw error;
    });
  return result as T;
}

/** The SQLSTATE of what `fn` threw, in a savepoint; undefined when it did not throw. */
async function failure(tx: Transaction, fn: (tx: Transaction) => Promise<unknown>) {
  try {
    await undone(tx, fn);
    return undefined;
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause ?? error;
    return (cause as { code?: string }).code ?? String(error);
  }
}

/** The columns an insert may set (no generated or always-identity column), by table. */
async function insertableColumns(db: Database): Promise<Map<string, string[]>> {
  const rows = await rawRows<{ table: string; name: string }>(
    db,
    sql`select c.relname as "table", a.attname as "name"
          from pg_attribute a join pg_class c on c.oid = a.attrelid
          join pg_namespace n on n.oid = c.relnamespace and n.nspname = 'public'
         where c.relkind = 'r' and a.attnum > 0 and not a.attisdropped
           and a.attgenerated = '' and a.attidentity <> 'a'
         order by c.relname, a.attnum`,
  );
  const out = new Map<string, string[]>();
  for (const row of rows) out.set(row.table, [...(out.get(row.table) ?? []), row.name]);
  return out;
}

describe.each(databaseKinds)('tenant isolation on %s, as fluxcore_app', (kind) => {
  const handle = useMigratedDatabase(kind);
  let a = '';
  const rowsOf = { a: new Map<string, string[]>(), b: new Map<string, string[]>() };

  beforeAll(async () => {
    const { db } = handle;
    const fill = async (label: string) => {
      const owner = await createOwnedAccount(db, label);
      const peer = await createOwnedAccount(db, `peer of ${label}`);
      const who = (x: typeof owner) => ({ userId: x.user.id, accountId: x.account.id });
      await fillAccount(db, who(owner), who(peer));
      await fillTenancyExtras(db, owner.account.id);
      return owner.account.id;
    };
    const before = await snapshot(db);
    a = await fill('A');
    const afterA = await snapshot(db);
    await fill('B');
    const afterB = await snapshot(db);
    for (const table of rlsTables) {
      rowsOf.a.set(table, added(before.get(table)!, afterA.get(table)!));
      rowsOf.b.set(table, added(afterA.get(table)!, afterB.get(table)!));
    }
  }, 120_000);

  test('fillAccount gives A and B rows in every table with row-level security', () => {
    const empty = rlsTables.filter(
      (table) => !rowsOf.a.get(table)?.length || !rowsOf.b.get(table)?.length,
    );
    expect(empty).toEqual([]);
  });

  /** What A sees as the API's role, by table. */
  const asA = () => withTenant(handle.db, a, (tx) => allKeys(tx), { role: app });
  const open = (table: string) => readableByAll[table] ?? 'false';

  test('as A: A’s rows visible, B’s invisible', async () => {
    const { db } = handle;
    const visible = await asA();
    const public_ = await allKeys(db, open);
    const own = await allKeys(db, (table) => {
      const tenancy = tableTenancy[table]!;
      return tenancy.kind === 'tenant' ? `"${tenancy.column}"::text = '${a}'` : 'false';
    });
    const problems: string[] = [];
    for (const table of rlsTables) {
      const tenancy = tableTenancy[table]!;
      const seen = new Set(visible.get(table));
      const everyone = new Set(public_.get(table));
      const leaked = rowsOf.b.get(table)!.filter((k) => seen.has(k) && !everyone.has(k));
      if (leaked.length) problems.push(`${table}: ${leaked.length} of B's rows visible to A`);
      const mine = visible.get(table)!.filter((k) => !everyone.has(k));
      if (tenancy.kind === 'tenant' && own.get(table)!.join() !== mine.join()) {
        problems.push(`${table}: A sees ${mine.length} rows, A owns ${own.get(table)!.length}`);
      }
      if (tenancy.kind === 'child') {
        const parents =
          visible
            .get(tenancy.parent)!
            .map((k) => `'${k}'`)
            .join(', ') || 'null';
        const under = await rawRows<{ key: string }>(
          db,
          sql.raw(`select md5(to_jsonb(c)::text) as "key" from "${table}" c
            where "${tenancy.column}" in (select id from "${tenancy.parent}" p
                                           where md5(to_jsonb(p)::text) in (${parents}))`),
        );
        const expected = under.map((row) => row.key).sort();
        if (expected.join() !== visible.get(table)!.join()) {
          problems.push(`${table}: A sees ${seen.size} rows, ${expected.length} under A's parents`);
        }
      }
      if (tenancy.kind === 'shared' && !rowsOf.a.get(table)!.some((k) => seen.has(k))) {
        problems.push(`${table}: none of A's rows visible to A`);
      }
    }
    expect(problems).toEqual([]);
  }, 120_000);

  test('as A: B’s rows cannot be updated, deleted or inserted again', async () => {
    const { db } = handle;
    const columns = await insertableColumns(db);
    const bRows = new Map<string, unknown>();
    for (const table of rlsTables) {
      const [row] = await rawRows<{ row: unknown }>(
        db,
        sql`select to_jsonb(${t(table)}) as "row" from ${t(table)} where ${rowKey(table)} = ${rowsOf.b.get(table)![0] ?? ''}`,
      );
      bRows.set(table, row?.row);
    }
    const problems = await withTenant(
      db,
      a,
      async (tx) => {
        const out: string[] = [];
        for (const table of rlsTables) {
          const bKeys = rowsOf.b.get(table)!;
          if (bKeys.length === 0) continue; // the first test names the table
          const list = columns
            .get(table)!
            .map((c) => `"${c}"`)
            .join(', ');
          const where = sql`${rowKey(table)} in (${sql.join(
            bKeys.map((k) => sql`${k}`),
            sql`, `,
          )})`;
          const first = sql.identifier(columns.get(table)![0]!);
          const [changed, removed] = await undone(tx, async (inner) => [
            (
              await rawRows(
                inner,
                sql`update ${t(table)} set ${first} = ${first} where ${where} returning 1`,
              )
            ).length,
            (await rawRows(inner, sql`delete from ${t(table)} where ${where} returning 1`)).length,
          ]);
          if (changed || removed) out.push(`${table}: updated ${changed}, deleted ${removed}`);
          const code = await failure(tx, (inner) =>
            inner.execute(
              sql`insert into ${t(table)} (${sql.raw(list)}) select ${sql.raw(list)} from jsonb_populate_record(null::${t(table)}, ${JSON.stringify(bRows.get(table))}::jsonb)`,
            ),
          );
          if (code !== '42501') out.push(`${table}: insert ${code ?? 'went through'}`);
        }
        return out;
      },
      { role: app },
    );
    expect(problems).toEqual([]);
  }, 120_000);

  test('with no tenant set, the runtime roles see no tenant’s rows', async () => {
    const { db } = handle;
    const seen: string[] = [];
    for (const role of Object.values(runtimeRoles)) {
      const own = (table: string) =>
        role === runtimeRoles.system ? readableBySystem[table] : undefined;
      const visible = await withRole(db, role, (tx) =>
        allKeys(tx, (table) => `not (${[open(table), own(table) ?? 'false'].join(' or ')})`),
      );
      for (const [table, list] of visible)
        if (list.length) seen.push(`${role} ${table}: ${list.length}`);
    }
    expect(seen).toEqual([]);
  }, 120_000);
});
