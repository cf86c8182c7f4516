/**
 * Ids as PostgreSQL has them: the original's rows hold ids that are valid for PostgreSQL's uuid
 * type and not RFC 9562 uuids (md5-derived, with any version and variant nibble). Every id in a
 * path, a body, a token, a cursor and a response is one of them here, end to end through the
 * API, on both databases.
 */
import { describe, expect, test } from 'bun:test';
import { createHash } from 'node:crypto';
import {
  createConversation,
  createMessage,
  createOwnedAccount,
  databaseKinds,
} from '@fluxcore/db/testing';
import { z } from 'zod';
import { tokenFor, useApi } from './support.ts';

/** An md5-derived id, as the original's scripts made them: version nibble 3, variant as it falls. */
function md5Id(label: string): string {
  const hex = createHash('md5').update(`${label}-${crypto.randomUUID()}`).digest('hex');
  const variant = '01234567cdef'[Number.parseInt(hex[16] as string, 16) % 12];
  const id = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-3${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20)}`;
  // Outside RFC 9562's variant: the check these ids would fail before.
  expect(z.uuid().safeParse(id).success).toBe(false);
  return id;
}

describe.each(databaseKinds)('non-RFC ids through the API on the %s database', (kind) => {
  const api = useApi(kind);
  const { call } = api;

  async function scene() {
    const db = api.client.db;
    const person = async (label: string) => {
      const owned = await createOwnedAccount(db, label, {
        user: { id: md5Id(`${label}-user`) },
        account: { id: md5Id(`${label}-account`) },
      });
      return { ...owned, token: await tokenFor(owned.user.id) };
    };
    const [alice, bob] = [await person('alice'), await person('bob')];
    const { conversation } = await createConversation(db, alice.account.id, bob.account.id, {
      relationship: { id: md5Id('relationship') },
      conversation: { id: md5Id('conversation') },
    });
    return { alice, bob, conversation, path: `/conversations/${conversation.id}/messages` };
  }

  test('a message is posted, listed and paged back with non-RFC ids everywhere', async () => {
    const { alice, bob, conversation, path } = await scene();
    for (let i = 0; i < 3; i += 1) {
      await createMessage(api.client.db, {
        id: md5Id(`message-${i}`),
        conversationId: conversation.id,
        senderAccountId: alice.account.id,
        content: { text: `old ${i}` },
        createdAt: new Date(Date.UTC(2026, 1, 1, 0, 0, i)),
      });
    }
    const posted = await call('POST', path, {
      token: alice.token,
      body: { senderAccountId: alice.account.id.toUpperCase(), content: { text: 'hello' } },
    });
    expect(posted.status).toBe(201);
    expect(posted.body.message).toMatchObject({
      conversationId: conversation.id,
      senderAccountId: alice.account.id,
    });

    const listed = await call('GET', `/accounts/${bob.account.id}/conversations`, {
      token: bob.token,
    });
    expect(listed.status).toBe(200);
    expect(listed.body.conversations).toEqual([
      expect.objectContaining({ id: conversation.id, counterpartAccountId: alice.account.id }),
    ]);

    // A page of one: each cursor carries a non-RFC message id.
    const texts: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = cursor ? `?limit=1&cursor=${cursor}` : '?limit=1';
      const page = await call('GET', `${path}${query}`, { token: bob.token });
      expect(page.status).toBe(200);
      texts.push(
        ...(page.body.messages as { content: { text: string } }[]).map((m) => m.content.text),
      );
      cursor = page.body.nextCursor as string | null;
    } while (cursor);
    expect(texts).toEqual(['hello', 'old 2', 'old 1', 'old 0']);
  });

  test('the credits balance of a non-RFC account is read', async () => {
    const { alice } = await scene();
    const read = await call('GET', `/accounts/${alice.account.id}/credits`, { token: alice.token });
    expect(read.status).toBe(200);
    expect(read.body).toEqual({ accountId: alice.account.id, balance: 0 });
  });

  test('an id that is no uuid at all is still a 400', async () => {
    const { alice } = await scene();
    const read = await call('GET', '/accounts/8f14e45f-ceea-367a-zzzz-dedd4bea2543/credits', {
      token: alice.token,
    });
    expect(read.status).toBe(400);
  });
});
