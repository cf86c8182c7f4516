/**
 * Conversations and messages on both databases: post, list, page back with a cursor; who may
 * read and send; SQL in a message is stored verbatim.
 */
import { describe, expect, test } from 'bun:test';
import { grantInternalAccess, schemaTableNames } from '@fluxcore/db';
import { databaseKinds } from '@fluxcore/db/testing';
import { type Json, useApi } from './support.ts';

describe.each(databaseKinds)('conversations and messages on the %s database', (kind) => {
  const api = useApi(kind);
  const { call } = api;

  /** Alice and Bob share a conversation; Eve is in none of it. */
  async function scene() {
    const { one: alice, two: bob, conversation } = await api.pair('alice', 'bob');
    const eve = await api.person('eve');
    return { alice, bob, eve, conversation, path: `/conversations/${conversation.id}/messages` };
  }

  /** Alice sends "hello 0" to "hello 4", each a 201 with the stored message. */
  async function postFive({ alice, path }: Awaited<ReturnType<typeof scene>>) {
    for (let i = 0; i < 5; i += 1) {
      const posted = await call('POST', path, {
        token: alice.token,
        body: { senderAccountId: alice.account.id, content: { text: `hello ${i}` } },
      });
      expect(posted.status).toBe(201);
      expect(posted.body.message).toMatchObject({
        content: { text: `hello ${i}` },
        type: 'outgoing',
      });
    }
  }

  test('posted messages: the other side lists the conversation with its unread count', async () => {
    const current = await scene();
    const { alice, bob, conversation } = current;
    await postFive(current);
    const listed = await call('GET', `/accounts/${bob.account.id}/conversations`, {
      token: bob.token,
    });
    expect(listed.status).toBe(200);
    expect(listed.body.conversations).toEqual([
      expect.objectContaining({
        id: conversation.id,
        counterpartAccountId: alice.account.id,
        unreadCount: 5,
        lastMessageText: 'hello 4',
      }),
    ]);
  });

  test('the history pages back newest first with a cursor', async () => {
    const current = await scene();
    await postFive(current);
    const texts: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = cursor ? `?limit=2&cursor=${cursor}` : '?limit=2';
      const page = await call('GET', `${current.path}${query}`, { token: current.bob.token });
      expect(page.status).toBe(200);
      texts.push(
        ...(page.body.messages as { content: { text: string } }[]).map((m) => m.content.text),
      );
      cursor = page.body.nextCursor as string | null;
    } while (cursor);
    expect(texts).toEqual(['hello 4', 'hello 3', 'hello 2', 'hello 1', 'hello 0']);
  });

  test('a sender id in upper case is the same account', async () => {
    const { bob, path } = await scene();
    const shouted = await call('POST', path, {
      token: bob.token,
      body: { senderAccountId: bob.account.id.toUpperCase(), content: { text: 'HI' } },
    });
    expect(shouted.status).toBe(201);
  });

  test('an outsider may not read, send as a participant, or send into the conversation', async () => {
    const { bob, eve, path } = await scene();
    expect((await call('GET', path, { token: eve.token })).status).toBe(404);
    const asBob = await call('POST', path, {
      token: eve.token,
      body: { senderAccountId: bob.account.id, content: { text: 'spoof' } },
    });
    expect(asBob.status).toBe(403);
    const outsider = await call('POST', path, {
      token: eve.token,
      body: { senderAccountId: eve.account.id, content: { text: 'hi' } },
    });
    expect(outsider.body.error).toBe('not_found');
    expect(outsider.status).toBe(404);
  });

  test('another account’s conversation gets the very answer of one that does not exist', async () => {
    const { bob, eve, conversation } = await scene();
    const answers = async (id: string) => {
      const sent = [
        await call('GET', `/conversations/${id}/messages`, { token: eve.token }),
        await call('POST', `/conversations/${id}/messages`, {
          token: eve.token,
          body: { senderAccountId: eve.account.id, content: { text: 'probe' } },
        }),
        await call('POST', `/conversations/${id}/messages`, {
          token: eve.token,
          body: { senderAccountId: bob.account.id, content: { text: 'probe' } },
        }),
        await call('POST', `/conversations/${id}/ai-sessions`, {
          token: eve.token,
          body: {
            accountId: eve.account.id,
            engine: 'openai_chat',
            model: 'gpt-4o-mini-2024-07-18',
          },
        }),
      ];
      return sent.map((reply) => JSON.stringify([reply.status, reply.body]));
    };
    const existing = await answers(conversation.id);
    expect(existing).toEqual(await answers(crypto.randomUUID()));
    expect(existing.map((line) => line.slice(0, 4))).toEqual(['[404', '[404', '[403', '[404']);
  });

  test('an unknown conversation is a 404; an id that is no uuid a 400 naming it', async () => {
    const { bob } = await scene();
    const unknown = await call('GET', `/conversations/${crypto.randomUUID()}/messages`, {
      token: bob.token,
    });
    expect(unknown.status).toBe(404);
    const invalid = await call('GET', '/conversations/42/messages', { token: bob.token });
    expect(invalid.status).toBe(400);
    expect(invalid.body).toMatchObject({ error: 'invalid_input', issues: [{ path: ['id'] }] });
  });

  test('staff read any conversation with the conversations scope', async () => {
    const { eve, path } = await scene();
    expect((await call('GET', path, { token: eve.token })).status).toBe(404);
    await grantInternalAccess(api.client.db, { userId: eve.user.id, scope: 'conversations' });
    expect((await call('GET', path, { token: eve.token })).status).toBe(200);
  });

  test('SQL in a string is stored verbatim and harmless', async () => {
    const { alice, bob, conversation } = await scene();
    const text = "Robert'); DROP TABLE messages; -- \\' \"; select pg_sleep(10); $$ :x @y";
    const before = await api.rowCounts();
    const posted = await call('POST', `/conversations/${conversation.id}/messages`, {
      token: alice.token,
      body: { senderAccountId: alice.account.id, content: { text } },
    });
    expect(posted.status).toBe(201);
    const read = await call('GET', `/conversations/${conversation.id}/messages`, {
      token: bob.token,
    });
    expect((read.body.messages as { content: Json }[])[0]?.content).toEqual({ text });
    const after = await api.rowCounts();
    const changed = schemaTableNames.filter((name) => after[name] !== before[name]);
    expect(changed).toEqual(['messages']);
    expect(after.messages).toBe((before.messages ?? 0) + 1);
  });
});
