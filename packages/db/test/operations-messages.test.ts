/**
 * Messages (keyset history, appending, an account's conversations), called directly on both
 * databases. The plans are read with EXPLAIN to show the indexes from DOMAIN.md serve the hot
 * queries. RAG retrieval: operations-rag-search.test.ts.
 */
import { beforeAll, describe, expect, test } from 'bun:test';
import { type AddressInfo, connect, createServer, type Socket } from 'node:net';
import {
  createConversation,
  createOwnedAccount,
  createTestDatabase,
  databaseKinds,
  projectMigrations,
  useMigratedDatabase,
} from '@fluxcore/db/testing';
import { eq, type SQL, sql } from 'drizzle-orm';
import { createDb, type Database } from '../src/connection/client.ts';
import { preparedMapped } from '../src/connection/prepared.ts';
import { rawRows } from '../src/connection/raw-rows.ts';
import { FluxDbError } from '../src/errors/flux-db-error.ts';
import { migrate } from '../src/migrator/apply.ts';
import { appendMessage, listConversations } from '../src/operations/messages/conversations.ts';
import {
  decodeMessageCursor,
  encodeMessageCursor,
  listMessages,
  messagePageSql,
} from '../src/operations/messages/history.ts';
import { conversations, messages, relationships } from '../src/schema/index.ts';
import { plan } from './support/plans.ts';

/** SQL text with $n parameters, as one drizzle SQL value with the same values bound. */
function boundSql(text: string, params: unknown[]): SQL {
  const parts = text.split(/\$(\d+)/);
  return sql.join(
    parts.map((part, i) => (i % 2 === 0 ? sql.raw(part) : sql`${params[Number(part) - 1]}`)),
  );
}

describe.each(databaseKinds)('messages on the %s database', (kind) => {
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

  test('a preview is cut on code points: an emoji across the cut is kept whole, never U+FFFD', async () => {
    const a = await createOwnedAccount(db, 'emoji');
    const b = await createOwnedAccount(db, 'reader');
    const { conversation } = await createConversation(db, a.account.id, b.account.id);
    // 279 letters, then emoji: the 280th code point is an emoji of two UTF-16 units.
    const text = `${'a'.repeat(279)}${'😀'.repeat(10)}`;
    const sent = await appendMessage(db, {
      conversationId: conversation.id,
      senderAccountId: a.account.id,
      content: { text },
    });
    if (sent.kind !== 'appended') throw new Error(sent.kind);
    const preview = sent.conversation.lastMessageText ?? '';
    expect(preview).toBe(`${'a'.repeat(279)}😀`);
    expect(preview).not.toContain('\uFFFD');
    // As stored, and as PostgreSQL's left() cuts the same text (the deletion's preview).
    const [stored] = await rawRows<{ text: string; cut: string }>(
      db,
      sql`select last_message_text as text, left(${text}, 280) as cut from conversations where id = ${conversation.id}`,
    );
    expect(stored).toEqual({ text: preview, cut: preview });
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
});

describe.if(databaseKinds.includes('server'))(
  'hot reads on a pooled connection of a server',
  () => {
    test('every connection that prepared it is replaced, once, and the page is the same', async () => {
      // PostgreSQL refuses a prepared statement whose result type a migration changed
      // (0A000, "cached plan must not change result type") on every later execution on the
      // connection that prepared it: without care every pooled connection would fail the read
      // until it closed. Both connections of the pool prepare it here before the retype.
      const database = await createTestDatabase('server');
      const session = await database.session();
      await migrate(session, projectMigrations);
      const client = await createDb(database.config, { poolMax: 2 });
      try {
        const a = await createOwnedAccount(client.db, 'a');
        const b = await createOwnedAccount(client.db, 'b');
        const { conversation } = await createConversation(client.db, a.account.id, b.account.id);
        for (let i = 0; i < 3; i += 1) {
          await appendMessage(client.db, {
            conversationId: conversation.id,
            senderAccountId: a.account.id,
            content: { text: `message ${i}` },
          });
        }
        const read = () => listMessages(client.db, { conversationId: conversation.id });
        const [before, again] = await Promise.all([read(), read()]);
        expect(before.messages).toHaveLength(3);
        expect(again).toEqual(before);
        await session.exec(
          'alter table messages alter column content type json using content::json',
        );
        for (let i = 0; i < 4; i += 1) expect(await read()).toEqual(before);
        expect(await Promise.all([read(), read()])).toEqual([before, before]);
      } finally {
        await client.close();
        await session.close();
        await database.drop();
      }
    });

    test('a hot read whose connection is lost mid-query rejects with the driver error, and nothing else is thrown', async () => {
      // The read checks a connection out of the pool itself (to replace a stale one): a socket
      // lost while its query runs must end as that query's rejection, as with pool.query, not
      // as an 'error' event nobody listens to (which ends the process).
      const database = await createTestDatabase('server');
      if (database.config.kind !== 'server') throw new Error('a server database');
      const upstream = new URL(database.config.url);
      const sockets: Socket[] = [];
      const proxy = createServer((inbound) => {
        const outbound = connect(Number(upstream.port || 5432), upstream.hostname);
        for (const socket of [inbound, outbound]) {
          socket.on('error', () => {});
          sockets.push(socket);
        }
        inbound.pipe(outbound);
        outbound.pipe(inbound);
      });
      await new Promise<void>((listening) => proxy.listen(0, '127.0.0.1', listening));
      const through = new URL(database.config.url);
      through.hostname = '127.0.0.1';
      through.port = String((proxy.address() as AddressInfo).port);
      const client = await createDb(
        { ...database.config, url: through.toString() },
        { poolMax: 1 },
      );
      const unhandled: unknown[] = [];
      const onUncaught = (error: unknown) => unhandled.push(error);
      process.on('uncaughtException', onUncaught);
      try {
        const sleeping = preparedMapped(
          client.db,
          'fluxcore_test_sleep',
          () => ({ toSQL: () => ({ sql: 'select pg_sleep(2)', params: [] }) }),
          (rows) => rows,
        ).execute({});
        await Bun.sleep(300);
        for (const socket of sockets) socket.destroy();
        await expect(sleeping).rejects.toMatchObject({
          cause: { message: 'Connection terminated unexpectedly' },
        });
        await Bun.sleep(100);
        expect(unhandled).toEqual([]);
      } finally {
        process.off('uncaughtException', onUncaught);
        await client.close().catch(() => {});
        proxy.close();
        await database.drop();
      }
    });
  },
);
