/**
 * The chat domain (DOMAIN.md section 1), written and read back through the typed drizzle API on
 * both database kinds: users, accounts and their typed profile, relationships, conversations,
 * messages with attachments; an email unique whatever its case and one relationship per pair
 * of accounts. The drizzle-zod insert schema of messages needs no database.
 */
import { beforeAll, describe, expect, test } from 'bun:test';
import {
  createAccount,
  createConversation,
  createMessage,
  createRelationship,
  createUser,
  databaseKinds,
  useMigratedDatabase,
} from '@fluxcore/db/testing';
import { asc, eq } from 'drizzle-orm';
import type { Database } from '../src/connection/client.ts';
import {
  type AccountProfile,
  accounts,
  conversations,
  type MessageContent,
  mediaAttachments,
  messageSchemas,
  messages,
  users,
} from '../src/schema/index.ts';
import {
  expectAcceptedThenRefusedOn,
  expectRecent,
  expectRefusedBy,
  otherId,
  single,
  someId,
  uuidPattern,
} from './support/rows.ts';

describe.each(databaseKinds)('on a fresh %s database', (kind) => {
  const migrated = useMigratedDatabase(kind);
  let db: Database;
  beforeAll(() => {
    db = migrated.db;
  });

  describe('chat', () => {
    test('users and accounts get ids, timestamps and defaults; the typed profile round-trips', async () => {
      const user = await createUser(db, { email: 'Ana.Lopez@Example.com', name: 'Ana López' });
      expect(user.id).toMatch(uuidPattern);
      expect(user.email).toBe('Ana.Lopez@Example.com');
      expectRecent(user.createdAt);
      expectRecent(user.updatedAt);

      const plain = await createAccount(db, { ownerUserId: user.id });
      expect(plain.id).toMatch(uuidPattern);
      expect(plain.accountType).toBe('personal');
      expect(plain.profile).toEqual({});
      // Written without an alias, the account takes its username (0042, as May's 045 filled it).
      expect(plain.alias).toBe(plain.username);

      const profile: AccountProfile = {
        bio: 'Florist in Medellín',
        timezone: 'America/Bogota',
        locale: 'es-CO',
        socials: { instagram: '@ana.flores' },
      };
      const business = await createAccount(db, {
        ownerUserId: user.id,
        accountType: 'business',
        profile,
      });
      const read = single(await db.select().from(accounts).where(eq(accounts.id, business.id)));
      expect(read).toEqual(business);
      expect(read.profile).toEqual(profile);
      expect(read.accountType).toBe('business');

      const renamed = single(
        await db
          .update(accounts)
          .set({ displayName: 'Ana Flores' })
          .where(eq(accounts.id, business.id))
          .returning(),
      );
      expect(renamed.updatedAt.getTime()).toBeGreaterThanOrEqual(business.updatedAt.getTime());
      expect(renamed.createdAt).toEqual(business.createdAt);

      const owner = await db.query.users.findFirst({
        where: eq(users.id, user.id),
        with: { accounts: { orderBy: asc(accounts.username) } },
      });
      expect(owner?.accounts.map((account) => account.id).sort()).toEqual(
        [plain.id, business.id].sort(),
      );
    });

    test('a conversation loads its relationship, both accounts and its messages with attachments', async () => {
      const supplier = await createAccount(db);
      const shop = await createAccount(db);
      const { relationship, conversation } = await createConversation(db, supplier.id, shop.id, {
        relationship: {
          perspectiveA: { saved_name: 'Supplier', tags: ['flowers'], status: 'active' },
        },
      });
      expect(relationship.perspectiveB).toEqual({ saved_name: null, tags: [], status: 'active' });
      expect(relationship.context).toEqual({ entries: [], total_chars: 0 });

      expect(conversation).toMatchObject({
        channel: 'web',
        status: 'active',
        unreadCountA: 0,
        unreadCountB: 0,
        lastMessageAt: null,
      });

      const content: MessageContent = {
        text: 'Here is the spring catalogue',
        media: [{ type: 'document', url: 'https://cdn.example.com/spring.pdf', caption: 'Spring' }],
        buttons: [{ id: 'order', text: 'Order now', action: 'reply' }],
      };
      const message = await createMessage(db, {
        conversationId: conversation.id,
        senderAccountId: relationship.accountAId,
        content,
      });
      expect(message).toMatchObject({ type: 'outgoing', generatedBy: 'human', status: 'synced' });
      expect(message.content).toEqual(content);

      const attachment = single(
        await db
          .insert(mediaAttachments)
          .values({
            messageId: message.id,
            type: 'audio',
            url: 'https://cdn.example.com/voice.ogg',
            sizeBytes: 48_213,
            waveformData: [0, 0.4, 1, 0.2],
          })
          .returning(),
      );
      expect(attachment.sizeBytes).toBe(48_213);
      expect(attachment.metadata).toEqual({});

      const selected = await db
        .select()
        .from(messages)
        .where(eq(messages.conversationId, conversation.id));
      expect(selected).toEqual([message]);

      const loaded = await db.query.conversations.findFirst({
        where: eq(conversations.id, conversation.id),
        with: {
          relationship: { with: { accountA: true, accountB: true } },
          messages: { with: { attachments: true, sender: true } },
        },
      });
      expect(loaded?.relationship?.perspectiveA).toEqual({
        saved_name: 'Supplier',
        tags: ['flowers'],
        status: 'active',
      });
      expect(loaded?.relationship?.accountA?.id).toBe(relationship.accountAId);
      expect(loaded?.relationship?.accountB?.id).toBe(relationship.accountBId);
      expect(loaded?.messages).toHaveLength(1);
      expect(loaded?.messages[0]?.content).toEqual(content);
      expect(loaded?.messages[0]?.sender.id).toBe(relationship.accountAId);
      expect(loaded?.messages[0]?.attachments.map((row) => row.waveformData)).toEqual([
        [0, 0.4, 1, 0.2],
      ]);
    });

    test('an email is unique whatever its case', async () => {
      await createUser(db, { email: 'Case.Test@Example.com' });
      await expectRefusedBy(
        createUser(db, { email: 'case.test@EXAMPLE.COM' }),
        'users_email_lower_key',
      );
    });

    test('two accounts have one relationship, whichever of them is account a', async () => {
      const relationship = await createRelationship(db);
      await expectRefusedBy(
        createRelationship(db, {
          accountAId: relationship.accountBId,
          accountBId: relationship.accountAId,
        }),
        'relationships_pair_key',
      );
    });
  });
});

describe('the drizzle-zod insert schemas', () => {
  test('chat: a message type must be incoming, outgoing or system', () => {
    expectAcceptedThenRefusedOn(
      messageSchemas.insert,
      {
        conversationId: someId,
        senderAccountId: otherId,
        type: 'incoming',
        content: { text: 'Hi' },
      },
      'type',
      'broadcast',
    );
  });
});
