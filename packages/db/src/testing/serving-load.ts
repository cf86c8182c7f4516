/**
 * Clients that keep an API busy while the schema changes under it, and what they saw: every
 * request's time, every failure, and the id of every write the API acknowledged, to be looked
 * for afterwards. Each client writes a message into its conversation, then reads the newest
 * page and the page after it (keyset, by the cursor the API returned), again and again.
 *
 * Both the package's API (apps/api) and the May app's stand-in below answer the same two
 * routes: `POST /conversations/:id/messages` ({ senderAccountId, content }) → 201
 * { message: { id } }, and `GET /conversations/:id/messages?limit=N[&cursor=C]` →
 * { messages, nextCursor }.
 */
import { createHmac } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

/** Sends a request: over the network (`fetch` on a base URL) or to an app in process. */
export type Send = (request: Request) => Promise<Response>;

export interface LoadClient {
  conversationId: string;
  senderAccountId: string;
  /** A bearer token, where the API asks for one. */
  token?: string;
  /** Only writes, or only reads (a page and the next); both in turn unless said. */
  only?: 'read' | 'write';
}

export interface RequestRecord {
  kind: 'read' | 'write';
  startedAt: number;
  ms: number;
  /** Status, or 0 when the request never got an answer. */
  status: number;
  error?: string;
}

export interface LoadResult {
  requests: RequestRecord[];
  /** Ids of the messages the API answered 201 for. */
  acknowledged: string[];
}

const origin = 'http://load.test';

async function timed(
  records: RequestRecord[],
  kind: RequestRecord['kind'],
  send: Send,
  request: Request,
): Promise<Record<string, unknown> | undefined> {
  const startedAt = performance.now();
  try {
    const response = await send(request);
    const text = await response.text();
    const record: RequestRecord = {
      kind,
      startedAt,
      ms: performance.now() - startedAt,
      status: response.status,
    };
    records.push(record);
    if (response.status >= 400) {
      record.error = text.slice(0, 300);
      return undefined;
    }
    return JSON.parse(text) as Record<string, unknown>;
  } catch (error) {
    const message = (error as Error).message || String(error);
    records.push({ kind, startedAt, ms: performance.now() - startedAt, status: 0, error: message });
    return undefined;
  }
}

async function clientLoop(
  client: LoadClient,
  index: number,
  send: Send,
  until: () => boolean,
  result: LoadResult,
): Promise<void> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (client.token) headers.authorization = `Bearer ${client.token}`;
  const path = `${origin}/conversations/${client.conversationId}/messages`;
  for (let n = 0; !until(); n++) {
    if (client.only !== 'read') await writeOne(client, index, n, send, path, headers, result);
    if (client.only !== 'write') await readPages(send, path, headers, result);
  }
}

async function writeOne(
  client: LoadClient,
  index: number,
  n: number,
  send: Send,
  path: string,
  headers: Record<string, string>,
  result: LoadResult,
): Promise<void> {
  const body = JSON.stringify({
    senderAccountId: client.senderAccountId,
    content: { text: `load client ${index} message ${n}` },
  });
  const request = new Request(path, { method: 'POST', headers, body });
  const written = await timed(result.requests, 'write', send, request);
  const id = (written?.message as { id?: string } | undefined)?.id;
  if (id) result.acknowledged.push(id);
}

/** The newest page, then the next one by the cursor the API returned. */
async function readPages(
  send: Send,
  path: string,
  headers: Record<string, string>,
  result: LoadResult,
): Promise<void> {
  const page = await timed(
    result.requests,
    'read',
    send,
    new Request(`${path}?limit=20`, { headers }),
  );
  const cursor = page?.nextCursor;
  if (typeof cursor !== 'string') return;
  const next = `${path}?limit=20&cursor=${encodeURIComponent(cursor)}`;
  await timed(result.requests, 'read', send, new Request(next, { headers }));
}

/** Runs every client until `stop` resolves; each finishes the request it is in. */
export async function runLoad(
  clients: LoadClient[],
  send: Send,
  stop: Promise<unknown>,
): Promise<LoadResult> {
  let stopped = false;
  void stop.finally(() => {
    stopped = true;
  });
  const result: LoadResult = { requests: [], acknowledged: [] };
  await Promise.all(clients.map((client, i) => clientLoop(client, i, send, () => stopped, result)));
  return result;
}

export interface LoadSummary {
  requests: number;
  reads: number;
  writes: number;
  failed: number;
  /** The first few failures, as `status: body`. */
  failures: string[];
  longestMs: number;
  longestReadMs: number;
  longestWriteMs: number;
}

/** The requests that ran at least partly between `from` and `to` (performance.now() times). */
export function summarize(
  requests: RequestRecord[],
  from = 0,
  to = Number.POSITIVE_INFINITY,
): LoadSummary {
  const during = requests.filter((r) => r.startedAt < to && r.startedAt + r.ms > from);
  const longest = (kind?: RequestRecord['kind']) =>
    Math.max(0, ...during.filter((r) => !kind || r.kind === kind).map((r) => r.ms));
  const failed = requests.filter((r) => r.status === 0 || r.status >= 400);
  return {
    requests: during.length,
    reads: during.filter((r) => r.kind === 'read').length,
    writes: during.filter((r) => r.kind === 'write').length,
    failed: failed.length,
    failures: failed.slice(0, 3).map((r) => `${r.status}: ${r.error ?? ''}`),
    longestMs: longest(),
    longestReadMs: longest('read'),
    longestWriteMs: longest('write'),
  };
}

