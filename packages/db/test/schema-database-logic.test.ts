/**
 * The logic this package keeps in the database (0029) and its data fixes (0028, 0030), on both
 * databases: the objects a migrated database holds are exactly the declared ones, and each
 * trigger and fix does what its declaration says, with row counts checked before and after.
 */
import { describe, expect, test } from 'bun:test';
import { readFileSync } from 'node:fs';
import { createTestDatabase, databaseKinds, projectMigrations } from '@fluxcore/db/testing';
import type { SqlSession } from '../src/connection/client.ts';
import { migrate } from '../src/migrator/apply.ts';
import { rollback } from '../src/migrator/rollback.ts';
import {
  type OriginalLogicEntry,
  originalDatabaseLogic,
  packageDatabaseLogic,
  tablesWithUpdatedAt,
  undecidedOriginalLogic,
} from '../src/schema/original/database-logic.ts';
import { originalOnlyDatabaseLogic } from '../src/schema/original/database-logic-decisions.ts';
import { originalLogicHashes } from '../src/schema/original/logic-hashes.ts';

/** The functions and triggers of a reference's logic.tsv (test/fixtures holds copies). */
function logicOf(reference: string): (OriginalLogicEntry & { md5: string })[] {
  const text = readFileSync(new URL(`./fixtures/${reference}.logic.tsv`, import.meta.url), 'utf8');
  return text
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => line.split('\t'))
    .filter(([kind]) => kind === 'function' || kind === 'trigger')
    .map(([kind = '', schema = '', name = '', signature = '', , md5 = '']) => ({
      kind,
      schema,
      name,
      md5,
      ...(kind === 'trigger' ? { table: signature.split(' ')[0] } : {}),
    }));
}

describe("every function and trigger of the original's logic has a decision", () => {
  const references = ['fluxcore-2026-02', 'fluxcore-2026-05'] as const;

  test.each(references)('%s: each one is decided and known by its hash', (reference) => {
    const entries = logicOf(reference);
    expect(entries.length).toBeGreaterThan(35);
    expect(undecidedOriginalLogic(entries)).toEqual([]);
    const unknown = entries.filter(
      (e) =>
        !originalLogicHashes.some(
          (h) =>
            h.kind === e.kind &&
            h.name === e.name &&
            h.md5 === e.md5 &&
            h.lineages.includes(reference),
        ),
    );
    expect(unknown).toEqual([]);
  });

  test('a function or trigger whose decision is missing is named', () => {
    const entries = logicOf('fluxcore-2026-05');
    const without = originalOnlyDatabaseLogic.filter(
      (d) => d.name !== 'tr_signals_updated_at' && d.name !== 'public.prevent_asset_deletion',
    );
    expect(undecidedOriginalLogic(entries, without)).toEqual([
      'public.prevent_asset_deletion',
      'signals.tr_signals_updated_at',
    ]);
    // A decision for the same trigger name on another table does not count.
    const moved = originalOnlyDatabaseLogic.map((d) =>
      d.name === 'protect_assets_from_deletion' ? { ...d, table: 'fluxcore_files' } : d,
    );
    expect(undecidedOriginalLogic(entries, moved)).toEqual(['assets.protect_assets_from_deletion']);
  });

  test("May's signal timestamp triggers are replaced by the package's touch trigger, its asset shield is kept", () => {
    const decision = (name: string) => originalOnlyDatabaseLogic.find((d) => d.name === name);
    for (const table of ['signals', 'signal_preferences', 'signal_delivery_log']) {
      expect(decision(`tr_${table}_updated_at`)?.how).toStartWith(
        `replaced by ${table}_touch_updated_at (0039_may_tables_in_package_triggers)`,
      );
      expect(tablesWithUpdatedAt).toContain(table);
    }
    expect(decision('protect_assets_from_deletion')?.owner).toBe('deployment');
    expect(decision('public.prevent_asset_deletion')?.owner).toBe('deployment');
  });
});

