/**
 * Messages (keyset history, appending, an account's conversations) and RAG retrieval, called
 * directly on both databases. The plans are read with EXPLAIN to show the indexes from
 * DOMAIN.md serve the hot queries.
 */
import { beforeAll, describe, expect, test } from 'bun:test';
import { eq, type SQL, sql } from 'drizzle-orm';
import type { Database } from '../src/client.ts';
import { FluxDbError } from '../src/errors.ts';
import { appendMessage, listConversations } from '../src/operations/messages/conversations.ts';
import {
  decodeMessageCursor,
  encodeMessageCursor,
  listMessages,
  messagePageSql,
} from '../src/operations/messages/history.ts';
import { nearestChunksQuery, searchChunks } from '../src/operations/rag/search.ts';
import { rawRows } from '../src/raw-rows.ts';
import {
  conversations,
  fluxcoreDocumentChunks,
  fluxcoreFiles,
  fluxcoreVectorStores,
  messages,
  relationships,
} from '../src/schema/index.ts';
import { axisEmbedding, createConversation, createOwnedAccount } from './support/account-data.ts';
import { databaseKinds } from './support/databases.ts';
import { useMigratedDatabase } from './support/migrated.ts';

async function plan(db: Database, query: SQL): Promise<string> {
  return db.transaction(async (tx) => {
    // Tiny tables make a sequential scan and a sort the cheapest plan; switching both off
    // shows whether an index *can* serve the query in this order, as it must at scale.
    await tx.execute(sql`set local enable_seqscan = off`);
    await tx.execute(sql`set local enable_sort = off`);
    const rows = await rawRows<{ 'QUERY PLAN': string }>(tx, sql`explain ${query}`);
    return rows.map((row) => row['QUERY PLAN']).join('\n');
  });
}

/** SQL text with $n parameters, as one drizzle SQL value with the same values bound. */
function boundSql(text: string, params: unknown[]): SQL {
  const parts = text.split(/\$(\d+)/);
  return sql.join(
    parts.map((part, i) => (i % 2 === 0 ? sql.raw(part) : sql`${params[Number(part) - 1]}`)),
  );
}

