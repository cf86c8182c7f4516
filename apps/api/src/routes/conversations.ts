/**
 * Conversations and their messages:
 * - GET /accounts/:id/conversations (the account's, latest message first);
 * - GET /conversations/:id/messages (newest first, keyset pages with a cursor);
 * - POST /conversations/:id/messages (from an account the caller owns, into one of its
 *   conversations: any other, existing or not, is the same 404).
 */
import { accountOwnerId, appendMessage, listConversations, listMessages } from '@fluxcore/db';
import { Hono } from 'hono';
import { authorization } from '../access.ts';
import { refusals } from '../errors.ts';
import { type Env, fail, input, send } from '../respond.ts';
import {
  conversationsQuery,
  conversationsResponse,
  idParam,
  messageCreatedResponse,
  messagesQuery,
  messagesResponse,
  postMessageBody,
} from '../schemas.ts';
import type { Tenancy } from '../tenancy.ts';

export function conversationRoutes({ db }: { db: Tenancy }): Hono<Env> {
  const { requireAccount, requireConversation } = authorization(db);
  return new Hono<Env>()
    .get(
      '/accounts/:id/conversations',
      input('param', idParam),
      input('query', conversationsQuery),
      requireAccount('conversations'),
      async (c) => {
        const summaries = await db.as(c.get('tenant'), (tx) =>
          listConversations(tx, {
            accountId: c.req.valid('param').id,
            limit: c.req.valid('query').limit,
          }),
        );
        return send(c, conversationsResponse, {
          conversations: summaries.map((summary) => ({
            ...summary.conversation,
            counterpartAccountId: summary.counterpartAccountId,
            unreadCount: summary.unreadCount,
          })),
        });
      },
    )
    .get(
      '/conversations/:id/messages',
      input('param', idParam),
      input('query', messagesQuery),
      requireConversation,
      async (c) => {
        const { limit, cursor } = c.req.valid('query');
        const page = await db.as(c.get('tenant'), (tx) =>
          listMessages(tx, { conversationId: c.req.valid('param').id, limit, cursor }),
        );
        return send(c, messagesResponse, page);
      },
    )
    .post(
      '/conversations/:id/messages',
      input('param', idParam),
      input('json', postMessageBody),
      async (c) => {
        const { id } = c.req.valid('param');
        const body = c.req.valid('json');
        // The sender is the tenant: the conversation must be one of its own.
        const sender = body.senderAccountId;
        const senderOwnerId = await db.as(sender, (tx) => accountOwnerId(tx, sender));
        if (!senderOwnerId) return fail(c, refusals.notFound('sender account'));
        if (senderOwnerId !== c.get('userId')) {
          return fail(c, refusals.forbidden('messages are sent from an account you own'));
        }
        const result = await db.as(sender, (tx) =>
          appendMessage(tx, {
            conversationId: id,
            senderAccountId: sender,
            content: body.content,
            type: body.type,
            generatedBy: body.generatedBy,
          }),
        );
        switch (result.kind) {
          case 'appended':
            return send(c, messageCreatedResponse, { message: result.message }, 201);
          // Alike: whether another account's conversation exists is not the caller's to learn.
          case 'conversation_not_found':
          case 'not_participant':
            return fail(c, refusals.notFound('conversation'));
        }
      },
    );
}