const userId = '00000000-0000-4000-8000-000000000001';
const accountId = '00000000-0000-4000-8000-000000000002';
const storeId = '00000000-0000-4000-8000-000000000003';
const fileId = '00000000-0000-4000-8000-000000000004';
const listingId = '00000000-0000-4000-8000-000000000005';

async function withDatabase(
  kind: (typeof databaseKinds)[number],
  to: string | undefined,
  run: (session: SqlSession) => Promise<void>,
): Promise<void> {
  // A copy of a database migrated once per run: all of it, or up to 0024 (shared with other
  // files) and on from there to `to`.
  const database = await createTestDatabase(kind, { migratedTo: to ? '0024' : 'all' });
  const session = await database.session();
  try {
    if (to) await migrate(session, projectMigrations, { to });
    await run(session);
  } finally {
    await session.close();
    await database.drop();
  }
}

async function seedOwner(session: SqlSession): Promise<void> {
  await session.exec(`
    insert into users (id, email, password_hash, name) values ('${userId}', 'o@example.test', 'x', 'Owner');
    insert into accounts (id, owner_user_id, username, display_name)
      values ('${accountId}', '${userId}', 'owner', 'Owner');
  `);
}

async function one<T>(session: SqlSession, text: string): Promise<T> {
  const rows = await session.query<T & Record<string, unknown>>(text);
  if (rows.length !== 1) throw new Error(`expected one row from: ${text}`);
  return rows[0] as T;
}

