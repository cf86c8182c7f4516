/**
 * The account's side of what it shares with other accounts, taken out without taking the other
 * side's data along (see docs/account-deletion.md):
 * - its relationships stay (the other party's conversations, messages, sessions and rules hang
 *   off them), with the account's perspective reset and the context notes it wrote removed;
 * - their conversations stay; a preview that showed one of the account's (now deleted)
 *   messages shows the newest message left, and the unread counts, which counted messages
 *   between the two sides, are 0;
 * - the account row stays as a tombstone while a shared row names it: its id, owner and type,
 *   nothing else (username `deleted-<id>`, display name "Deleted account", empty profile), and
 *   its `set null` references cleared as the database would on a delete. `accountOwnerId` and
 *   every operation built on it treat a tombstone as no account at all. When the other side
 *   of a relationship is deleted too, the relationship goes with its conversations (they are
 *   nobody's any more), and so does a tombstone no relationship names.
 * Every statement is idempotent: the completing phase runs them again.
 */
import { type SQL, sql } from 'drizzle-orm';
import type { Database, Transaction } from '../../connection/client.ts';
import { rawRows } from '../../connection/raw-rows.ts';
import { lastMessagePreviewLength } from '../messages/conversations.ts';
import type { AccountDeletionPlan } from './plan.ts';

type Db = Database | Transaction;

/** The display name a tombstone keeps. */
export const tombstoneDisplayName = 'Deleted account';

const untouchedPerspective = sql`'{"saved_name": null, "tags": [], "status": "active"}'::jsonb`;

/** The account's relationships with other accounts. */
const relationshipsOf = (accountId: string) =>
  sql`select id from relationships where account_a_id = ${accountId} or account_b_id = ${accountId}`;

/** Resets the account's side of its relationships and removes the notes it wrote. */
async function redactRelationships(db: Db, accountId: string): Promise<void> {
  const own = sql`coalesce(context->'entries', '[]'::jsonb)`;
  const authored = (e: SQL) => sql`${e}->>'author_account_id' = ${accountId}::text`;
  await db.execute(sql`
    update relationships set
      perspective_a = case when account_a_id = ${accountId} then ${untouchedPerspective} else perspective_a end,
      perspective_b = case when account_b_id = ${accountId} then ${untouchedPerspective} else perspective_b end,
      context = case
        when exists (select 1 from jsonb_array_elements(${own}) as t(e) where ${authored(sql`e`)})
        then jsonb_build_object(
          'entries', (select coalesce(jsonb_agg(e order by n), '[]'::jsonb)
                        from jsonb_array_elements(${own}) with ordinality as t(e, n)
                       where not ${authored(sql`e`)}),
          'total_chars', greatest(0, coalesce((context->>'total_chars')::int, 0) -
            (select coalesce(sum(length(e->>'content')), 0)::int
               from jsonb_array_elements(${own}) as t(e) where ${authored(sql`e`)})))
        else context end
    where account_a_id = ${accountId} or account_b_id = ${accountId}`);
}

/**
 * The shared conversations once the account's messages are gone: a preview of one of them
 * moves to the newest message left (cut on code points, as appendMessage cuts), and the
 * unread counts are 0 (they counted messages between the two sides, and one side is gone).
 */
async function redactConversations(db: Db, accountId: string): Promise<void> {
  await db.execute(sql`
    update conversations c set last_message_at = newest.created_at, last_message_text = newest.preview
      from (select c2.id, m.created_at,
                   case when coalesce(m.content->>'text', '') <> ''
                        then left(m.content->>'text', ${lastMessagePreviewLength})
                        when m.content->'media'->0->>'type' is not null
                        then '[' || (m.content->'media'->0->>'type') || ']'
                        when m.id is not null then '' end as preview
              from conversations c2
              left join lateral (select id, created_at, content from messages
                                  where conversation_id = c2.id
                                  order by created_at desc, id desc limit 1) m on true
             where c2.relationship_id in (${relationshipsOf(accountId)})) newest
     where c.id = newest.id and c.last_message_at is distinct from newest.created_at`);
  await db.execute(sql`
    update conversations set unread_count_a = 0, unread_count_b = 0
     where relationship_id in (${relationshipsOf(accountId)})
       and (unread_count_a <> 0 or unread_count_b <> 0)`);
}

