/**
 * Deleting one side of a two-account conversation (issue 20, item 2): the deleted account's
 * rows go, the other side's messages, paid sessions, ledger rows and wallet stay exactly as
 * they were (checksummed), the conversation stays for the other side, and the deleted
 * account's row is a tombstone nobody can act as.
 */
import { beforeAll, describe, expect, test } from 'bun:test';
import {
  createConversation,
  createMessage,
  createOwnedAccount,
  databaseKinds,
  useMigratedDatabase,
} from '@fluxcore/db/testing';
import { eq, sql } from 'drizzle-orm';
import type { Database } from '../src/connection/client.ts';
import { rawRows } from '../src/connection/raw-rows.ts';
import { accountOwnerId } from '../src/operations/access/ownership.ts';
import { applyCreditsGating } from '../src/operations/credits/gating.ts';
import { grantCredits } from '../src/operations/credits/wallet.ts';
import { claimDeletionJob, requestAccountDeletion } from '../src/operations/deletion/jobs.ts';
import { runDeletionStep } from '../src/operations/deletion/steps.ts';
import { appendMessage } from '../src/operations/messages/conversations.ts';
import { baseCreditsPolicies } from '../src/operations/seed/credits-policies.ts';
import { accounts, conversations, relationships } from '../src/schema/index.ts';

const [openai, groq] = baseCreditsPolicies;

/** One md5 over every row (all columns) of the account's side, per table. */
async function sideChecksum(db: Database, accountId: string) {
  const [row] = await rawRows<Record<string, string>>(
    db,
    sql`select
      (select count(*) || ':' || coalesce(md5(string_agg(m::text, '|' order by m.id)), '') from messages m where sender_account_id = ${accountId}) as messages,
      (select count(*) || ':' || coalesce(md5(string_agg(s::text, '|' order by s.id)), '') from credits_conversation_sessions s where account_id = ${accountId}) as sessions,
      (select count(*) || ':' || coalesce(md5(string_agg(l::text, '|' order by l.id)), '') from credits_ledger l where account_id = ${accountId}) as ledger,
      (select count(*) || ':' || coalesce(md5(string_agg(w::text, '|' order by w.id)), '') from credits_wallets w where account_id = ${accountId}) as wallets,
      (select count(*) || ':' || coalesce(md5(string_agg(a::text, '|')), '') from accounts a where id = ${accountId}) as account`,
  );
  return row;
}

async function countOf(db: Database, query: ReturnType<typeof sql>): Promise<number> {
  const [row] = await rawRows<{ n: number }>(db, query);
  return Number(row?.n);
}