describe.each(databaseKinds)('database logic on the %s database', (kind) => {
  test('a migrated database has exactly the functions and triggers the package declares', async () => {
    await withDatabase(kind, undefined, async (session) => {
      const triggers = await session.query<{ name: string; table: string }>(
        `select t.tgname as name, c.relname as "table" from pg_trigger t
           join pg_class c on c.oid = t.tgrelid join pg_namespace n on n.oid = c.relnamespace
          where not t.tgisinternal and n.nspname = 'public' order by 1`,
      );
      const functions = await session.query<{ name: string }>(
        `select 'public.' || p.proname as name from pg_proc p
           join pg_namespace n on n.oid = p.pronamespace
          where n.nspname = 'public'
            and not exists (select 1 from pg_depend d where d.objid = p.oid and d.deptype = 'e')
          order by 1`,
      );
      const declared = (kind_: string) =>
        packageDatabaseLogic
          .filter((d) => d.kind === kind_)
          .map((d) => d.name)
          .sort();
      expect(triggers.map((t) => t.name)).toEqual(declared('trigger'));
      expect(functions.map((f) => f.name)).toEqual(declared('function'));
      for (const trigger of triggers) {
        const decision = packageDatabaseLogic.find((d) => d.name === trigger.name);
        expect(decision?.table).toBe(trigger.table);
      }
      expect(tablesWithUpdatedAt.length).toBeGreaterThan(40);
      // Each of the original's objects named in the reference README has a decision.
      const names = new Set(originalDatabaseLogic.map((d) => d.name));
      for (const name of [
        'public.log_usage_and_deduct',
        'public.get_monthly_usage',
        'public.search_document_chunks',
        'public.check_vector_store_access',
        'public.get_accessible_vector_stores',
        'public.get_effective_rag_config',
        'public.recalculate_vs_stats',
        'public.cleanup_expired_cache',
        'public.fluxcore_upload_file',
        'public.fluxcore_link_file_to_vector_store',
        'monitoring.check_account_references',
        'monitoring.list_account_reference_orphans',
        'trigger_subscription_count',
        'trigger_review_rating',
        'trigger_vs_stats_files',
        'trigger_vs_stats_chunks',
      ]) {
        expect(names.has(name)).toBe(true);
      }
    });
  });

  test('updated_at moves on any update, also one made in raw SQL that sets it', async () => {
    await withDatabase(kind, undefined, async (session) => {
      await seedOwner(session);
      await session.exec(
        `update accounts set display_name = 'Renamed', updated_at = '2000-01-01' where id = '${accountId}'`,
      );
      const row = await one<{ year: number; name: string }>(
        session,
        `select extract(year from updated_at)::int as year, display_name as name from accounts`,
      );
      expect(row).toEqual({ year: new Date().getUTCFullYear(), name: 'Renamed' });
    });
  });

  test("a listing's subscriber count and rating follow its subscriptions and published reviews", async () => {
    await withDatabase(kind, undefined, async (session) => {
      await seedOwner(session);
      await session.exec(`
        insert into users (id, email, password_hash, name) values
          ('10000000-0000-4000-8000-000000000001', 'b1@example.test', 'x', 'B1'),
          ('10000000-0000-4000-8000-000000000002', 'b2@example.test', 'x', 'B2');
        insert into accounts (id, owner_user_id, username, display_name) values
          ('20000000-0000-4000-8000-000000000001', '10000000-0000-4000-8000-000000000001', 'b1', 'B1'),
          ('20000000-0000-4000-8000-000000000002', '10000000-0000-4000-8000-000000000002', 'b2', 'B2');
        insert into fluxcore_vector_stores (id, account_id, name) values ('${storeId}', '${accountId}', 'Recipes');
        insert into fluxcore_marketplace_listings (id, vector_store_id, seller_account_id, title)
          values ('${listingId}', '${storeId}', '${accountId}', 'Recipes');
        insert into fluxcore_marketplace_subscriptions (listing_id, subscriber_account_id) values
          ('${listingId}', '20000000-0000-4000-8000-000000000001'),
          ('${listingId}', '20000000-0000-4000-8000-000000000002');
        insert into fluxcore_marketplace_reviews (listing_id, reviewer_account_id, rating, status) values
          ('${listingId}', '20000000-0000-4000-8000-000000000001', 4, 'published'),
          ('${listingId}', '20000000-0000-4000-8000-000000000002', 5, 'published'),
          ('${listingId}', '${accountId}', 1, 'hidden');
      `);
      const listing = () =>
        one<{ subscribers: number; average: string | null; count: number }>(
          session,
          `select total_subscribers as subscribers, rating_average::text as average,
                  rating_count as count from fluxcore_marketplace_listings`,
        );
      expect(await listing()).toEqual({ subscribers: 2, average: '4.50', count: 2 });
      await session.exec(`
        delete from fluxcore_marketplace_subscriptions
          where subscriber_account_id = '20000000-0000-4000-8000-000000000002';
        update fluxcore_marketplace_reviews set status = 'hidden' where rating = 4;
      `);
      expect(await listing()).toEqual({ subscribers: 1, average: '5.00', count: 1 });
      await session.exec(`delete from fluxcore_marketplace_reviews where rating = 5`);
      expect(await listing()).toEqual({ subscribers: 1, average: null, count: 0 });
      // Deleting the listing cascades to its subscriptions and reviews without a trigger error.
      await session.exec(`delete from fluxcore_marketplace_listings where id = '${listingId}'`);
      expect(await session.query('select 1 from fluxcore_marketplace_subscriptions')).toEqual([]);
    });
  });

  test("a vector store's stats follow its chunks and files, one row per store", async () => {
    await withDatabase(kind, undefined, async (session) => {
      await seedOwner(session);
      await session.exec(`
        insert into fluxcore_vector_stores (id, account_id, name) values ('${storeId}', '${accountId}', 'Docs');
        insert into fluxcore_files (id, account_id, name, content_hash)
          values ('${fileId}', '${accountId}', 'a.pdf', repeat('a', 64));
        insert into fluxcore_vector_store_files (vector_store_id, file_id, name, size_bytes)
          values ('${storeId}', '${fileId}', 'a.pdf', 2048);
        insert into fluxcore_document_chunks
            (vector_store_id, file_id, account_id, content, chunk_index, token_count, embedding)
          select '${storeId}', '${fileId}', '${accountId}', 'chunk ' || i, i, i * 10,
                 array_fill(0.1::real, array[1536])::vector
            from generate_series(1, 3) as i;
      `);
      const stats = () =>
        session.query<Record<string, unknown>>(
          `select file_count, chunk_count, embedded_chunk_count, total_tokens, total_size_bytes::int,
                  embedding_coverage_percent::text as coverage, last_file_added_at is not null as added
             from fluxcore_vector_store_stats`,
        );
      expect(await stats()).toEqual([
        {
          file_count: 1,
          chunk_count: 3,
          embedded_chunk_count: 3,
          total_tokens: 60,
          total_size_bytes: 2048,
          coverage: '100.00',
          added: true,
        },
      ]);
      await session.exec('delete from fluxcore_document_chunks where chunk_index = 3');
      expect(await stats()).toMatchObject([{ chunk_count: 2, total_tokens: 30 }]);
      await session.exec('delete from fluxcore_vector_store_files');
      expect(await stats()).toMatchObject([{ file_count: 0, total_size_bytes: 0 }]);
      await session.exec(`delete from fluxcore_vector_stores where id = '${storeId}'`);
      expect(await stats()).toEqual([]);
    });
  });

  test("0028 moves 'ai_session' policies to 'ai.session' without losing a row, and again changes nothing", async () => {
    await withDatabase(kind, '0027', async (session) => {
      // As on a converged original: its 'ai_session' seed next to 0025's 'ai.session' rows.
      await session.exec(`
        insert into credits_policies (feature_key, engine, model, cost_credits, token_budget, duration_hours) values
          ('ai_session', 'openai_chat', 'gpt-4o-mini-2024-07-18', 3, 50000, 12),
          ('ai_session', 'anthropic_chat', 'claude-3-haiku', 2, 80000, 24);
      `);
      const policies = () =>
        session.query<{ key: string; engine: string; cost: number; active: boolean }>(
          `select feature_key as key, engine, cost_credits as cost, active
             from credits_policies order by engine, feature_key`,
        );
      const before = await policies();
      expect(before).toHaveLength(4);
      await migrate(session, projectMigrations, { to: '0028' });
      const after = await policies();
      expect(after).toEqual([
        { key: 'ai.session', engine: 'anthropic_chat', cost: 2, active: true },
        { key: 'ai.session', engine: 'groq_chat', cost: 1, active: true },
        { key: 'ai.session', engine: 'openai_chat', cost: 1, active: true },
        { key: 'ai_session', engine: 'openai_chat', cost: 3, active: false },
      ]);
      const fix = projectMigrations.find((m) => m.tag === '0028_credits_policies_ai_session_key');
      for (const statement of fix?.statements ?? []) {
        if (!statement.trim().startsWith('SET LOCAL')) await session.exec(statement);
      }
      expect(await policies()).toEqual(after);
    });
  });

  test('0030 gives assistants written with {} the default settings and keeps the keys they had', async () => {
    await withDatabase(kind, '0029', async (session) => {
      await seedOwner(session);
      await session.exec(`
        insert into fluxcore_assistants (account_id, name, model_config, timing_config) values
          ('${accountId}', 'Empty', '{}', '{}'),
          ('${accountId}', 'Tuned', '{"model": "gpt-4o-mini", "temperature": 0.2}', '{"smartDelay": false}');
      `);
      await migrate(session, projectMigrations, { to: '0030' });
      const rows = await session.query<{ name: string; model: unknown; timing: unknown }>(
        'select name, model_config as model, timing_config as timing from fluxcore_assistants order by name',
      );
      expect(rows).toEqual([
        {
          name: 'Empty',
          model: {
            provider: 'openai',
            model: 'gpt-4o',
            temperature: 0.7,
            topP: 1,
            responseFormat: 'text',
          },
          timing: { responseDelaySeconds: 2, smartDelay: true },
        },
        {
          name: 'Tuned',
          model: {
            provider: 'openai',
            model: 'gpt-4o-mini',
            temperature: 0.2,
            topP: 1,
            responseFormat: 'text',
          },
          timing: { responseDelaySeconds: 2, smartDelay: false },
        },
      ]);
    });
  });

  test('0031 copies prices, counters and flags into the original columns, so 0032 drops nothing that is not kept', async () => {
    await withDatabase(kind, '0030', async (session) => {
      await seedOwner(session);
      await session.exec(`
        insert into fluxcore_vector_stores (id, account_id, name) values ('${storeId}', '${accountId}', 'Docs');
        insert into fluxcore_marketplace_listings
            (id, vector_store_id, seller_account_id, title, pricing_model, billing_period, price, stats)
          values ('${listingId}', '${storeId}', '${accountId}', 'Docs', 'subscription', 'monthly', 19.90,
                  '{"totalQueries": 7, "totalRevenue": "39.80"}');
        insert into fluxcore_marketplace_subscriptions (listing_id, subscriber_account_id, total_paid, usage)
          values ('${listingId}', '${accountId}', 19.90, '{"tokensTotal": 1200, "queriesTotal": 3}');
        insert into asset_policies (name, scope, flags)
          values ('strict', 'shared_internal', '{"requireEncryption": true, "watermark": "on"}');
      `);
      await migrate(session, projectMigrations, { to: '0032' });
      expect(
        await one(
          session,
          'select price_cents, total_queries::int, total_revenue_cents::int from fluxcore_marketplace_listings',
        ),
      ).toEqual({ price_cents: 1990, total_queries: 7, total_revenue_cents: 3980 });
      expect(
        await one(
          session,
          'select total_paid_cents::int, tokens_used_total::int, queries_total, total_subscribers from fluxcore_marketplace_subscriptions join fluxcore_marketplace_listings l on l.id = listing_id',
        ),
      ).toEqual({
        total_paid_cents: 1990,
        tokens_used_total: 1200,
        queries_total: 3,
        total_subscribers: 1,
      });
      expect(
        await one(
          session,
          'select require_encryption, audit_all_access, flags from asset_policies',
        ),
      ).toEqual({ require_encryption: true, audit_all_access: true, flags: { watermark: 'on' } });

      // Rolling 0032 back brings the values back into the columns it dropped.
      await rollback(session, projectMigrations, { to: '0031' });
      expect(
        await one(session, 'select price::text, stats from fluxcore_marketplace_listings'),
      ).toMatchObject({ price: '19.90', stats: { totalQueries: 7 } });
    });
  });

  test('0032 refuses to drop a price the original column does not hold, naming the table, and changes nothing', async () => {
    await withDatabase(kind, '0031', async (session) => {
      await seedOwner(session);
      // The original's app set price_cents; this package's price says otherwise.
      await session.exec(`
        insert into fluxcore_vector_stores (id, account_id, name) values ('${storeId}', '${accountId}', 'Docs');
        insert into fluxcore_marketplace_listings
            (id, vector_store_id, seller_account_id, title, pricing_model, price, price_cents)
          values ('${listingId}', '${storeId}', '${accountId}', 'Docs', 'one_time', 19.90, 500);
      `);
      const refused = await migrate(session, projectMigrations).then(
        () => 'applied',
        (error: Error) => error.message,
      );
      expect(refused).toContain(
        'fluxcore_marketplace_listings: 1 row(s) hold a price or stats value',
      );
      expect(refused).toContain(listingId);
      expect(
        await one(session, 'select price::text, price_cents from fluxcore_marketplace_listings'),
      ).toEqual({ price: '19.90', price_cents: 500 });
    });
  });
});