/** A deleted account's tombstone (its job's cleanup has run), as a condition on an id. */
const isTombstone = (id: SQL) => sql`exists (select 1 from account_deletion_jobs j
  where j.account_id = ${id} and j.status in ('local_cleanup', 'completed'))`;

/**
 * The account's relationships whose other side is already a tombstone hold nobody's data but
 * this account's: they go, with their conversations, and so does a tombstone no relationship
 * names any more.
 */
async function dropWithTombstones(db: Db, accountId: string): Promise<void> {
  const gone = await rawRows<{ other: string }>(
    db,
    sql`delete from relationships r
         where (r.account_a_id = ${accountId} and ${isTombstone(sql`r.account_b_id`)})
            or (r.account_b_id = ${accountId} and ${isTombstone(sql`r.account_a_id`)})
        returning case when r.account_a_id = ${accountId} then r.account_b_id else r.account_a_id end as "other"`,
  );
  for (const other of new Set(gone.map((row) => row.other))) {
    await db.execute(sql`delete from accounts a where a.id = ${other}
      and not exists (select 1 from relationships r where r.account_a_id = a.id or r.account_b_id = a.id)`);
  }
}

/** Whether a shared row (a relationship) still names the account. */
async function isShared(db: Db, plan: AccountDeletionPlan, accountId: string): Promise<boolean> {
  if (plan.shared.length === 0) return false;
  const [row] = await rawRows<{ shared: boolean }>(
    db,
    sql`select ${sql.join(
      plan.shared.map(
        ({ table, column }) =>
          sql`exists (select 1 from ${sql.identifier(table)} where ${sql.identifier(column)} = ${accountId})`,
      ),
      sql` or `,
    )} as "shared"`,
  );
  return row?.shared === true;
}

/**
 * Keeps the account row as a tombstone: its id, owner and type, nothing else (its alias, never
 * null, is its tombstone username).
 */
async function tombstone(db: Db, plan: AccountDeletionPlan, accountId: string): Promise<void> {
  await db.execute(sql`
    update accounts set username = 'deleted-' || id::text, display_name = ${tombstoneDisplayName},
           profile = '{}'::jsonb, private_context = null, alias = 'deleted-' || id::text
     where id = ${accountId}`);
  // Another account's row that names this one (plan.cleared: an appointment's client) names it
  // no more; the worker's role could not read the row after that, so migration 0053's function
  // clears them as the owner, for the job's account only (docs/tenancy.md).
  if (plan.cleared.length > 0) {
    await rawRows(db, sql`select fluxcore_clear_account_references(${accountId}) as "cleared"`);
  }
}

/**
 * Runs after the account's owned rows are deleted: redacts its side of the shared rows, then
 * deletes the account row, or keeps it as a tombstone while a shared row names it. Returns
 * how many account rows were deleted (0 for a tombstone) and whether one was kept.
 */
export async function removeAccountRow(
  db: Db,
  plan: AccountDeletionPlan,
  accountId: string,
): Promise<{ deleted: number; tombstone: boolean }> {
  await dropWithTombstones(db, accountId);
  if (await isShared(db, plan, accountId)) {
    await redactRelationships(db, accountId);
    await redactConversations(db, accountId);
    await tombstone(db, plan, accountId);
    return { deleted: 0, tombstone: true };
  }
  const rows = await rawRows(db, sql`delete from accounts where id = ${accountId} returning 1`);
  return { deleted: rows.length, tombstone: false };
}
