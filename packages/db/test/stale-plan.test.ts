/**
 * A column retyped under a named statement (issue 26: the API's 500s during the bench's retype
 * of messages.deleted_by). listMessages runs its page as a named prepared statement; after a
 * migration changes a column's type, PostgreSQL refuses the plan prepared before it on every
 * connection that ran it ("cached plan must not change result type", 0A000), for the
 * connection's life. The pool's clients prepare it anew once one of them is refused, and
 * withTenant runs its transaction again: no call fails, and the refusal is seen once per pool.
 * Server only: PGlite has one connection and no pool.
 */
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import {
  createConversation,
  createOwnedAccount,
  databaseKinds,
  useMigratedDatabase,
} from '@fluxcore/db/testing';
import { sql } from 'drizzle-orm';
import { createDb, type DatabaseClient } from '../src/connection/client.ts';
import { withTenant } from '../src/connection/with-tenant.ts';
import { appendMessage } from '../src/operations/messages/conversations.ts';
import { listMessages } from '../src/operations/messages/history.ts';

describe.if(databaseKinds.includes('server'))('a column retyped under a prepared read', () => {
  const migrated = useMigratedDatabase('server');
  let pool: DatabaseClient;
  beforeAll(async () => {
    pool = await createDb(migrated.database.config, { poolMax: 3 });
  });
  afterAll(() => pool?.close());

  test('withTenant and the direct read prepare the statement again: no call fails', async () => {
    const a = await createOwnedAccount(migrated.db, 'stale-a');
    const b = await createOwnedAccount(migrated.db, 'stale-b');
    const { conversation } = await createConversation(migrated.db, a.account.id, b.account.id);
    await appendMessage(migrated.db, {
      conversationId: conversation.id,
      senderAccountId: a.account.id,
      content: { text: 'before the retype' },
    });
    let runs = 0;
    const page = (wait = 0) =>
      withTenant(pool.db, a.account.id, async (tx) => {
        runs++;
        // Held open a moment, so that three at once take the pool's three connections.
        if (wait) await tx.execute(sql`select pg_sleep(${wait})`);
        return listMessages(tx, { conversationId: conversation.id });
      });
    // Every connection of the pool prepares the page, in a transaction and outside one.
    await Promise.all([page(0.3), page(0.3), page(0.3)]);
    await Promise.all(
      [1, 2, 3].map(() => listMessages(pool.db, { conversationId: conversation.id })),
    );
    const backends = await migrated.client.query<{ n: number }>(
      `select count(*)::int as n from pg_stat_activity where datname = current_database() and application_name = $1`,
      [migrated.database.config.applicationName],
    );
    expect(backends[0]?.n).toBeGreaterThanOrEqual(3);

    await migrated.client.exec('alter table messages alter column deleted_by type varchar(200)');

    runs = 0;
    for (let i = 0; i < 6; i++) {
      const { messages } = await page();
      expect(messages.map((m) => m.content)).toEqual([{ text: 'before the retype' }]);
    }
    // Six calls, one of them run twice: the first refusal marked the statement stale for
    // every connection of the pool, which each prepared it again before its next use.
    expect(runs).toBe(7);
    for (let i = 0; i < 6; i++) {
      const { messages } = await listMessages(pool.db, { conversationId: conversation.id });
      expect(messages).toHaveLength(1);
    }
  }, 60_000);
});
