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

/** Each row of `table`, by an md5 of all its columns. */
async function keys(db: Database | Transaction, table: string, where = 'true'): Promise<string[]> {
  const rows = await rawRows<{ key: string }>(
    db,
    sql`select ${rowKey(table)} as "key" from ${t(table)} where ${sql.raw(where)}`,
  );
  return rows.map((row) => row.key).sort();
}

async function snapshot(db: Database): Promise<Map<string, Set<string>>> {
  const out = new Map<string, Set<string>>();
  for (const table of rlsTables) out.set(table, new Set(await keys(db, table)));
  return out;
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

/** The columns an insert may set (no generated column). */
async function insertable(db: Database, table: string): Promise<string[]> {
  const rows = await rawRows<{ name: string }>(
    db,
    sql`select column_name as "name" from information_schema.columns
         where table_schema = 'public' and table_name = ${table}
           and is_generated = 'NEVER' and coalesce(identity_generation, '') <> 'ALWAYS'
         order by ordinal_position`,
  );
  return rows.map((row) => row.name);
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

  test('as A: A’s rows visible, B’s invisible, not updatable, not deletable', async () => {
    const { db } = handle;
    const problems: string[] = [];
    for (const table of rlsTables) {
      const tenancy = tableTenancy[table]!;
      const visible = await withTenant(db, a, (tx) => keys(tx, table), { role: app });
      const seen = new Set(visible);
      const open = new Set(await keys(db, table, readableByAll[table] ?? 'false'));
      const leaked = rowsOf.b.get(table)!.filter((k) => seen.has(k) && !open.has(k));
      if (leaked.length) problems.push(`${table}: ${leaked.length} of B's rows visible to A`);
      if (tenancy.kind === 'tenant') {
        const own = await keys(db, table, `"${tenancy.column}"::text = '${a}'`);
        if (JSON.stringify(own) !== JSON.stringify(visible.filter((k) => !open.has(k)))) {
          problems.push(`${table}: A sees ${visible.length} rows, A owns ${own.length}`);
        }
      } else if (tenancy.kind === 'child') {
        const parents = await withTenant(db, a, (tx) => keys(tx, tenancy.parent), { role: app });
        const parentIds = await rawRows<{ id: string }>(
          db,
          sql`select id::text as "id" from ${t(tenancy.parent)} where ${rowKey(tenancy.parent)} in (${sql.join(
            parents.map((k) => sql`${k}`),
            sql`, `,
          )})`,
        );
        const ids = parentIds.map((row) => `'${row.id}'`).join(', ') || 'null';
        const under = await keys(db, table, `"${tenancy.column}"::text in (${ids})`);
        if (JSON.stringify(under) !== JSON.stringify(visible)) {
          problems.push(
            `${table}: A sees ${visible.length} rows, ${under.length} under A's parents`,
          );
        }
      } else {
        const mine = rowsOf.a.get(table)!.filter((k) => seen.has(k));
        if (mine.length === 0) problems.push(`${table}: none of A's rows visible to A`);
      }
      const bKeys = rowsOf.b.get(table)!;
      if (bKeys.length === 0) continue; // the first test names the table
      const column = sql.identifier((await insertable(db, table))[0]!);
      const [changed, removed] = await withTenant(
        db,
        a,
        (tx) =>
          undone(tx, async (inner) => {
            const where = sql`${rowKey(table)} in (${sql.join(
              bKeys.map((k) => sql`${k}`),
              sql`, `,
            )})`;
            const u = await rawRows(
              inner,
              sql`update ${t(table)} set ${column} = ${column} where ${where} returning 1`,
            );
            const d = await rawRows(inner, sql`delete from ${t(table)} where ${where} returning 1`);
            return [u.length, d.length];
          }),
        { role: app },
      );
      if (changed || removed)
        problems.push(`${table}: A updated ${changed}, deleted ${removed} of B's rows`);
    }
    expect(problems).toEqual([]);
  }, 120_000);

  test('as A: B’s rows cannot be inserted (row-level security refuses them)', async () => {
    const { db } = handle;
    const answers: string[] = [];
    for (const table of rlsTables) {
      if (!rowsOf.b.get(table)?.length) continue; // the first test names the table
      const columns = await insertable(db, table);
      const list = sql.join(
        columns.map((c) => sql.identifier(c)),
        sql`, `,
      );
      const [row] = await rawRows<{ row: unknown }>(
        db,
        sql`select to_jsonb(${t(table)}) as "row" from ${t(table)} where ${rowKey(table)} = ${rowsOf.b.get(table)![0]!}`,
      );
      const code = await withTenant(
        db,
        a,
        (tx) =>
          failure(tx, (inner) =>
            inner.execute(
              sql`insert into ${t(table)} (${list}) select ${list} from jsonb_populate_record(null::${t(table)}, ${JSON.stringify(row!.row)}::jsonb)`,
            ),
          ),
        { role: app },
      );
      if (code !== '42501') answers.push(`${table}: ${code ?? 'inserted'}`);
    }
    expect(answers).toEqual([]);
  }, 120_000);

  test('with no tenant set, the runtime roles see no tenant’s rows', async () => {
    const { db } = handle;
    const seen: string[] = [];
    for (const role of Object.values(runtimeRoles)) {
      for (const table of rlsTables) {
        const own = role === runtimeRoles.system ? readableBySystem[table] : undefined;
        const open = [readableByAll[table], own].filter(Boolean).join(' or ') || 'false';
        const visible = await withRole(db, role, (tx) => keys(tx, table, `not (${open})`));
        if (visible.length) seen.push(`${role} ${table}: ${visible.length}`);
      }
    }
    expect(seen).toEqual([]);
  }, 120_000);
});
