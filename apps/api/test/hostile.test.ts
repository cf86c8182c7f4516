/**
 * No input produces a 500, on both databases. A table of hostile requests (lone surrogates in
 * every text field, clients claiming to be the system, amounts past the integer range and
 * the balance's, idempotency keys reused for other requests, chunked 10 MB bodies, odd
 * Authorization headers, undecodable paths): each gets a 4xx and no table changes its row
 * count. Database errors of classes 22 and 23 are 400 and 409 even through drizzle's wrapper,
 * and what the API logs holds no SQL, no parameters and no message text.
 */
import { afterEach, beforeAll, describe, expect, spyOn, test } from 'bun:test';
import {
  baseCreditsPolicies,
  type DatabaseClient,
  grantCredits,
  grantInternalAccess,
  schemaTableNames,
} from '@fluxcore/db';
import { creditsWallets } from '@fluxcore/db/schema';
import {
  createConversation,
  createOwnedAccount,
  databaseKinds,
  useMigratedDatabase,
} from '@fluxcore/db/testing';
import { eq } from 'drizzle-orm';
import { sign } from 'hono/jwt';
import { createApp } from '../src/app.ts';

const secret = 'test-secret-that-is-long-enough-for-hs256!';
const maxInt = 2_147_483_647;

type Json = Record<string, unknown>;
interface Request {
  method: string;
  path: string;
  token?: string;
  /** Sent as JSON with its Content-Length. */
  body?: unknown;
  /** Sent as a stream of this many bytes with no Content-Length (chunked). */
  chunkedBytes?: number;
  headers?: Record<string, string>;
}

/** A stream of `bytes` spaces in 64 KiB chunks, as a chunked upload sends them. */
function chunkedBody(bytes: number): ReadableStream<Uint8Array> {
  let sent = 0;
  return new ReadableStream({
    pull(controller) {
      if (sent >= bytes) return controller.close();
      const size = Math.min(64 * 1024, bytes - sent);
      controller.enqueue(new Uint8Array(size).fill(0x20));
      sent += size;
    },
  });
}

const surrogates = ['a\ud800b', '\udfff', 'x\udc00\ud800y', 'emoji half \ud83d', '\udbff'];

