/**
 * What deleting an account deletes, keeps and redacts, and in which order, read from the live
 * catalog (the catalog room's foreign-key reader) rather than from a hand-kept table list: a
 * table added to the schema later is covered by the next deletion without a change here.
 * docs/account-deletion.md states the intent; in short:
 *
 * - A table whose rows can belong to two accounts at once (two cascading foreign keys to
 *   `accounts`: relationships) is shared. Its rows, and every row that reaches the account only
 *   through them (a conversation, the other side's messages, sessions and rules), are the other
 *   party's too and are never deleted. Redaction (redaction.ts) removes the account's side of
 *   them instead: its perspective and notes, the preview of its last message, the other side's
 *   unread count of its messages.
 * - Every other table is owned by the account when it reaches `accounts` through cascading
 *   foreign keys that do not pass through a shared table: its rows have no life without their
 *   parent. Its rows to delete are those whose cascading key points at a row being deleted
 *   (a message: the ones the account sent; a session: the ones it paid for).
 * - A table with an `account_id` column (uuid or text) and no foreign key on it (the May
 *   lineage's kernel projections and queues, which the original keeps keyless) is owned too,
 *   its rows those naming the account, and so is what cascades from it. The deletion trail
 *   (account_deletion_jobs and _logs) is the one exception: it outlives the account.
 * - `set null` references (history that outlives the account: a ledger's conversation, an
 *   appointment's client) are cleared: by the database when the account row goes, explicitly
 *   when it stays as a tombstone.
 * - `restrict` and `no action` references are never followed: they exist to refuse a
 *   deletion (protected_accounts restricts its account). They still order the deletes.
 * - Tables are deleted children first (every foreign key between owned tables points at a
 *   table deleted later), so no statement depends on a cascade and none hits a foreign key.
 * - The account row itself goes last; while a shared row still names it (its relationships
 *   with other accounts) it cannot go without taking them along (relationships cascade), so it
 *   stays as a tombstone with nothing of the account left in it (redaction.ts).
 */

import { type SQL, sql } from 'drizzle-orm';
import { getTableConfig } from 'drizzle-orm/pg-core';
import { type Queryable, readConstraints } from '../../catalog/constraints.ts';
import type { Database, Transaction } from '../../connection/client.ts';
import { rawRows } from '../../connection/raw-rows.ts';
import { FluxDbError } from '../../errors/flux-db-error.ts';
import { accountDeletionJobs, accountDeletionLogs, accounts } from '../../schema/index.ts';
import { removeAccountRow } from './redaction.ts';

type OnDelete = 'no action' | 'restrict' | 'cascade' | 'set null' | 'set default';

export interface ForeignKey {
  name: string;
  child: string;
  childColumns: string[];
  parent: string;
  parentColumns: string[];
  onDelete: OnDelete;
}

export interface DeletionStep {
  table: string;
  /** The condition that selects the account's rows of this table. */
  where(accountId: string): SQL;
}

/** A column of a shared table that names an account (relationships.account_a_id). */
export interface SharedReference {
  table: string;
  column: string;
}

export interface AccountDeletionPlan {
  /** Children first; the last step is the account row itself (deleted or kept as a tombstone). */
  steps: DeletionStep[];
  /** Columns of shared tables naming the account: their rows are redacted, never deleted. */
  shared: SharedReference[];
  /** `set null` columns naming the account, cleared when the account row stays a tombstone. */
  cleared: SharedReference[];
}

const rootTable = getTableConfig(accounts);

/** Every foreign key between two tables of the schema's namespace (`public`). */
export async function readForeignKeys(db: Database | Transaction): Promise<ForeignKey[]> {
  // The catalog's statements take no parameters: run them as they are.
  const catalog: Queryable = { query: (text) => rawRows(db, sql.raw(text)) };
  const found = await readConstraints(catalog, 'foreign keys');
  return found.map(({ table, constraint }) => ({
    name: constraint.name,
    child: table,
    childColumns: constraint.columns,
    parent: constraint.referencedTable ?? '',
    parentColumns: constraint.referencedColumns,
    onDelete: (constraint.onDelete ?? 'no action') as OnDelete,
  }));
}