describe.each(databaseKinds)('messages and RAG on the %s database', (kind) => {
  const migrated = useMigratedDatabase(kind);
  let db: Database;
  beforeAll(() => {
    db = migrated.db;
  });

  test('history pages newest first, stable across equal timestamps, with no gap or repeat', async () => {
    const a = await createOwnedAccount(db, 'a');
    const b = await createOwnedAccount(db, 'b');
    const { conversation } = await createConversation(db, a.account.id, b.account.id);
    // 25 messages in one transaction share created_at (now() is the transaction's start);
    // 5 more come later.
    await db.transaction(async (tx) => {
      for (let i = 0; i < 25; i += 1) {
        await appendMessage(tx, {
          conversationId: conversation.id,
          senderAccountId: i % 2 ? a.account.id : b.account.id,
          content: { text: `same-moment ${i}` },
        });
      }
    });
    for (let i = 0; i < 5; i += 1) {
      await appendMessage(db, {
        conversationId: conversation.id,
        senderAccountId: a.account.id,
        content: { text: `later ${i}` },
      });
    }
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await listMessages(db, { conversationId: conversation.id, limit: 7, cursor });
      seen.push(...page.messages.map((m) => m.id));
      cursor = page.nextCursor ?? undefined;
      pages += 1;
    } while (cursor);
    expect(pages).toBe(5);
    expect(new Set(seen).size).toBe(30);
    const expected = await db
      .select({ id: messages.id })
      .from(messages)
      .where(eq(messages.conversationId, conversation.id))
      .orderBy(sql`${messages.createdAt} desc, ${messages.id} desc`);
    expect(seen).toEqual(expected.map((row) => row.id));
    const distinctMoments = await rawRows<{ n: number }>(
      db,
      sql`select count(distinct created_at)::int as n from messages where conversation_id = ${conversation.id}`,
    );
    expect(distinctMoments[0]?.n).toBe(6);
  });

  test('a cursor round-trips, and one this module did not issue is refused', async () => {
    const cursor = {
      createdAtMicros: '1767225600123456',
      id: '3f1c2a4e-8b7d-4c6e-9a5b-1d2e3f4a5b6c',
    };
    expect(decodeMessageCursor(encodeMessageCursor(cursor))).toEqual(cursor);
    for (const bad of ['', 'x', "'; drop table messages; --", 'W10', 'a'.repeat(300)]) {
      expect(decodeMessageCursor(bad)).toBeNull();
    }
    await expect(
      listMessages(db, {
        conversationId: cursor.id,
        cursor: "'; drop table messages; --",
      }),
    ).rejects.toBeInstanceOf(FluxDbError);
  });

  test('the history query is served by the (conversation_id, created_at desc, id desc) index', async () => {
    const cursor = {
      createdAtMicros: '1767225600123456',
      id: '3f1c2a4e-8b7d-4c6e-9a5b-1d2e3f4a5b6c',
    };
    for (const page of [undefined, cursor]) {
      const query = messagePageSql(db, { conversationId: cursor.id, limit: 51, cursor: page });
      const text = await plan(db, boundSql(query.sql, query.params));
      expect(text).toContain('Index Scan using messages_conversation_created_id_idx');
      expect(text).not.toContain('Sort');
    }
  });

  test('appending updates last_message_* and the other side’s unread count together', async () => {
    const a = await createOwnedAccount(db, 'a');
    const b = await createOwnedAccount(db, 'b');
    const stranger = await createOwnedAccount(db, 'stranger');
    const { conversation, relationship } = await createConversation(db, a.account.id, b.account.id);
    const sent = await appendMessage(db, {
      conversationId: conversation.id,
      senderAccountId: a.account.id,
      content: { text: 'x'.repeat(400) },
    });
    await appendMessage(db, {
      conversationId: conversation.id,
      senderAccountId: a.account.id,
      content: { text: 'second' },
    });
    const reply = await appendMessage(db, {
      conversationId: conversation.id,
      senderAccountId: b.account.id,
      content: { text: '', media: [{ type: 'image', url: 'https://example.test/p.png' }] },
      type: 'incoming',
    });
    expect(sent.kind).toBe('appended');
    if (reply.kind !== 'appended') throw new Error('expected a message');
    const [row] = await db
      .select()
      .from(conversations)
      .where(eq(conversations.id, conversation.id));
    expect(row).toMatchObject({ unreadCountA: 1, unreadCountB: 2, lastMessageText: '[image]' });
    // Same microsecond as the message: both come from the transaction's now().
    const [exact] = await rawRows<{ same: boolean }>(
      db,
      sql`select c.last_message_at = m.created_at as same from conversations c, messages m where c.id = ${conversation.id} and m.id = ${reply.message.id}`,
    );
    expect(exact?.same).toBe(true);
    const [rel] = await db
      .select({ at: relationships.lastInteraction })
      .from(relationships)
      .where(eq(relationships.id, relationship.id));
    expect(rel?.at?.getTime()).toBe(reply.message.createdAt.getTime());

    expect(
      await appendMessage(db, {
        conversationId: conversation.id,
        senderAccountId: stranger.account.id,
        content: { text: 'hi' },
      }),
    ).toEqual({ kind: 'not_participant' });
    expect(
      await appendMessage(db, {
        conversationId: stranger.account.id,
        senderAccountId: a.account.id,
        content: { text: 'hi' },
      }),
    ).toEqual({ kind: 'conversation_not_found' });
    const count = await db.$count(messages, eq(messages.conversationId, conversation.id));
    expect(count).toBe(3);

    const listed = await listConversations(db, { accountId: b.account.id });
    expect(listed).toHaveLength(1);
    expect(listed[0]).toMatchObject({ counterpartAccountId: a.account.id, unreadCount: 2 });
    const preview = listed[0]?.conversation.lastMessageText;
    expect(preview).toBe('[image]');
  });

  test('an account’s conversations come most recent first, through its relationships', async () => {
    const me = await createOwnedAccount(db, 'me');
    const first = await createOwnedAccount(db, 'peer1');
    const second = await createOwnedAccount(db, 'peer2');
    const third = await createOwnedAccount(db, 'peer3');
    // "me" is side a of one relationship and side b of the others.
    const c1 = (await createConversation(db, me.account.id, first.account.id)).conversation;
    const c2 = (await createConversation(db, second.account.id, me.account.id)).conversation;
    const c3 = (await createConversation(db, third.account.id, me.account.id)).conversation;
    await appendMessage(db, {
      conversationId: c3.id,
      senderAccountId: third.account.id,
      content: { text: 'newest-but-one' },
    });
    await appendMessage(db, {
      conversationId: c1.id,
      senderAccountId: first.account.id,
      content: { text: 'newest' },
    });
    const listed = await listConversations(db, { accountId: me.account.id });
    expect(listed.map((s) => s.conversation.id)).toEqual([c1.id, c3.id, c2.id]);
    expect(listed.map((s) => s.unreadCount)).toEqual([1, 1, 0]);
    expect(await listConversations(db, { accountId: me.account.id, limit: 2 })).toHaveLength(2);
  });

  test('the hand-mapped reads return the rows drizzle selects, on the handle and in a transaction', async () => {
    const a = await createOwnedAccount(db, 'mapped-a');
    const b = await createOwnedAccount(db, 'mapped-b');
    const { conversation } = await createConversation(db, a.account.id, b.account.id);
    for (const content of [
      { text: 'plain' },
      { text: '', media: [{ type: 'image' as const, url: 'https://example.test/m.png' }] },
    ]) {
      await appendMessage(db, {
        conversationId: conversation.id,
        senderAccountId: b.account.id,
        content,
      });
    }
    const stored = await db
      .select()
      .from(messages)
      .where(eq(messages.conversationId, conversation.id))
      .orderBy(sql`${messages.createdAt} desc, ${messages.id} desc`);
    const [storedConversation] = await db
      .select()
      .from(conversations)
      .where(eq(conversations.id, conversation.id));
    if (!storedConversation) throw new Error('the conversation is missing');
    // The handle createDb made reads through its driver; a transaction's handle through drizzle.
    for (const handle of ['db', 'transaction'] as const) {
      const read = <T>(run: (on: Database) => Promise<T>) =>
        handle === 'db' ? run(db) : db.transaction((tx) => run(tx as unknown as Database));
      const page = await read((on) =>
        listMessages(on, { conversationId: conversation.id, limit: 1 }),
      );
      expect(page.messages).toEqual(stored.slice(0, 1));
      const rest = await read((on) =>
        listMessages(on, { conversationId: conversation.id, cursor: page.nextCursor ?? '' }),
      );
      expect(rest).toEqual({ messages: stored.slice(1), nextCursor: null });
      const listed = await read((on) => listConversations(on, { accountId: a.account.id }));
      expect(listed).toEqual([
        { conversation: storedConversation, counterpartAccountId: b.account.id, unreadCount: 2 },
      ]);
    }
  });

  test('RAG returns the top k of one store by cosine distance, above the minimum score', async () => {
    const { account } = await createOwnedAccount(db, 'rag');
    const [store, otherStore] = await db
      .insert(fluxcoreVectorStores)
      .values([
        { accountId: account.id, name: 's1' },
        { accountId: account.id, name: 's2' },
      ])
      .returning();
    const [file] = await db
      .insert(fluxcoreFiles)
      .values({ accountId: account.id, name: 'f', contentHash: 'h' })
      .returning();
    if (!store || !otherStore || !file) throw new Error('fixture failed');
    // Chunk i points between axis 0 and axis 1: its similarity to axis 0 falls as i grows.
    const chunks = Array.from({ length: 12 }, (_, i) => ({
      vectorStoreId: store.id,
      fileId: file.id,
      accountId: account.id,
      chunkIndex: i,
      content: `chunk ${i}`,
      embedding: axisEmbedding(0, Math.cos((i * Math.PI) / 24), {
        axis: 1,
        weight: Math.sin((i * Math.PI) / 24),
      }),
    }));
    await db.insert(fluxcoreDocumentChunks).values(chunks);
    // The other store holds the exact query vector: it must never be returned.
    await db.insert(fluxcoreDocumentChunks).values({
      vectorStoreId: otherStore.id,
      fileId: file.id,
      accountId: account.id,
      chunkIndex: 100,
      content: 'other store',
      embedding: axisEmbedding(0),
    });
    const query = axisEmbedding(0);
    const top = await searchChunks(db, { vectorStoreId: store.id, embedding: query, topK: 4 });
    expect(top.map((c) => c.chunkIndex)).toEqual([0, 1, 2, 3]);
    expect(top[0]?.score).toBeCloseTo(1, 5);
    expect(top[3]?.score).toBeCloseTo(Math.cos((3 * Math.PI) / 24), 5);
    // cos(i·π/24) ≥ 0.8 holds for i ≤ 4.
    const strict = await searchChunks(db, {
      vectorStoreId: store.id,
      embedding: query,
      topK: 10,
      minScore: 0.8,
      efSearch: 100,
    });
    expect(strict.map((c) => c.chunkIndex)).toEqual([0, 1, 2, 3, 4]);
    await expect(
      searchChunks(db, { vectorStoreId: store.id, embedding: [1, 2, 3] }),
    ).rejects.toBeInstanceOf(FluxDbError);

    const nearest = nearestChunksQuery(db, { vectorStoreId: store.id, embedding: query, topK: 10 });
    const text = await plan(db, nearest.getSQL());
    expect(text).toContain('Index Scan using fluxcore_document_chunks_embedding_hnsw_idx');
  });
});
