/**
 * A conversation's message history, newest first, as keyset pages. The order is
 * (created_at desc, id desc): messages written in one transaction share created_at, and the id
 * breaks the tie, so a page boundary never skips or repeats one. The index
 * messages_conversation_created_id_idx (conversation_id, created_at desc, id desc) serves the
 * query directly: no sort, no offset.
 */
import { and, eq, fillPlaceholders, sql } from 'drizzle-orm';
import type { Database, Transaction } from '../../connection/client.ts';
import { jsonOf, momentOf, preparedMapped } from '../../connection/prepared.ts';
import { FluxDbError } from '../../errors/flux-db-error.ts';
import { type Message, messages } from '../../schema/index.ts';

export const messagePageLimits = { default: 50, max: 100 } as const;

/** The requested page size, or the default; a size outside 1…max is refused. */
export function pageLimit(
  requested: number | undefined,
  limits: { default: number; max: number },
  items: string,
): number {
  const limit = requested ?? limits.default;
  if (!Number.isInteger(limit) || limit < 1 || limit > limits.max) {
    throw new FluxDbError(
      'INVALID_INPUT',
      `a page holds 1 to ${limits.max} ${items}, not ${limit}`,
      'Pass a limit in that range',
    );
  }
  return limit;
}

/**
 * Where a page ends: the last message's created_at in microseconds since the epoch (the
 * column's full precision; a JavaScript Date would round it to milliseconds) and its id.
 */
export interface MessageCursor {
  createdAtMicros: string;
  id: string;
}

const microsPattern = /^\d{1,18}$/;
/** A uuid as PostgreSQL prints it, of any version and variant (not only RFC 9562's). */
const uuidPattern = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

export function encodeMessageCursor(cursor: MessageCursor): string {
  return Buffer.from(JSON.stringify([cursor.createdAtMicros, cursor.id])).toString('base64url');
}

/** The cursor inside an opaque string this module issued, or null for anything else. */
export function decodeMessageCursor(value: string): MessageCursor | null {
  if (value.length > 200 || !/^[A-Za-z0-9_-]+$/.test(value)) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(value, 'base64url').toString());
  } catch {
    return null;
  }
  if (!Array.isArray(parsed) || parsed.length !== 2) return null;
  const [micros, id] = parsed as unknown[];
  if (typeof micros !== 'string' || typeof id !== 'string') return null;
  if (!microsPattern.test(micros) || !uuidPattern.test(id)) return null;
  return { createdAtMicros: micros, id };
}

export interface MessagePage {
  messages: Message[];
  /** Pass it back for the next (older) page; null on the last page. */
  nextCursor: string | null;
}

/**
 * The page query: `(created_at, id) < cursor` is one row comparison the index scan starts
 * from, and the order says `nulls last` because drizzle's `.desc()` built the index as
 * `desc nulls last`; a plain `desc` (nulls first) would not match it and PostgreSQL would sort.
 * Values are drizzle placeholders, so the same builder serves the prepared statement
 * listMessages runs and the plain query the tests explain.
 */
function pageQueryBuilder(db: Database | Transaction, withCursor: boolean) {
  const after = withCursor
    ? sql`(${messages.createdAt}, ${messages.id}) < (timestamptz 'epoch' + ${sql.placeholder('cursorMicros')}::bigint * interval '1 microsecond', ${sql.placeholder('cursorId')}::uuid)`
    : undefined;
  // The select list's order is the one toPage reads the row arrays in.
  return db
    .select({
      id: messages.id,
      conversationId: messages.conversationId,
      senderAccountId: messages.senderAccountId,
      content: messages.content,
      type: messages.type,
      generatedBy: messages.generatedBy,
      aiApprovedBy: messages.aiApprovedBy,
      status: messages.status,
      fromActorId: messages.fromActorId,
      toActorId: messages.toActorId,
      createdAt: messages.createdAt,
      eventType: messages.eventType,
      parentId: messages.parentId,
      originalId: messages.originalId,
      version: messages.version,
      isCurrent: messages.isCurrent,
      deletedAt: messages.deletedAt,
      deletedBy: messages.deletedBy,
      deletedScope: messages.deletedScope,
      overwrittenAt: messages.overwrittenAt,
      overwrittenBy: messages.overwrittenBy,
      redactedAt: messages.redactedAt,
      redactedBy: messages.redactedBy,
      signalId: messages.signalId,
      metadata: messages.metadata,
      tenantAId: messages.tenantAId,
      tenantBId: messages.tenantBId,
      createdAtMicros: sql<string>`(extract(epoch from ${messages.createdAt}) * 1000000)::bigint::text`,
    })
    .from(messages)
    .where(and(eq(messages.conversationId, sql.placeholder('conversationId')), after))
    .orderBy(sql`${messages.createdAt} desc nulls last`, sql`${messages.id} desc nulls last`)
    .limit(sql.placeholder('limit'));
}

