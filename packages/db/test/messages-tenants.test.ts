/**
 * A message carries its tenants (migration 0059, issue 24), on both databases:
 * - the triggers: a message written or moved takes its conversation's relationship's two
 *   accounts, whatever its writer put there; a conversation moved to another relationship, and
 *   a relationship whose accounts change, pass the new accounts to their messages; a
 *   conversation with no relationship leaves them null;
 * - as fluxcore_app, a tenant sees exactly the messages of its conversations, and cannot write
 *   one into another tenant's conversation, move one there, or forge the columns;
 * - 0059 on a database that has messages fills every one of them and changes no other value,
 *   and its down file gives back the same rows and the policy it replaced.
 */
import { afterEach, beforeAll, describe, expect, test } from 'bun:test';
import {
  createConversation,
  createMessage,
  createOwnedAccount,
  createTestDatabase,
  databaseKinds,
  projectMigrations,
  type TestDatabase,
  useMigratedDatabase,
} from '@fluxcore/db/testing';
import { eq } from 'drizzle-orm';
import type { Database, SqlSession } from '../src/connection/client.ts';
import { withTenant } from '../src/connection/with-tenant.ts';
import { migrate } from '../src/migrator/apply.ts';
import { rollback } from '../src/migrator/rollback.ts';
import { conversations, messages, relationships } from '../src/schema/index.ts';
import { runtimeRoles } from '../src/schema/tenancy/index.ts';
import { refusal } from './support/refusal.ts';

const app = { role: runtimeRoles.app };
const tag = '0059_messages_carry_their_tenants';

/** New accounts (a relationship's pair is unique, so each test makes its own). */
const newAccounts = (db: Database, ...labels: string[]) =>
  Promise.all(labels.map(async (label) => (await createOwnedAccount(db, label)).account.id));

/** An outgoing message of `senderId` into the conversation, as raw SQL. */
const writeSql = (conversationId: string, senderId: string) =>
  `insert into messages (conversation_id, sender_account_id, type) values ('${conversationId}', '${senderId}', 'outgoing')`;

describe.each(databaseKinds)('messages carry their tenants (%s)', (kind) => {
  const migrated = useMigratedDatabase(kind);
  let db: Database;
  beforeAll(() => {
    db = migrated.client.db;
  });
  const accounts = (...labels: string[]) => newAccounts(db, ...labels);

  const tenantsOf = async (conversationId: string) =>
    (
      await db
        .select({ a: messages.tenantAId, b: messages.tenantBId })
        .from(messages)
        .where(eq(messages.conversationId, conversationId))
    ).map((row) => `${row.a ?? 'null'} ${row.b ?? 'null'}`);
  /** The ids of the conversation's messages `tenant` sees as the API's role. */
  const seenBy = (tenant: string, conversationId: string) =>
    withTenant(
      db,
      tenant,
      async (tx) =>
        (
          await tx
            .select({ id: messages.id })
            .from(messages)
            .where(eq(messages.conversationId, conversationId))
        ).length,
      app,
    );

  test("a message takes its conversation's accounts, whatever its writer puts there", async () => {
    const [a = '', b = '', c = ''] = await accounts('A', 'B', 'C');
    const { conversation } = await createConversation(db, a, b);
    const message = await createMessage(db, {
      conversationId: conversation.id,
      senderAccountId: a,
      tenantAId: c,
      tenantBId: c,
    });
    expect([message.tenantAId, message.tenantBId]).toEqual([a, b]);
    await db.update(messages).set({ tenantBId: c }).where(eq(messages.id, message.id));
    expect(await tenantsOf(conversation.id)).toEqual([`${a} ${b}`]);
  });

  test('as fluxcore_app, a tenant writes and sees only the messages of its conversations', async () => {
    const [a = '', b = '', c = ''] = await accounts('A', 'B', 'C');
    const ours = (await createConversation(db, a, b)).conversation.id;
    const theirs = (await createConversation(db, b, c)).conversation.id;
    await createMessage(db, { conversationId: theirs, senderAccountId: b });
    const written = await withTenant(
      db,
      a,
      (tx) => createMessage(tx, { conversationId: ours, senderAccountId: a, tenantAId: c }),
      app,
    );
    expect([written.tenantAId, written.tenantBId]).toEqual([a, b]);
    expect([await seenBy(a, ours), await seenBy(a, theirs)]).toEqual([1, 0]);
    expect([await seenBy(b, ours), await seenBy(b, theirs), await seenBy(c, ours)]).toEqual([
      1, 1, 0,
    ]);

    // Into another tenant's conversation, moved there, or its columns forged: refused or undone.
    const rls = 'new row violates row-level security policy for table "messages"';
    expect(
      await refusal(
        withTenant(
          db,
          a,
          (tx) => createMessage(tx, { conversationId: theirs, senderAccountId: a }),
          app,
        ),
      ),
    ).toContain(rls);
    expect(
      await refusal(
        withTenant(
          db,
          a,
          (tx) =>
            tx.update(messages).set({ conversationId: theirs }).where(eq(messages.id, written.id)),
          app,
        ),
      ),
    ).toContain(rls);
    await withTenant(
      db,
      a,
      (tx) =>
        tx.update(messages).set({ tenantAId: c, tenantBId: c }).where(eq(messages.id, written.id)),
      app,
    );
    expect(await tenantsOf(ours)).toEqual([`${a} ${b}`]);
    expect(await seenBy(c, ours)).toBe(0);
  });

  test('a conversation moved, and a relationship changed, pass their accounts to the messages', async () => {
    const [a = '', b = '', c = '', d = ''] = await accounts('A', 'B', 'C', 'D');
    const { conversation } = await createConversation(db, a, b);
    for (let i = 0; i < 3; i++)
      await createMessage(db, { conversationId: conversation.id, senderAccountId: a });
    const other = (await createConversation(db, a, c)).relationship.id;

    await db
      .update(conversations)
      .set({ relationshipId: other })
      .where(eq(conversations.id, conversation.id));
    expect(await tenantsOf(conversation.id)).toEqual(Array(3).fill(`${a} ${c}`));
    expect([await seenBy(b, conversation.id), await seenBy(c, conversation.id)]).toEqual([0, 3]);

    await db.update(relationships).set({ accountBId: d }).where(eq(relationships.id, other));
    expect(await tenantsOf(conversation.id)).toEqual(Array(3).fill(`${a} ${d}`));
    expect([await seenBy(d, conversation.id), await seenBy(c, conversation.id)]).toEqual([3, 0]);

    // A conversation with no relationship (the May lineage's visitor threads): no tenant.
    await db
      .update(conversations)
      .set({ relationshipId: null })
      .where(eq(conversations.id, conversation.id));
    expect(await tenantsOf(conversation.id)).toEqual(Array(3).fill('null null'));
    expect([await seenBy(a, conversation.id), await seenBy(d, conversation.id)]).toEqual([0, 0]);
  });
});