/** The deletion trail names the account on purpose, without a key: it outlives the account. */
const trailTables = [accountDeletionJobs, accountDeletionLogs].map(
  (table) => getTableConfig(table).name,
);

/**
 * Every `account_id` column (uuid or text) of a `public` table that no foreign key covers,
 * but the deletion trail's: account data kept without a key.
 */
export async function readUnkeyedAccountColumns(
  db: Database | Transaction,
): Promise<SharedReference[]> {
  const rows = await rawRows<{ table: string; column: string }>(
    db,
    sql`select c.relname as "table", a.attname as "column"
          from pg_attribute a join pg_class c on c.oid = a.attrelid
         where c.relnamespace = 'public'::regnamespace and c.relkind in ('r', 'p')
           and a.attname = 'account_id' and not a.attisdropped
           and a.atttypid in ('uuid'::regtype, 'text'::regtype, 'varchar'::regtype)
           and not exists (select 1 from pg_constraint k
                            where k.contype = 'f' and k.conrelid = c.oid and a.attnum = any(k.conkey))
         order by 1`,
  );
  return rows.filter((row) => !trailTables.includes(row.table));
}

const columnList = (columns: string[]) =>
  sql.join(
    columns.map((column) => sql.identifier(column)),
    sql`, `,
  );

/**
 * Builds the plan from foreign keys and keyless account columns (exported so tests can plan
 * over a hand-made graph).
 */
export function planFromForeignKeys(
  foreignKeys: ForeignKey[],
  unkeyed: SharedReference[] = [],
): AccountDeletionPlan {
  const root = rootTable.name;
  const [rootKey] = rootTable.columns.filter((column) => column.primary);
  if (!rootKey) throw new Error(`${root} has no single-column primary key`);

  const toRoot = (fk: ForeignKey) => fk.parent === root && fk.childColumns.length === 1;
  // Shared tables: two cascading keys to the root (a row can belong to two accounts).
  const cascadesToRoot = foreignKeys.filter((fk) => fk.onDelete === 'cascade' && toRoot(fk));
  const sharedTables = new Set(
    cascadesToRoot
      .map((fk) => fk.child)
      .filter((table, _, all) => table !== root && all.filter((t) => t === table).length > 1),
  );
  // The owned tables: reachable from the root through cascading keys, followed backwards,
  // never through a shared table.
  const unkeyedOf = (table: string) => unkeyed.filter((column) => column.table === table);
  const owned = new Set([root, ...unkeyed.map((column) => column.table)]);
  for (const table of sharedTables) owned.delete(table);
  for (let grew = true; grew; ) {
    grew = false;
    for (const fk of foreignKeys) {
      if (
        fk.onDelete === 'cascade' &&
        owned.has(fk.parent) &&
        !owned.has(fk.child) &&
        !sharedTables.has(fk.child)
      ) {
        owned.add(fk.child);
        grew = true;
      }
    }
  }

  const predicates = new Map<string, (accountId: string) => SQL>();
  const building: string[] = [];
  const predicateOf = (table: string): ((accountId: string) => SQL) => {
    const known = predicates.get(table);
    if (known) return known;
    if (building.includes(table)) {
      throw new FluxDbError(
        'DELETION_PLAN_CYCLE',
        `cascading foreign keys form a cycle through ${[...building, table].join(' → ')}`,
        'Make one of those references on delete set null or restrict',
      );
    }
    building.push(table);
    let predicate: (accountId: string) => SQL;
    if (table === root) {
      predicate = (accountId) => sql`${sql.identifier(rootKey.name)} = ${accountId}`;
    } else {
      const terms = foreignKeys
        .filter((fk) => fk.child === table && fk.onDelete === 'cascade' && fk.parent !== table)
        .filter((fk) => owned.has(fk.parent))
        .map((fk) => {
          const [column] = fk.childColumns;
          if (fk.parent === root && column && fk.parentColumns.join() === rootKey.name) {
            return (accountId: string) => sql`${sql.identifier(column)} = ${accountId}`;
          }
          const parentPredicate = predicateOf(fk.parent);
          return (accountId: string) =>
            sql`(${columnList(fk.childColumns)}) in (select ${columnList(fk.parentColumns)} from ${sql.identifier(fk.parent)} where ${parentPredicate(accountId)})`;
        });
      for (const { column } of unkeyedOf(table)) {
        terms.push((accountId) => sql`${sql.identifier(column)}::text = ${accountId}`);
      }
      predicate = (accountId) =>
        sql.join(
          terms.map((term) => sql`(${term(accountId)})`),
          sql` or `,
        );
    }
    building.pop();
    predicates.set(table, predicate);
    return predicate;
  };

  // Children first: a table is deleted once no owned table still to delete references it.
  const ordering = foreignKeys.filter(
    (fk) =>
      fk.onDelete !== 'set null' &&
      fk.onDelete !== 'set default' &&
      fk.child !== fk.parent &&
      owned.has(fk.child) &&
      owned.has(fk.parent),
  );
  const remaining = new Set(owned);
  const steps: DeletionStep[] = [];
  while (remaining.size > 0) {
    // The account row goes last, after tables that name it without a key too.
    const ready = [...remaining]
      .filter((table) => !ordering.some((fk) => fk.parent === table && remaining.has(fk.child)))
      .filter((table) => table !== root || remaining.size === 1)
      .sort();
    if (ready.length === 0) {
      throw new FluxDbError(
        'DELETION_PLAN_CYCLE',
        `foreign keys between ${[...remaining].sort().join(', ')} form a cycle with no set null link`,
        'Make one of those references on delete set null',
      );
    }
    for (const table of ready) {
      remaining.delete(table);
      steps.push({ table, where: predicateOf(table) });
    }
  }
  const columnOf = (fk: ForeignKey) => ({ table: fk.child, column: fk.childColumns[0] ?? '' });
  return {
    steps,
    shared: cascadesToRoot.filter((fk) => sharedTables.has(fk.child)).map(columnOf),
    cleared: foreignKeys.filter((fk) => fk.onDelete === 'set null' && toRoot(fk)).map(columnOf),
  };
}