interface PageParams {
  conversationId: string;
  limit: number;
  cursor: MessageCursor | undefined;
}

function placeholderValues(params: PageParams): Record<string, unknown> {
  return params.cursor
    ? {
        conversationId: params.conversationId,
        limit: params.limit,
        cursorMicros: params.cursor.createdAtMicros,
        cursorId: params.cursor.id,
      }
    : { conversationId: params.conversationId, limit: params.limit };
}

/** The page query as SQL text and parameters, for EXPLAIN and for a raw driver. */
export function messagePageSql(db: Database | Transaction, params: PageParams) {
  const query = pageQueryBuilder(db, params.cursor !== undefined).toSQL();
  return { sql: query.sql, params: fillPlaceholders(query.params, placeholderValues(params)) };
}

interface PageRows {
  messages: Message[];
  /** Each message's created_at in microseconds (the cursor's precision), in the same order. */
  micros: string[];
}

/** The page's row arrays, in the select list's order, as messages (see preparedMapped). */
function toPage(rows: unknown[][]): PageRows {
  const page: PageRows = { messages: new Array(rows.length), micros: new Array(rows.length) };
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i] as unknown[];
    page.messages[i] = {
      id: row[0] as string,
      conversationId: row[1] as string,
      senderAccountId: row[2] as string,
      content: jsonOf(row[3]),
      type: row[4] as Message['type'],
      generatedBy: row[5] as Message['generatedBy'],
      aiApprovedBy: row[6] as string | null,
      status: row[7] as Message['status'],
      fromActorId: row[8] as string | null,
      toActorId: row[9] as string | null,
      createdAt: momentOf(row[10]) as Date,
      eventType: row[11] as string,
      parentId: row[12] as string | null,
      originalId: row[13] as string | null,
      version: row[14] as number,
      isCurrent: row[15] as boolean,
      deletedAt: momentOf(row[16]),
      deletedBy: row[17] as string | null,
      deletedScope: row[18] as string | null,
      overwrittenAt: momentOf(row[19]),
      overwrittenBy: row[20] as string | null,
      redactedAt: momentOf(row[21]),
      redactedBy: row[22] as string | null,
      signalId: row[23] === null ? null : Number(row[23]),
      metadata: jsonOf(row[24]),
      tenantAId: row[25] as string | null,
      tenantBId: row[26] as string | null,
    };
    page.micros[i] = row[27] as string;
  }
  return page;
}

/**
 * listMessages runs the page query as a named prepared statement, its rows mapped by toPage
 * (see connection/prepared.ts).
 */
function runPageQuery(db: Database | Transaction, params: PageParams): Promise<PageRows> {
  const key = params.cursor ? 'after' : 'first';
  return preparedMapped(
    db,
    `fluxcore_message_page_${key}`,
    () => pageQueryBuilder(db, key === 'after'),
    toPage,
  ).execute(placeholderValues(params));
}

export async function listMessages(
  db: Database | Transaction,
  params: { conversationId: string; limit?: number; cursor?: string },
): Promise<MessagePage> {
  const limit = pageLimit(params.limit, messagePageLimits, 'messages');
  const cursor = params.cursor === undefined ? undefined : decodeMessageCursor(params.cursor);
  if (cursor === null) {
    throw new FluxDbError(
      'INVALID_INPUT',
      'the cursor is not one this API issued',
      'Pass the nextCursor of the previous page, or no cursor for the newest page',
    );
  }
  const page = await runPageQuery(db, {
    conversationId: params.conversationId,
    limit: limit + 1,
    cursor,
  });
  const more = page.messages.length > limit;
  if (more) page.messages.length = limit;
  const last = page.messages[limit - 1];
  return {
    messages: page.messages,
    nextCursor:
      more && last
        ? encodeMessageCursor({ createdAtMicros: page.micros[limit - 1] as string, id: last.id })
        : null,
  };
}