/** How many of `ids` are not rows of `messages`. */
export async function missingMessages(
  query: (text: string, params: unknown[]) => Promise<{ found: number }[]>,
  ids: string[],
): Promise<number> {
  const [row] = await query(
    'select count(*)::int as found from messages where id = any($1::uuid[])',
    [ids],
  );
  return ids.length - Number(row?.found ?? 0);
}

/** An HS256 token for `userId`, as apps/api verifies them (an hour's lifetime). */
export function signToken(userId: string, secret: string): string {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const now = Math.floor(Date.now() / 1000);
  const unsigned = `${part({ alg: 'HS256', typ: 'JWT' })}.${part({ sub: userId, iat: now, exp: now + 3600 })}`;
  return `${unsigned}.${createHmac('sha256', secret).update(unsigned).digest('base64url')}`;
}

/**
 * The May app's two message routes, played by a stand-in: the package's API cannot serve a
 * database before converge (May's relationships name actors, not accounts; its conversations
 * have no unread counts), and the original app is not part of this project. The stand-in
 * reads and writes `messages` as an app of May does, with the columns both the May catalog and
 * the converged one have, so it keeps working across the change. No authentication.
 */
export function mayMessageApi(url: string, poolMax = 10): { send: Send; close(): Promise<void> } {
  const pool = new pg.Pool({
    connectionString: url,
    max: poolMax,
    application_name: 'fluxcore-may-stand-in',
  });
  const send: Send = async (request) => {
    const url = new URL(request.url);
    const conversationId = /^\/conversations\/([^/]+)\/messages$/.exec(url.pathname)?.[1];
    if (!conversationId) return Response.json({ error: 'not found' }, { status: 404 });
    try {
      if (request.method === 'POST') {
        const body = (await request.json()) as { senderAccountId: string; content: unknown };
        const { rows } = await pool.query(
          `insert into messages (conversation_id, sender_account_id, content, type, generated_by)
           values ($1, $2, $3, 'outgoing', 'human') returning id`,
          [conversationId, body.senderAccountId, JSON.stringify(body.content)],
        );
        return Response.json({ message: rows[0] }, { status: 201 });
      }
      return Response.json(await mayPage(pool, conversationId, url.searchParams));
    } catch (error) {
      return Response.json({ error: (error as Error).message }, { status: 500 });
    }
  };
  return { send, close: () => pool.end() };
}

async function mayPage(pool: pg.Pool, conversationId: string, params: URLSearchParams) {
  const limit = Number(params.get('limit') ?? 20);
  const cursor = params.get('cursor')?.split('|');
  const { rows } = await pool.query<{ id: string; created_at: string; content: unknown }>(
    `select id, created_at::text as created_at, content from messages
     where conversation_id = $1 and ($2::text is null or (created_at, id) < ($2::timestamptz, $3::uuid))
     order by created_at desc, id desc limit $4`,
    [conversationId, cursor?.[0] ?? null, cursor?.[1] ?? null, limit],
  );
  const last = rows.length === limit ? rows[rows.length - 1] : undefined;
  return { messages: rows, nextCursor: last ? `${last.created_at}|${last.id}` : null };
}

/** The change a retype brings: `messages.deleted_by` text → varchar(200), a full rewrite. */
export const retypeMigrationTag = '9000_load_retype_messages_deleted_by';

/**
 * A copy of `folder` (a migrations folder) with one migration more, at the end, that retypes a
 * column of `messages` (text → varchar(200): PostgreSQL rewrites the table under an ACCESS
 * EXCLUSIVE lock). For the load test and bench only; never in packages/db/migrations.
 */
export function withRetypeMigration(folder: string): { folder: string; remove(): void } {
  const copy = mkdtempSync(join(tmpdir(), 'fluxcore-retype-'));
  cpSync(folder, copy, { recursive: true });
  const journalPath = join(copy, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as {
    entries: { idx: number; version: string; when: number; tag: string; breakpoints: boolean }[];
  };
  const last = journal.entries[journal.entries.length - 1];
  journal.entries.push({
    idx: (last?.idx ?? -1) + 1,
    version: last?.version ?? '7',
    when: (last?.when ?? 0) + 1,
    tag: retypeMigrationTag,
    breakpoints: true,
  });
  writeFileSync(journalPath, JSON.stringify(journal, null, 2));
  writeFileSync(
    join(copy, `${retypeMigrationTag}.sql`),
    'ALTER TABLE "messages" ALTER COLUMN "deleted_by" SET DATA TYPE varchar(200);\n',
  );
  writeFileSync(
    join(copy, `${retypeMigrationTag}.down.sql`),
    'ALTER TABLE "messages" ALTER COLUMN "deleted_by" SET DATA TYPE text;\n',
  );
  return { folder: copy, remove: () => rmSync(copy, { recursive: true, force: true }) };
}
