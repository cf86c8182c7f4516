/**
 * Conversations as one account sees them (through its relationships), and appending a message,
 * which keeps the conversation's summary columns (last_message_*, unread counts) in step with
 * the messages table in the same transaction.
 */
import { and, desc, eq, or, sql } from 'drizzle-orm';
import type { Database, Transaction } from '../../connection/client.ts';
import { jsonOf, momentOf, preparedMapped } from '../../connection/prepared.ts';
import {
  type Conversation,
  conversations,
  type Message,
  type MessageContent,
  type MessageGenerator,
  type MessageType,
  messages,
  relationships,
} from '../../schema/index.ts';
import { pageLimit } from './history.ts';

export const conversationListLimits = { default: 50, max: 200 } as const;

export interface ConversationSummary {
  conversation: Conversation;
  /** The account on the other side of the relationship. */
  counterpartAccountId: string;
  /** Messages the listing account has not read yet. */
  unreadCount: number;
}

/** An account's conversations, most recent message first (never-used ones last). */
export async function listConversations(
  db: Database | Transaction,
  params: { accountId: string; limit?: number },
): Promise<ConversationSummary[]> {
  const limit = pageLimit(params.limit, conversationListLimits, 'conversations');
  const accountId = params.accountId.toLowerCase();
  const rows = await preparedMapped(
    db,
    'fluxcore_conversation_list',
    () =>
      // The select list's order is the one toSummaryRows reads the row arrays in.
      db
        .select({
          id: conversations.id,
          relationshipId: conversations.relationshipId,
          channel: conversations.channel,
          status: conversations.status,
          lastMessageAt: conversations.lastMessageAt,
          lastMessageText: conversations.lastMessageText,
          unreadCountA: conversations.unreadCountA,
          unreadCountB: conversations.unreadCountB,
          createdAt: conversations.createdAt,
          updatedAt: conversations.updatedAt,
          conversationType: conversations.conversationType,
          ownerAccountId: conversations.ownerAccountId,
          visitorToken: conversations.visitorToken,
          identityLinkedAt: conversations.identityLinkedAt,
          frozenAt: conversations.frozenAt,
          frozenReason: conversations.frozenReason,
          metadata: conversations.metadata,
          accountAId: relationships.accountAId,
          accountBId: relationships.accountBId,
        })
        .from(conversations)
        .innerJoin(relationships, eq(relationships.id, conversations.relationshipId))
        .where(
          or(
            eq(relationships.accountAId, sql.placeholder('accountId')),
            eq(relationships.accountBId, sql.placeholder('accountId')),
          ),
        )
        .orderBy(sql`${conversations.lastMessageAt} desc nulls last`, desc(conversations.id))
        .limit(sql.placeholder('limit')),
    toSummaryRows,
  ).execute({ accountId: params.accountId, limit });
  return rows.map((row) => {
    const isA = row.accountAId === accountId;
    return {
      conversation: row.conversation,
      counterpartAccountId: isA ? row.accountBId : row.accountAId,
      unreadCount: isA ? row.conversation.unreadCountA : row.conversation.unreadCountB,
    };
  });
}

interface SummaryRow {
  conversation: Conversation;
  accountAId: string;
  accountBId: string;
}

/** The list's row arrays, in the select list's order (see preparedMapped). */
function toSummaryRows(rows: unknown[][]): SummaryRow[] {
  return rows.map((row) => ({
    conversation: {
      id: row[0] as string,
      relationshipId: row[1] as string | null,
      channel: row[2] as Conversation['channel'],
      status: row[3] as Conversation['status'],
      lastMessageAt: momentOf(row[4]),
      lastMessageText: row[5] as string | null,
      unreadCountA: row[6] as number,
      unreadCountB: row[7] as number,
      createdAt: momentOf(row[8]) as Date,
      updatedAt: momentOf(row[9]) as Date,
      conversationType: row[10] as string,
      ownerAccountId: row[11] as string | null,
      visitorToken: row[12] as string | null,
      identityLinkedAt: momentOf(row[13]),
      frozenAt: momentOf(row[14]),
      frozenReason: row[15] as string | null,
      metadata: jsonOf(row[16]),
    },
    // The list joins the account pair: its rows are February-shaped relationships.
    accountAId: row[17] as string,
    accountBId: row[18] as string,
  }));
}

/** The two accounts of a conversation's relationship, or undefined for an unknown id. */
export async function conversationAccounts(
  db: Database | Transaction,
  conversationId: string,
): Promise<{ accountAId: string; accountBId: string } | undefined> {
  const [row] = await db
    .select({ accountAId: relationships.accountAId, accountBId: relationships.accountBId })
    .from(conversations)
    .innerJoin(relationships, eq(relationships.id, conversations.relationshipId))
    .where(eq(conversations.id, conversationId));
  // A May-shaped relationship joins actors, not accounts: no account pair to return.
  if (!row?.accountAId || !row.accountBId) return undefined;
  return { accountAId: row.accountAId, accountBId: row.accountBId };
}