describe.each(databaseKinds)('deleting one side of a conversation on the %s database', (kind) => {
  const migrated = useMigratedDatabase(kind);
  let db: Database;
  beforeAll(() => {
    db = migrated.db;
  });

  async function deleteAccount(accountId: string) {
    const requested = await requestAccountDeletion(db, { accountId });
    if (requested.kind !== 'requested') throw new Error(requested.kind);
    const job = await claimDeletionJob(db, { workerId: 'w', leaseMs: 60_000 });
    if (job?.id !== requested.job.id) throw new Error('the job was not claimed');
    let step = await runDeletionStep(db, { jobId: job.id, workerId: 'w', leaseMs: 60_000 });
    while (step.kind === 'advanced') {
      step = await runDeletionStep(db, { jobId: job.id, workerId: 'w', leaseMs: 60_000 });
    }
    expect(step).toEqual({ kind: 'completed' });
  }

  test('the other side keeps its messages, sessions, ledger and conversation', async () => {
    const leaving = await createOwnedAccount(db, 'leaving');
    const staying = await createOwnedAccount(db, 'staying');
    const { relationship, conversation } = await createConversation(
      db,
      leaving.account.id,
      staying.account.id,
      {
        relationship: {
          perspectiveA: { saved_name: 'my friend', tags: ['x'], status: 'active' },
          perspectiveB: { saved_name: 'them', tags: ['kept'], status: 'active' },
          context: {
            entries: [
              {
                author_account_id: leaving.account.id,
                content: 'mine',
                type: 'note',
                created_at: '2026-01-01T00:00:00Z',
              },
              {
                author_account_id: staying.account.id,
                content: 'theirs',
                type: 'note',
                created_at: '2026-01-02T00:00:00Z',
              },
            ],
            total_chars: 10,
          },
        },
      },
    );
    // Both sides write, both pay for AI sessions on the shared conversation.
    for (let i = 0; i < 3; i += 1) {
      for (const side of [staying, leaving]) {
        const sent = await appendMessage(db, {
          conversationId: conversation.id,
          senderAccountId: side.account.id,
          content: { text: `${side.account.displayName} ${i}` },
        });
        expect(sent.kind).toBe('appended');
      }
    }
    for (const side of [staying, leaving]) {
      await grantCredits(db, {
        accountId: side.account.id,
        amount: 10,
        reason: 'funds',
        idempotencyKey: 'funds',
      });
      for (const policy of [openai, groq]) {
        const opened = await applyCreditsGating(db, {
          accountId: side.account.id,
          conversationId: conversation.id,
          engine: policy.engine,
          model: policy.model,
        });
        expect(opened).toMatchObject({ kind: 'session', charged: true });
      }
    }
    // A conversation of the leaving account with nobody else left: it goes entirely.
    const alone = await createOwnedAccount(db, 'alone');
    const before = await sideChecksum(db, staying.account.id);
    expect(before?.messages).toStartWith('3:');
    expect(before?.sessions).toStartWith('2:');
    expect(before?.ledger).toStartWith('3:');

    await deleteAccount(leaving.account.id);

    expect(await sideChecksum(db, staying.account.id)).toEqual(before);
    // The leaving side's own rows are gone.
    expect(await sideChecksum(db, leaving.account.id)).toMatchObject({
      messages: '0:',
      sessions: '0:',
      ledger: '0:',
      wallets: '0:',
    });
    // The conversation stays for the other side; its preview no longer quotes the leaver.
    const [kept] = await db
      .select()
      .from(conversations)
      .where(eq(conversations.id, conversation.id));
    expect(kept).toMatchObject({ lastMessageText: 'staying 2', unreadCountA: 0, unreadCountB: 0 });
    const [link] = await db
      .select()
      .from(relationships)
      .where(eq(relationships.id, relationship.id));
    expect(link?.perspectiveA).toEqual({ saved_name: null, tags: [], status: 'active' });
    expect(link?.perspectiveB).toEqual({ saved_name: 'them', tags: ['kept'], status: 'active' });
    expect(link?.context.entries.map((e) => e.content)).toEqual(['theirs']);
    expect(link?.context.total_chars).toBe(6);
    // The account row is a tombstone: nothing of the account, and nobody may act as it.
    const [tombstone] = await db.select().from(accounts).where(eq(accounts.id, leaving.account.id));
    expect(tombstone).toMatchObject({
      username: `deleted-${leaving.account.id}`,
      displayName: 'Deleted account',
      profile: {},
      privateContext: null,
      alias: `deleted-${leaving.account.id}`,
    });
    expect(await accountOwnerId(db, leaving.account.id)).toBeUndefined();
    expect(await accountOwnerId(db, staying.account.id)).toBe(staying.user.id);
    expect(await requestAccountDeletion(db, { accountId: leaving.account.id })).toEqual({
      kind: 'account_not_found',
    });
    // The other side may still write into the conversation.
    const later = await appendMessage(db, {
      conversationId: conversation.id,
      senderAccountId: staying.account.id,
      content: { text: 'still here' },
    });
    expect(later.kind).toBe('appended');

    // An account that shares nothing is deleted outright.
    await createMessage(db, {
      conversationId: conversation.id,
      senderAccountId: staying.account.id,
    });
    await deleteAccount(alone.account.id);
    expect(
      await countOf(
        db,
        sql`select count(*)::int as n from accounts where id = ${alone.account.id}`,
      ),
    ).toBe(0);
  });

  test('when the second side goes too, their conversation and both rows go; a third party’s stays', async () => {
    const first = await createOwnedAccount(db, 'first');
    const second = await createOwnedAccount(db, 'second');
    const bystander = await createOwnedAccount(db, 'bystander');
    const { conversation } = await createConversation(db, first.account.id, second.account.id);
    const other = await createConversation(db, second.account.id, bystander.account.id);
    await createMessage(db, { conversationId: conversation.id, senderAccountId: first.account.id });
    await createMessage(db, {
      conversationId: conversation.id,
      senderAccountId: second.account.id,
    });
    await createMessage(db, {
      conversationId: other.conversation.id,
      senderAccountId: bystander.account.id,
    });
    const before = await sideChecksum(db, bystander.account.id);
    await deleteAccount(first.account.id);
    expect(
      await countOf(
        db,
        sql`select count(*)::int as n from accounts where id = ${first.account.id}`,
      ),
    ).toBe(1);
    await deleteAccount(second.account.id);
    expect(await sideChecksum(db, bystander.account.id)).toEqual(before);
    // Nobody alive was in the first conversation: it is gone, and so is the first tombstone.
    expect(
      await countOf(
        db,
        sql`select count(*)::int as n from conversations where id = ${conversation.id}`,
      ),
    ).toBe(0);
    expect(
      await countOf(
        db,
        sql`select count(*)::int as n from accounts where id = ${first.account.id}`,
      ),
    ).toBe(0);
    // The second account shares a conversation with the bystander: it stays a tombstone.
    expect(
      await countOf(
        db,
        sql`select count(*)::int as n from accounts where id = ${second.account.id} and username = ${`deleted-${second.account.id}`}`,
      ),
    ).toBe(1);
    expect(
      await countOf(
        db,
        sql`select count(*)::int as n from conversations where id = ${other.conversation.id}`,
      ),
    ).toBe(1);
  });
});