/** The plan for the live database's schema. */
export async function planAccountDeletion(
  db: Database | Transaction,
): Promise<AccountDeletionPlan> {
  return planFromForeignKeys(await readForeignKeys(db), await readUnkeyedAccountColumns(db));
}

/** How many rows of each owned table belong to the account (one statement). */
export async function countAccountRows(
  db: Database | Transaction,
  plan: AccountDeletionPlan,
  accountId: string,
): Promise<Record<string, number>> {
  const selects = plan.steps.map(
    (step) =>
      sql`select ${step.table}::text as "table", count(*)::int as "count" from ${sql.identifier(step.table)} where ${step.where(accountId)}`,
  );
  const rows = await rawRows<{ table: string; count: number }>(
    db,
    sql.join(selects, sql` union all `),
  );
  return Object.fromEntries(rows.map((row) => [row.table, Number(row.count)]));
}

/**
 * Deletes the account's rows, table by table in plan order, then its row (or keeps it as a
 * tombstone, redaction.ts); returns the count deleted per table.
 */
export async function deleteAccountRows(
  db: Database | Transaction,
  plan: AccountDeletionPlan,
  accountId: string,
): Promise<Record<string, number>> {
  const deleted: Record<string, number> = {};
  // A converged May database keeps the original's asset shield (protect_assets_from_deletion),
  // which refuses to delete an assets row unless the transaction names its account, as the
  // original's own deletions do. Transaction-local; harmless where the shield is absent.
  await rawRows(
    db,
    sql`select set_config('fluxcore.allowed_delete_account_id', ${accountId}, true) as "set"`,
  );
  for (const step of plan.steps) {
    if (step.table === rootTable.name) {
      deleted[step.table] = (await removeAccountRow(db, plan, accountId)).deleted;
      continue;
    }
    const [row] = await rawRows<{ count: number }>(
      db,
      sql`with deleted as (delete from ${sql.identifier(step.table)} where ${step.where(accountId)} returning 1) select count(*)::int as "count" from deleted`,
    );
    deleted[step.table] = Number(row?.count ?? 0);
  }
  return deleted;
}