/**
 * The two accounts of a conversation read past row-level security, through the owner's
 * fluxcore_conversation_accounts (migration 0044): what a runtime role needs to choose which
 * of them a request on the conversation acts as. Undefined for an unknown id.
 */
export async function conversationTenants(
  db: Database | Transaction,
  conversationId: string,
): Promise<{ accountAId: string; accountBId: string } | undefined> {
  const result = await db.execute(
    sql`select account_a_id, account_b_id from fluxcore_conversation_accounts(${conversationId}::uuid)`,
  );
  const [row] = (result as unknown as { rows: { account_a_id?: string; account_b_id?: string }[] })
    .rows;
  if (!row?.account_a_id || !row.account_b_id) return undefined;
  return { accountAId: row.account_a_id, accountBId: row.account_b_id };
}

export interface AppendMessageParams {
  conversationId: string;
  /** One of the two accounts of the conversation's relationship. */
  senderAccountId: string;
  content: MessageContent;
  type?: MessageType;
  generatedBy?: MessageGenerator;
}

export type AppendMessageResult =
  | { kind: 'appended'; message: Message; conversation: Conversation }
  | { kind: 'conversation_not_found' }
  | { kind: 'not_participant' };

/**
 * How long the conversation list's preview of the last message is, in code points (as
 * PostgreSQL's left() counts): a cut never splits a character such as an emoji in two.
 */
export const lastMessagePreviewLength = 280;

/** The first `max` code points of `text`. */
export function codePointPrefix(text: string, max: number): string {
  // Fewer UTF-16 units than the limit: fewer code points too.
  if (text.length <= max) return text;
  let end = 0;
  for (let points = 0; points < max && end < text.length; points += 1) {
    end += (text.codePointAt(end) ?? 0) > 0xffff ? 2 : 1;
  }
  return text.slice(0, end);
}

function previewOf(content: MessageContent): string {
  // A media-only message has an empty text: its preview names the media instead.
  const text = content.text || (content.media?.[0] ? `[${content.media[0].type}]` : '');
  return codePointPrefix(text, lastMessagePreviewLength);
}

/**
 * Appends a message and, in the same transaction, moves the conversation's last_message_* to
 * it, raises the unread count of the side that did not send it, and records the interaction on
 * the relationship. The conversation row is locked first, so concurrent appends count exactly.
 */
export async function appendMessage(
  db: Database | Transaction,
  params: AppendMessageParams,
): Promise<AppendMessageResult> {
  return db.transaction(async (tx) => {
    const [conversation] = await tx
      .select({
        id: conversations.id,
        // The joined relationship's id: the inner join makes it present.
        relationshipId: relationships.id,
        accountAId: relationships.accountAId,
        accountBId: relationships.accountBId,
      })
      .from(conversations)
      .innerJoin(relationships, eq(relationships.id, conversations.relationshipId))
      .where(eq(conversations.id, params.conversationId))
      .for('update', { of: conversations });
    if (!conversation) return { kind: 'conversation_not_found' } as const;
    const sender = params.senderAccountId.toLowerCase();
    const side =
      sender === conversation.accountAId
        ? 'a'
        : sender === conversation.accountBId
          ? 'b'
          : undefined;
    if (!side) return { kind: 'not_participant' } as const;

    const [message] = await tx
      .insert(messages)
      .values({
        conversationId: params.conversationId,
        senderAccountId: params.senderAccountId,
        content: params.content,
        type: params.type ?? 'outgoing',
        generatedBy: params.generatedBy ?? 'human',
      })
      .returning();
    if (!message) throw new Error('inserting a message returned no row');

    const [updated] = await tx
      .update(conversations)
      .set({
        // now() is the transaction's start, the very value the message's created_at default
        // took (a JavaScript Date would drop its microseconds).
        lastMessageAt: sql`now()`,
        lastMessageText: previewOf(params.content),
        ...(side === 'a'
          ? { unreadCountB: sql`${conversations.unreadCountB} + 1` }
          : { unreadCountA: sql`${conversations.unreadCountA} + 1` }),
      })
      .where(eq(conversations.id, params.conversationId))
      .returning();
    if (!updated) throw new Error('the conversation vanished while appending a message');
    await tx
      .update(relationships)
      .set({ lastInteraction: sql`now()` })
      .where(
        and(
          eq(relationships.id, conversation.relationshipId),
          or(
            sql`${relationships.lastInteraction} is null`,
            sql`${relationships.lastInteraction} < now()`,
          ),
        ),
      );
    return { kind: 'appended', message, conversation: updated } as const;
  });
}