describe.if(databaseKinds.includes('server'))('messages written during a change (server)', () => {
  const migrated = useMigratedDatabase('server');
  const sessions: SqlSession[] = [];
  afterEach(async () => {
    for (const session of sessions.splice(0)) await session.close();
  });

  /**
   * `first` and `second` in two transactions, `second` started while `first` is open: the
   * message written in either ends with the accounts of the relationship that holds its
   * conversation once both have committed.
   */
  const race = async (first: string, second: string) => {
    const [one, two] = [await migrated.database.session(), await migrated.database.session()];
    sessions.push(one, two);
    await one.exec(`begin; ${first}`);
    await two.exec('begin');
    const waiting = two.exec(second).then(() => two.exec('commit'));
    await Bun.sleep(200);
    await one.exec('commit');
    await waiting;
  };
  const carried = async (conversationId: string) =>
    (
      await migrated.database.session().then(async (session) => {
        sessions.push(session);
        return session.query<{ right: boolean }>(
          `select m.tenant_a_id is not distinct from r.account_a_id
                  and m.tenant_b_id is not distinct from r.account_b_id as "right"
             from messages m join conversations c on c.id = m.conversation_id
             left join relationships r on r.id = c.relationship_id
            where m.conversation_id = '${conversationId}'`,
        );
      })
    ).map((row) => row.right);

  test('a conversation moved while a message is written into it, in either order', async () => {
    const db = migrated.db;
    const [a = '', b = '', c = ''] = await newAccounts(db, 'A', 'B', 'C');
    const { conversation } = await createConversation(db, a, b);
    const ac = (await createConversation(db, a, c)).relationship.id;
    const ab = conversation.relationshipId;
    const write = writeSql(conversation.id, a);
    const move = (to: string) =>
      `update conversations set relationship_id = '${to}' where id = '${conversation.id}'`;
    await race(write, move(ac));
    await race(move(ab), write);
    expect(await carried(conversation.id)).toEqual([true, true]);
  });

  test("a relationship's account changed while a message is written under it, in either order", async () => {
    const db = migrated.db;
    const [a = '', b = '', c = '', d = ''] = await newAccounts(db, 'A', 'B', 'C', 'D');
    const { conversation, relationship } = await createConversation(db, a, b);
    const write = writeSql(conversation.id, a);
    const change = (to: string) =>
      `update relationships set account_b_id = '${to}' where id = '${relationship.id}'`;
    await race(write, change(c));
    await race(change(d), write);
    expect(await carried(conversation.id)).toEqual([true, true]);
  });
});