describe.each(databaseKinds)('hostile requests on the %s database', (kind) => {
  const migrated = useMigratedDatabase(kind);
  let client: DatabaseClient;
  let app: ReturnType<typeof createApp>;
  const [openai, groq] = baseCreditsPolicies;
  if (!openai || !groq) throw new Error('the seed has two base policies');
  const logged: string[] = [];

  beforeAll(() => {
    client = migrated.client;
    app = createApp({ db: client, jwtSecret: secret });
  });
  afterEach(() => {
    logged.length = 0;
  });

  async function send(request: Request): Promise<{ status: number; body: Json }> {
    const headers: Record<string, string> = { ...request.headers };
    if (request.token) headers.authorization ??= `Bearer ${request.token}`;
    let body: string | ReadableStream<Uint8Array> | undefined;
    if (request.chunkedBytes !== undefined) {
      body = chunkedBody(request.chunkedBytes);
      headers['content-type'] ??= 'application/json';
    } else if (request.body !== undefined) {
      const text = JSON.stringify(request.body);
      body = text;
      headers['content-type'] ??= 'application/json';
      headers['content-length'] = String(Buffer.byteLength(text));
    }
    const response = await app.request(request.path, {
      method: request.method,
      headers,
      body,
      duplex: 'half',
    } as RequestInit);
    const text = await response.text();
    try {
      return { status: response.status, body: JSON.parse(text) as Json };
    } catch {
      return { status: response.status, body: { text } };
    }
  }

  async function rowCounts(): Promise<Record<string, number>> {
    const rows = await client.query<{ table: string; count: number }>(
      schemaTableNames
        .map((name) => `select '${name}' as "table", count(*)::int as "count" from "${name}"`)
        .join(' union all '),
    );
    return Object.fromEntries(rows.map((row) => [row.table, Number(row.count)]));
  }

  async function person(label: string) {
    const owned = await createOwnedAccount(client.db, label);
    const token = await sign(
      { sub: owned.user.id, exp: Math.floor(Date.now() / 1000) + 3600 },
      secret,
      'HS256',
    );
    return { ...owned, token };
  }

  /** Captures console.error while `run` runs. */
  async function capturingLogs<T>(run: () => Promise<T>): Promise<T> {
    const spy = spyOn(console, 'error').mockImplementation((...parts: unknown[]) => {
      logged.push(parts.map(String).join(' '));
    });
    try {
      return await run();
    } finally {
      spy.mockRestore();
    }
  }

  test('a table of 100+ hostile requests: every one a 4xx, no table changes', async () => {
    const alice = await person('alice');
    const bob = await person('bob');
    const staff = await person('staff');
    const rich = await person('rich');
    await grantInternalAccess(client.db, { userId: staff.user.id, scope: 'credits' });
    const { conversation } = await createConversation(client.db, alice.account.id, bob.account.id);
    const { conversation: other } = await createConversation(
      client.db,
      alice.account.id,
      rich.account.id,
    );
    // Keys used before the counting starts: reusing them for other requests is a conflict.
    await grantCredits(client.db, {
      accountId: alice.account.id,
      amount: 5,
      reason: 'welcome',
      idempotencyKey: 'grant-key',
    });
    const gatingPath = `/conversations/${conversation.id}/ai-sessions`;
    const first = await send({
      method: 'POST',
      path: gatingPath,
      token: alice.token,
      body: {
        accountId: alice.account.id,
        engine: openai.engine,
        model: openai.model,
        idempotencyKey: 'gate-key',
      },
    });
    expect(first.status).toBe(201);
    await grantCredits(client.db, {
      accountId: rich.account.id,
      amount: maxInt - 10,
      reason: 'almost full',
      idempotencyKey: 'full',
    });

    const a = alice.token;
    const s = staff.token;
    const messagesPath = `/conversations/${conversation.id}/messages`;
    const grantsPath = `/accounts/${alice.account.id}/credits/grants`;
    const deletionPath = `/accounts/${alice.account.id}/deletion`;
    const message = (content: Json, extra: Json = {}) => ({
      senderAccountId: alice.account.id,
      content,
      ...extra,
    });
    const grant = { amount: 5, reason: 'welcome', idempotencyKey: 'grant-key' };
    const gating = {
      accountId: alice.account.id,
      engine: openai.engine,
      model: openai.model,
      idempotencyKey: 'gate-key',
    };
    const table: [expected: number, request: Request][] = [];
    const add = (expected: number, request: Request) => table.push([expected, request]);

    // Lone surrogates, in every text field a client sends.
    for (const bad of surrogates) {
      const post = (body: unknown, path = messagesPath, token = a) =>
        add(400, { method: 'POST', path, token, body });
      post(message({ text: bad }));
      post(
        message({ text: 'hi', media: [{ type: 'image', url: 'https://x.test/a', caption: bad }] }),
      );
      post(message({ text: 'hi', buttons: [{ id: bad, text: 'ok', action: 'reply' }] }));
      post(message({ text: 'hi', buttons: [{ id: 'ok', text: bad, action: 'reply' }] }));
      post(message({ media: [{ type: 'image', url: `https://x.test/${bad}` }] }));
      post({ ...grant, reason: bad, idempotencyKey: `s-${bad}` }, grantsPath, s);
      post({ ...grant, idempotencyKey: bad }, grantsPath, s);
      post({ ...gating, engine: bad }, gatingPath);
      post({ ...gating, model: bad }, gatingPath);
      post({ ...gating, featureKey: bad }, gatingPath);
      post({ ...gating, idempotencyKey: bad }, gatingPath);
      post({ reason: bad }, deletionPath);
    }
    // Clients claiming to be the system.
    for (const claim of [
      { type: 'system' },
      { generatedBy: 'automation' },
      { type: 'system', generatedBy: 'automation' },
      { type: 'system', generatedBy: 'human' },
      { type: 'outgoing', generatedBy: 'automation' },
      { type: 'SYSTEM' },
      { generatedBy: 'Automation' },
    ]) {
      add(400, {
        method: 'POST',
        path: messagesPath,
        token: a,
        body: message({ text: 'hi' }, claim),
      });
    }
    // Amounts past the integer range, and a grant past the balance's.
    for (const amount of [2 ** 31, 2 ** 31 - 1, 2 ** 53, 2 ** 63, -(2 ** 31), 1e308, 1_000_001]) {
      add(400, {
        method: 'POST',
        path: grantsPath,
        token: s,
        body: { ...grant, amount, idempotencyKey: `amount-${amount}` },
      });
    }
    for (const amount of [11, 1000, 1_000_000]) {
      add(400, {
        method: 'POST',
        path: `/accounts/${rich.account.id}/credits/grants`,
        token: s,
        body: { ...grant, amount, idempotencyKey: `overflow-${amount}` },
      });
    }
    // Idempotency keys reused for another request.
    for (const body of [
      { ...grant, amount: 6 },
      { ...grant, amount: 1_000_000 },
      { ...grant, reason: 'another reason' },
      { ...grant, idempotencyKey: 'gate-key' },
    ]) {
      add(409, { method: 'POST', path: grantsPath, token: s, body });
    }
    for (const [path, body] of [
      [`/conversations/${other.id}/ai-sessions`, gating],
      [gatingPath, { ...gating, engine: groq.engine, model: groq.model }],
      [gatingPath, { ...gating, idempotencyKey: 'grant-key' }],
    ] as const) {
      add(409, { method: 'POST', path, token: a, body });
    }
    // Chunked bodies with no Content-Length, on every route that takes one.
    for (const bytes of [10 * 1024 * 1024, 100 * 1024]) {
      add(413, { method: 'POST', path: messagesPath, token: a, chunkedBytes: bytes });
      add(413, { method: 'POST', path: grantsPath, token: s, chunkedBytes: bytes });
      add(413, { method: 'POST', path: gatingPath, token: a, chunkedBytes: bytes });
      add(413, { method: 'POST', path: deletionPath, token: a, chunkedBytes: bytes });
      add(413, { method: 'POST', path: messagesPath, chunkedBytes: bytes });
    }
    // Authorization headers that are not a bearer token.
    for (const authorization of [
      'Bearer',
      'Bearer ',
      `Basic ${a}`,
      `Bearer ${a} ${a}`,
      `Bearer${a}`,
      `Bearer\t${a}`,
      `Token ${a}`,
      `Bearer ${a.split('.').slice(0, 2).join('.')}`,
    ]) {
      add(401, {
        method: 'GET',
        path: `/accounts/${alice.account.id}/credits`,
        headers: { authorization },
      });
    }
    // Paths that do not decode, or name ids in odd shapes.
    for (const path of [
      '/conversations/%ED%A0%80/messages',
      '/conversations/%FF%FE/messages',
      `/accounts/%ED%A0%80/credits`,
      `/accounts/${alice.account.id}%00/credits`,
      `/accounts/${alice.account.id.replaceAll('-', '')}x/credits`,
    ]) {
      add(400, { method: 'GET', path, token: a });
    }
    expect(table.length).toBeGreaterThanOrEqual(100);

    const before = await rowCounts();
    const answers = await capturingLogs(async () => {
      const lines: string[] = [];
      for (const [expected, request] of table) {
        const reply = await send(request);
        lines.push(
          `${reply.status} (want ${expected}) ${request.method} ${request.path.slice(0, 50)} ${JSON.stringify(request.body ?? request.headers ?? request.chunkedBytes)?.slice(0, 80)}`,
        );
        expect(typeof reply.body.error).toBe('string');
      }
      return lines;
    });
    const wrong = answers.filter((line) => {
      const [status, , want] = line.split(/[ ()]+/);
      return status !== want;
    });
    expect(wrong).toEqual([]);
    expect(answers.every((line) => /^4\d\d /.test(line))).toBe(true);
    expect(await rowCounts()).toEqual(before);
    expect(logged).toEqual([]);
    const [wallet] = await client.db
      .select({ balance: creditsWallets.balance })
      .from(creditsWallets)
      .where(eq(creditsWallets.accountId, rich.account.id));
    expect(wallet?.balance).toBe(maxInt - 10);
  }, 120_000);

  test('database errors of classes 22 and 23 are 400 and 409 through drizzle’s wrapper', async () => {
    const alice = await person('alice');
    const bob = await person('bob');
    const { conversation } = await createConversation(client.db, alice.account.id, bob.account.id);
    // A rule the API's validation does not know: only the database refuses these messages.
    await client.exec(
      `alter table messages add constraint hostile_no_forbidden check (content->>'text' is distinct from 'forbidden');
       create or replace function hostile_too_long() returns trigger language plpgsql as $$
       begin
         if new.content->>'text' = 'out of range' then
           raise exception 'too long: %', new.content using errcode = '22001';
         end if;
         return new;
       end $$;
       create trigger hostile_too_long before insert on messages
         for each row execute function hostile_too_long();`,
    );
    try {
      const path = `/conversations/${conversation.id}/messages`;
      const before = await rowCounts();
      const replies = await capturingLogs(() =>
        Promise.all(
          ['forbidden', 'out of range'].map((text) =>
            send({
              method: 'POST',
              path,
              token: alice.token,
              body: { senderAccountId: alice.account.id, content: { text } },
            }),
          ),
        ),
      );
      expect(replies.map((r) => [r.status, r.body.error])).toEqual([
        [409, 'conflict'],
        [400, 'invalid_input'],
      ]);
      expect(await rowCounts()).toEqual(before);
      expect(logged).toEqual([]);
    } finally {
      await client.exec(
        `alter table messages drop constraint hostile_no_forbidden;
         drop trigger hostile_too_long on messages;
         drop function hostile_too_long();`,
      );
    }
  });

  test('a 500 is logged as one line with no SQL, no parameters and no message text', async () => {
    const alice = await person('alice');
    const bob = await person('bob');
    const { conversation } = await createConversation(client.db, alice.account.id, bob.account.id);
    const secretText = `the secret plan ${crypto.randomUUID()}`;
    await client.exec(
      `create or replace function hostile_fail() returns trigger language plpgsql as $$
       begin raise exception 'refused %', new.content; end $$;
       create trigger hostile_fail before insert on messages
         for each row execute function hostile_fail();`,
    );
    try {
      const reply = await capturingLogs(() =>
        send({
          method: 'POST',
          path: `/conversations/${conversation.id}/messages`,
          token: alice.token,
          body: { senderAccountId: alice.account.id, content: { text: secretText } },
        }),
      );
      expect(reply.status).toBe(500);
      expect(reply.body).toEqual({
        error: 'internal',
        message: 'the server failed; try again later',
      });
      expect(logged).toHaveLength(1);
      const [line] = logged;
      expect(line).toBe('api: POST /conversations/:id/messages: database error P0001');
      for (const leak of [secretText, 'secret plan', 'insert into', 'params', alice.account.id]) {
        expect(line).not.toContain(leak);
      }
    } finally {
      await client.exec('drop trigger hostile_fail on messages; drop function hostile_fail();');
    }
  });
});
