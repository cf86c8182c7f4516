/**
 * No input produces a 500, on both databases. A table of hostile requests (lone surrogates in
 * every text field, clients claiming to be the system, amounts past the integer range and
 * the balance's, idempotency keys reused for other requests, chunked 10 MB bodies, odd
 * Authorization headers, undecodable paths): each gets a 4xx and no table changes its row
 * count. Database errors of classes 22 and 23 are 400 and 409 even through drizzle's wrapper,
 * and what the API logs holds no SQL, no parameters and no message text.
 */
import { afterEach, describe, expect, spyOn, test } from 'bun:test';
import { baseCreditsPolicies, grantCredits, grantInternalAccess } from '@fluxcore/db';
import { creditsWallets } from '@fluxcore/db/schema';
import { createConversation, databaseKinds } from '@fluxcore/db/testing';
import { eq } from 'drizzle-orm';
import { type CallOptions, type Json, useApi } from './support.ts';

const maxInt = 2_147_483_647;

/** A request as the table lists it. */
interface Request extends CallOptions {
  method: string;
  path: string;
}

const surrogates = ['a\ud800b', '\udfff', 'x\udc00\ud800y', 'emoji half \ud83d', '\udbff'];

describe.each(databaseKinds)('hostile requests on the %s database', (kind) => {
  const api = useApi(kind);
  const [openai, groq] = baseCreditsPolicies;
  if (!openai || !groq) throw new Error('the seed has two base policies');
  const logged: string[] = [];

  afterEach(() => {
    logged.length = 0;
  });

  const send = (request: Request) => api.call(request.method, request.path, request);
  const { person, rowCounts } = api;

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
    await grantInternalAccess(api.client.db, { userId: staff.user.id, scope: 'credits' });
    const { conversation } = await createConversation(
      api.client.db,
      alice.account.id,
      bob.account.id,
    );
    const { conversation: other } = await createConversation(
      api.client.db,
      alice.account.id,
      rich.account.id,
    );
    // Keys used before the counting starts: reusing them for other requests is a conflict.
    await grantCredits(api.client.db, {
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
    await grantCredits(api.client.db, {
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
    const [wallet] = await api.client.db
      .select({ balance: creditsWallets.balance })
      .from(creditsWallets)
      .where(eq(creditsWallets.accountId, rich.account.id));
    expect(wallet?.balance).toBe(maxInt - 10);
  }, 120_000);

  test('database errors of classes 22 and 23 are 400 and 409 through drizzle’s wrapper', async () => {
    const { one: alice, conversation } = await api.pair('alice', 'bob');
    // A rule the API's validation does not know: only the database refuses these messages.
    await api.client.exec(
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
      await api.client.exec(
        `alter table messages drop constraint hostile_no_forbidden;
         drop trigger hostile_too_long on messages;
         drop function hostile_too_long();`,
      );
    }
  });

  test('a 500 is logged as one line with no SQL, no parameters and no message text', async () => {
    const { one: alice, conversation } = await api.pair('alice', 'bob');
    const secretText = `the secret plan ${crypto.randomUUID()}`;
    await api.client.exec(
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
      await api.client.exec('drop trigger hostile_fail on messages; drop function hostile_fail();');
    }
  });
});