describe.each(databaseKinds)(`${tag} on a %s database with messages`, (kind) => {
  let database: TestDatabase | undefined;
  let session: SqlSession | undefined;
  afterEach(async () => {
    await session?.close();
    await database?.drop();
  });

  /** A checksum of every row of each table, by its columns as 0058 left them. */
  const checksums = async (db: SqlSession) =>
    db.query<{ t: string; sum: string; n: number }>(
      ['users', 'accounts', 'relationships', 'conversations', 'messages']
        .map(
          (t) =>
            `select '${t}' as t, count(*)::int as n,
                    md5(coalesce(string_agg((to_jsonb(x) - 'tenant_a_id' - 'tenant_b_id')::text, ',' order by x.id), '')) as sum
               from ${t} x`,
        )
        .join(' union all '),
    );

  test('fills every message from its relationship, keeps every value, and rolls back to the same rows', async () => {
    database = await createTestDatabase(kind, { migratedTo: '0058' });
    session = await database.session();
    const db = session;
    // Three accounts, a relationship A–B and B–C with two conversations each, and a visitor
    // conversation with no relationship: 1,200 messages over them.
    await db.exec(`
      insert into users (id, email, password_hash, name)
        select ('00000000-0000-4000-8000-00000000000' || i)::uuid, 'u' || i || '@t.test', 'x', 'U' || i
          from generate_series(1, 3) i;
      insert into accounts (id, owner_user_id, username, display_name)
        select ('10000000-0000-4000-8000-00000000000' || i)::uuid,
               ('00000000-0000-4000-8000-00000000000' || i)::uuid, 'acct' || i, 'A' || i
          from generate_series(1, 3) i;
      insert into relationships (id, account_a_id, account_b_id) values
        ('20000000-0000-4000-8000-000000000001', '10000000-0000-4000-8000-000000000001', '10000000-0000-4000-8000-000000000002'),
        ('20000000-0000-4000-8000-000000000002', '10000000-0000-4000-8000-000000000002', '10000000-0000-4000-8000-000000000003');
      insert into conversations (id, relationship_id, owner_account_id) values
        ('30000000-0000-4000-8000-000000000001', '20000000-0000-4000-8000-000000000001', null),
        ('30000000-0000-4000-8000-000000000002', '20000000-0000-4000-8000-000000000001', null),
        ('30000000-0000-4000-8000-000000000003', '20000000-0000-4000-8000-000000000002', null),
        ('30000000-0000-4000-8000-000000000004', '20000000-0000-4000-8000-000000000002', null),
        ('30000000-0000-4000-8000-000000000005', null, '10000000-0000-4000-8000-000000000001');
      insert into messages (conversation_id, sender_account_id, content, type, created_at)
        select ('30000000-0000-4000-8000-00000000000' || (1 + g % 5))::uuid,
               '10000000-0000-4000-8000-000000000002', jsonb_build_object('text', 'm' || g),
               'outgoing', timestamptz '2026-01-01' + g * interval '1 second'
          from generate_series(1, 1200) g;`);
    const before = await checksums(db);
    expect(before.find((row) => row.t === 'messages')?.n).toBe(1200);

    await migrate(db, projectMigrations, { to: tag });
    const [filled] = await db.query<{ n: number; related: number; wrong: number }>(
      `select count(*)::int as n, count(r.id)::int as related,
              count(*) filter (where m.tenant_a_id is distinct from r.account_a_id
                                  or m.tenant_b_id is distinct from r.account_b_id)::int as wrong
         from messages m
         join conversations c on c.id = m.conversation_id
         left join relationships r on r.id = c.relationship_id`,
    );
    expect(filled).toEqual({ n: 1200, related: 960, wrong: 0 });
    expect(await checksums(db)).toEqual(before);

    const result = await rollback(db, projectMigrations);
    expect(result.reverted.map((r) => r.tag)).toEqual([tag]);
    expect(await checksums(db)).toEqual(before);
    const [left] = await db.query<{ columns: number; policy: string }>(
      `select (select count(*)::int from information_schema.columns
                where table_name = 'messages' and column_name like 'tenant\\_%') as columns,
              (select pg_get_expr(polqual, polrelid) from pg_policy
                where polname = 'messages_tenant') as policy`,
    );
    expect(left?.columns).toBe(0);
    expect(left?.policy).toContain('FROM conversations parent');
  });
});
