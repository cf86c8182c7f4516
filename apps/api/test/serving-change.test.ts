/**
 * Serving while the schema changes (issue 26, item 4), at test scale: eight clients write and
 * read messages through HTTP routes while db:converge brings a May-lineage database (20,000
 * messages) onto the schema, then through the package's API while a migration retypes a column
 * of `messages`. No request may fail and every write that was acknowledged must be a row
 * afterwards. The package's API cannot serve the May catalog (its relationships name actors,
 * not accounts), so during converge the May app's two message routes are played by a
 * stand-in (mayMessageApi). The figures at scale are bench/'s
 * (`bun run bench --only converge-serving`). Server only: PGlite has one connection.
 */
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import { createDb } from '@fluxcore/db';
import {
  converge,
  loadMigrations,
  migrate,
  migrationsFolder,
  readTarget,
} from '@fluxcore/db/migrator';
import {
  createConversation,
  createOwnedAccount,
  createReferenceDatabase,
  databaseKinds,
  fillMayDatabase,
  type LoadClient,
  type LoadResult,
  mayMessageApi,
  missingMessages,
  projectMigrations,
  type ReferenceDatabase,
  retypeMigrationTag,
  runLoad,
  type Send,
  signToken,
  summarize,
  withRetypeMigration,
} from '@fluxcore/db/testing';
import { createApp } from '../src/app.ts';
import { secret } from './support.ts';

/** The load runs from 200 ms before `change` starts until 200 ms after it ends. */
async function underLoad<T>(clients: LoadClient[], send: Send, change: () => Promise<T>) {
  const window = { from: 0, to: 0 };
  const changing = (async () => {
    await Bun.sleep(200);
    window.from = performance.now();
    try {
      return await change();
    } finally {
      window.to = performance.now();
      await Bun.sleep(200);
    }
  })();
  const load: LoadResult = await runLoad(
    clients,
    send,
    changing.catch(() => {}),
  );
  return {
    outcome: await changing,
    load,
    during: summarize(load.requests, window.from, window.to),
  };
}

describe.if(databaseKinds.includes('server'))('serving while the schema changes', () => {
  let ref: ReferenceDatabase;
  beforeAll(async () => {
    ref = await createReferenceDatabase('server', { lineage: '2026-05' });
  }, 120_000);
  afterAll(() => ref?.close());
  const query = (text: string, params: unknown[]) =>
    ref.session.query<{ found: number }>(text, params);

  test('8 clients during converge, then during a retype: no failed request, no lost write', async () => {
    const target = await readTarget(ref.database.config, projectMigrations);
    await fillMayDatabase(ref.session, target, { messages: 20_000, seed: 7 });
    const url = (ref.database.config as { url: string }).url;
    const pairs = await ref.session.query<{ conversation_id: string; sender_account_id: string }>(
      `select distinct on (conversation_id) conversation_id, sender_account_id from messages
       order by conversation_id, sender_account_id limit 8`,
    );
    expect(pairs).toHaveLength(8);
    const stand = mayMessageApi(url);
    const mayClients = pairs.map((p) => ({
      conversationId: p.conversation_id,
      senderAccountId: p.sender_account_id,
    }));
    // One transaction under 8 writers: every table of the plan is locked at once, so the
    // writers' foreign key checks cannot hold a later step's table while waiting on an earlier's.
    const first = await underLoad(mayClients, stand.send, () =>
      converge(ref.session, ref.database.config, projectMigrations, { apply: true, target }),
    );
    await stand.close();
    expect(summarize(first.load.requests).failures).toEqual([]);
    expect(first.during.writes).toBeGreaterThan(0);
    expect(await missingMessages(query, first.load.acknowledged)).toBe(0);
    expect(first.outcome.status).toBe('applied');

    // The package's API on the converged database, while a migration rewrites messages.
    const client = await createDb(ref.database.config);
    const app = createApp({
      db: client,
      jwtSecret: secret,
      rateLimit: { writes: 1_000_000, windowMs: 60_000 },
    });
    const apiClients: LoadClient[] = [];
    for (let i = 0; i < 8; i++) {
      const one = await createOwnedAccount(client.db, `load-${i}`);
      const two = await createOwnedAccount(client.db, `peer-${i}`);
      const { conversation } = await createConversation(client.db, one.account.id, two.account.id);
      const token = signToken(one.user.id, secret);
      apiClients.push({ conversationId: conversation.id, senderAccountId: one.account.id, token });
    }
    const retype = withRetypeMigration(migrationsFolder);
    try {
      const second = await underLoad(
        apiClients,
        (request) => Promise.resolve(app.fetch(request)),
        () => migrate(ref.session, loadMigrations(retype.folder)),
      );
      expect(second.outcome.applied.map((m) => m.tag)).toEqual([retypeMigrationTag]);
      expect(summarize(second.load.requests).failures).toEqual([]);
      expect(second.during.writes).toBeGreaterThan(0);
      expect(await missingMessages(query, second.load.acknowledged)).toBe(0);
    } finally {
      retype.remove();
      await client.close();
    }
  }, 240_000);
});
