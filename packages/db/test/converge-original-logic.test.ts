/**
 * The original's logic and names, on the reference database with generated rows, on both
 * databases. Stand-ins with the original's names and signatures play its logic (their bodies
 * are this test's own, minimal): the test registers the functions' hashes as known, so they
 * are "the original's, unchanged" (a trigger's definition has no body: the stand-in's is the
 * original's, hash and all), and one trigger gets a WHEN clause the original's never had: an
 * operator's edit. After converge:
 * - the original's replaced triggers and functions are gone, and every counter and timestamp
 *   trigger fires exactly once (counted by pg_stat_xact_user_functions);
 * - the edited one is kept and reported; a kept function that still runs stays, one whose body
 *   no longer fits the converged columns is moved aside into fluxcore_original;
 * - the composite type `account_type` (the original's name, against the schema's enum) is
 *   planned: dropped when nothing depends on it, else moved aside with its dependent;
 * - the audit is clean and a second run has nothing to do.
 */
import { describe, expect, test } from 'bun:test';
import { databaseKinds, projectMigrations } from '@fluxcore/db/testing';
import { auditDatabase } from '../src/audit/audit.ts';
import { hashOf } from '../src/converge/original-logic.ts';
import type { OriginalLogicHash } from '../src/schema/original/logic-hashes.ts';
import { useConvergeFixture } from './support/converge-fixture.ts';

/** The stand-ins: the original's names and signatures, bodies of this test's own. */
const standIns = `
  create function public.update_listing_subscriber_count() returns trigger language plpgsql as $$
  begin
    if tg_op = 'INSERT' then
      update fluxcore_marketplace_listings set total_subscribers = total_subscribers + 1 where id = new.listing_id;
      return new;
    end if;
    update fluxcore_marketplace_listings set total_subscribers = total_subscribers - 1 where id = old.listing_id;
    return old;
  end $$;
  create trigger trigger_subscription_count after insert or delete on fluxcore_marketplace_subscriptions
    for each row execute function public.update_listing_subscriber_count();
  create function public.update_updated_at_column() returns trigger language plpgsql as $$
  begin new.updated_at = now(); return new; end $$;
  create trigger trigger_assets_updated_at before update on assets
    for each row execute function public.update_updated_at_column();
  create function public.update_marketplace_updated_at() returns trigger language plpgsql as $$
  begin new.updated_at = now(); return new; end $$;
  create trigger trigger_listings_updated_at before update on fluxcore_marketplace_listings
    for each row when (old.* is distinct from new.*) execute function public.update_marketplace_updated_at();
  create function public.cleanup_expired_cache() returns integer language plpgsql as $$
  declare n integer;
  begin delete from fluxcore_query_cache where expires_at < now(); get diagnostics n = row_count; return n; end $$;
  create function public.get_monthly_usage(p_account_id uuid)
    returns table(resource_type character varying, total bigint) language plpgsql as $$
  begin
    return query select u.resource_type, count(*) from fluxcore_usage_logs u
      where u.account_id = p_account_id group by 1;
  end $$;
  create type public.account_type as (id uuid, username character varying(100));
  create function public.prevent_asset_deletion() returns trigger language plpgsql as $$
  begin
    if current_setting('fluxcore.allowed_delete_account_id', true) = old.account_id::text then return old; end if;
    raise exception 'asset shield: deleting an asset of account % refused', old.account_id;
  end $$;
  create trigger protect_assets_from_deletion before delete on assets
    for each row execute function public.prevent_asset_deletion();
`;

/** The original's trigger functions the package replaces: none may fire after converge. */
const originalNames = [
  'update_listing_subscriber_count',
  'update_updated_at_column',
  'update_listing_rating',
  'update_vs_stats_on_chunk_change',
  'update_vs_stats_on_file_change',
];

/** Registered as the original's (the edited trigger_listings_updated_at is not). */
const registered: { kind: 'function' | 'trigger'; name: string; table?: string }[] = [
  { kind: 'function', name: 'update_listing_subscriber_count' },
  {
    kind: 'trigger',
    name: 'trigger_subscription_count',
    table: 'fluxcore_marketplace_subscriptions',
  },
  { kind: 'function', name: 'update_updated_at_column' },
  { kind: 'trigger', name: 'trigger_assets_updated_at', table: 'assets' },
  { kind: 'function', name: 'update_marketplace_updated_at' },
  { kind: 'function', name: 'cleanup_expired_cache' },
  { kind: 'function', name: 'get_monthly_usage' },
  { kind: 'function', name: 'prevent_asset_deletion' },
  { kind: 'trigger', name: 'protect_assets_from_deletion', table: 'assets' },
];

describe.each(databaseKinds)("db:converge and the original's logic (%s)", (kind) => {
  const fixture = useConvergeFixture(kind);
  let known: OriginalLogicHash[] = [];

  const definitionOf = async (entry: (typeof registered)[number]) => {
    const sql =
      entry.kind === 'function'
        ? `select pg_get_functiondef(p.oid) as d from pg_proc p join pg_namespace n on n.oid = p.pronamespace
           where n.nspname = 'public' and p.proname = $1`
        : `select pg_get_triggerdef(t.oid) as d from pg_trigger t where t.tgname = $1`;
    const [row] = await fixture.ref.session.query<{ d: string }>(sql, [entry.name]);
    return row?.d ?? '';
  };

  test('a composite account_type that nothing uses is dropped in the plan; the stand-ins are recognised', async () => {
    await fixture.ref.session.exec(standIns);
    known = await Promise.all(
      registered.map(async (entry) => ({
        ...entry,
        schema: 'public',
        md5: hashOf(await definitionOf(entry)),
        lineages: ['test stand-in'],
      })),
    );
    const planned = await fixture.run({ knownLogic: known });
    expect(planned.status).toBe('planned');
    const summaries = planned.plan.steps.map((s) => s.summary);
    expect(summaries).toContainEqual(
      expect.stringMatching(
        /^drop composite type account_type: a composite type with the original's name but another definition \(edited by hand\); the schema's enum takes the name; nothing depends on it$/,
      ),
    );
    expect(summaries).toContainEqual(
      expect.stringMatching(
        /^drop trigger fluxcore_marketplace_subscriptions\.trigger_subscription_count: the original's, unchanged \(fluxcore-2026-02, fluxcore-2026-05\); replaced by fluxcore_marketplace_subscriptions_count_added and _count_removed/,
      ),
    );
    expect(summaries).toContainEqual(
      expect.stringMatching(
        /^drop function public\.update_listing_subscriber_count\(\): the original's/,
      ),
    );
    // The edited trigger is kept and reported, and so is the function it runs.
    const edited = planned.plan.kept.find(
      (k) => k.name === 'fluxcore_marketplace_listings.trigger_listings_updated_at',
    );
    expect(edited?.note).toContain('edited by hand');
    expect(edited?.dropped).toBe(false);
    expect(summaries.some((s) => s.includes('update_marketplace_updated_at'))).toBe(false);
    expect(planned.plan.probes.map((p) => p.key).sort()).toEqual([
      'assets.protect_assets_from_deletion',
      'public.cleanup_expired_cache()',
      'public.get_monthly_usage(p_account_id uuid)',
    ]);
    // The kept trigger runs through a real delete of one row (rolled back), not null arguments.
    expect(planned.plan.probes.find((p) => p.trigger)?.call).toBe(
      'delete from "assets" where ctid = (select ctid from "assets" limit 1)',
    );
  });

  test('converge applies: replaced logic gone, a broken kept function moved aside, a used composite moved aside, audit clean, second run empty', async () => {
    const session = fixture.ref.session;
    await session.exec(
      'create function public.fixture_account_label(a public.account_type) returns text language sql as $$ select a.username::text $$',
    );
    // The plan it applied (converge plans, checks and applies in one transaction).
    const applied = await fixture.run({ apply: true, knownLogic: known });
    expect(applied.status).toBe('applied');
    expect(applied.plan.steps.map((s) => s.summary)).toContainEqual(
      expect.stringMatching(
        /^rename aside composite type account_type: .*moved to fluxcore_original\.account_type, with what depends on it \(function fixture_account_label\(account_type\)\)$/,
      ),
    );

    const functions = await session.query<{ key: string }>(
      `select n.nspname || '.' || p.proname as key from pg_proc p join pg_namespace n on n.oid = p.pronamespace
       where n.nspname in ('public', 'fluxcore_original') and p.proname in
         ('update_listing_subscriber_count', 'update_updated_at_column', 'update_marketplace_updated_at',
          'cleanup_expired_cache', 'get_monthly_usage', 'fixture_account_label') order by 1`,
    );
    expect(functions.map((f) => f.key)).toEqual([
      'fluxcore_original.get_monthly_usage',
      'public.cleanup_expired_cache',
      'public.fixture_account_label',
      'public.update_marketplace_updated_at',
    ]);
    const [enumType] = await session.query<{ typtype: string }>(
      `select typtype from pg_type where typname = 'account_type' and typnamespace = 'public'::regnamespace`,
    );
    expect(enumType?.typtype).toBe('e');
    const [label] = await session.query<{ l: string }>(
      `select public.fixture_account_label(row(gen_random_uuid(), 'ana')::fluxcore_original.account_type) as l`,
    );
    expect(label?.l).toBe('ana');
    const moved = applied.plan.kept.find((k) => k.name.startsWith('fluxcore_original.get_monthly'));
    expect(moved?.note).toContain('no longer runs on the converged columns');

    // The asset shield is kept and still runs: a plain delete is refused, one that names the
    // asset's account (as the package's account deletion does) goes through.
    const [asset] = await session.query<{ id: string; account_id: string }>(
      'select id, account_id from assets limit 1',
    );
    if (!asset) throw new Error('the generator wrote no asset');
    const deleteAsset = async (account: string | null) => {
      await session.exec('begin');
      try {
        if (account)
          await session.query(`select set_config('fluxcore.allowed_delete_account_id', $1, true)`, [
            account,
          ]);
        await session.exec(`delete from assets where id = '${asset.id}'`);
        return 'deleted';
      } catch (error) {
        return (error as Error).message;
      } finally {
        await session.exec('rollback');
      }
    };
    expect(await deleteAsset(null)).toContain('asset shield: deleting an asset of account');
    expect(await deleteAsset(asset.account_id)).toBe('deleted');
    expect(applied.plan.kept.map((k) => k.name)).toContain('assets.protect_assets_from_deletion');

    const audit = await auditDatabase(session, { migrations: projectMigrations });
    expect(audit.summary.differences).toBe(0);
    const again = await fixture.run({ apply: true, knownLogic: known });
    expect(again.status).toBe('nothing');
  });

  test('after converge every counter and timestamp trigger fires exactly once', async () => {
    const session = fixture.ref.session;
    // An update trigger of named columns (0057's, on listing_id) fires only when a statement
    // sets them: it is not one of the every-row update triggers counted here.
    const triggers = await session.query<{ table: string; fn: string; events: string }>(
      `select c.relname as table, p.proname as fn,
              concat_ws(',', case when t.tgtype & 4 <> 0 then 'insert' end,
                             case when t.tgtype & 8 <> 0 then 'delete' end,
                             case when t.tgtype & 16 <> 0 and cardinality(t.tgattr::int2[]) = 0 then 'update' end) as events
       from pg_trigger t join pg_class c on c.oid = t.tgrelid join pg_proc p on p.oid = t.tgfoid
       where not t.tgisinternal and c.relnamespace = 'public'::regnamespace order by 1, 2`,
    );
    const tables = [...new Set(triggers.map((t) => t.table))];
    expect(tables.length).toBeGreaterThan(30);
    // The calls each statement makes, per function: pg_stat_xact_user_functions before and
    // after, in one transaction (PostgreSQL 15 may still hold earlier transactions' counts).
    const counts = async () => {
      const rows = await session.query<{ funcname: string; calls: number }>(
        'select funcname, calls::int as calls from pg_stat_xact_user_functions',
      );
      return new Map(rows.map((r) => [r.funcname, Number(r.calls)]));
    };
    /** The calls `measured` makes, after `setup`, in one transaction rolled back. */
    const calls = async (setup: string[], measured: string[]) => {
      await session.exec("begin; set local track_functions = 'pl'");
      try {
        for (const statement of setup) await session.exec(statement);
        const before = await counts();
        for (const statement of measured) await session.exec(statement);
        const after = await counts();
        return new Map([...after].map(([fn, n]) => [fn, n - (before.get(fn) ?? 0)] as const));
      } finally {
        await session.exec('rollback');
      }
    };
    let checked = 0;
    for (const table of tables) {
      const [row] = await session.query<{ ctid: string; col: string }>(
        `select ctid::text, (select attname from pg_attribute where attrelid = '"${table}"'::regclass and attnum = 1) as col
         from "${table}" limit 1`,
      );
      if (!row) continue;
      const where = `where ctid = '${row.ctid}'::tid`;
      const on = (event: string) =>
        triggers.filter((t) => t.table === table && t.events.split(',').includes(event));
      // The edited original trigger is kept beside the package's: it is the operator's, reported.
      if (table === 'fluxcore_marketplace_listings') {
        expect(
          on('update')
            .map((t) => t.fn)
            .sort(),
        ).toEqual(['fluxcore_touch_updated_at', 'update_marketplace_updated_at']);
        continue;
      }
      // Each trigger of the table fires once per row and event. A counter writes another
      // table, whose own touch trigger then fires too: only this table's counters are compared
      // there, and its touch trigger at least once.
      const expectOnce = (event: string, counted: Map<string, number>) => {
        const functions = [...new Set(on(event).map((t) => t.fn))];
        // The alias fill runs only for a row written without an alias (its WHEN): at most once.
        const fill = 'fluxcore_accounts_alias_from_username';
        if (functions.includes(fill)) expect(counted.get(fill) ?? 0).toBeLessThanOrEqual(1);
        const counters = functions.filter(
          (fn) => fn !== 'fluxcore_touch_updated_at' && fn !== fill,
        );
        for (const fn of counters)
          expect([table, event, fn, counted.get(fn)]).toEqual([table, event, fn, 1]);
        if (functions.includes('fluxcore_touch_updated_at')) {
          const touched = counted.get('fluxcore_touch_updated_at') ?? 0;
          if (counters.length === 0) expect([table, event, touched]).toEqual([table, event, 1]);
          else expect(touched).toBeGreaterThanOrEqual(1);
        }
        for (const fn of counted.keys()) expect(originalNames).not.toContain(fn);
        checked++;
      };
      if (on('update').length > 0)
        expectOnce(
          'update',
          await calls([], [`update "${table}" set "${row.col}" = "${row.col}" ${where}`]),
        );
      if (on('delete').length > 0 || on('insert').length > 0) {
        const copy = `create temp table fixture_row on commit drop as select * from "${table}" ${where}`;
        const deleted = await calls([copy], [`delete from "${table}" ${where}`]).catch(() => null);
        if (!deleted) continue; // another table's foreign key restricts the delete
        if (on('delete').length > 0) expectOnce('delete', deleted);
        if (on('insert').length > 0)
          expectOnce(
            'insert',
            await calls(
              [copy, `delete from "${table}" ${where}`],
              [`insert into "${table}" select * from fixture_row`],
            ),
          );
      }
    }
    expect(checked).toBeGreaterThan(35);

    // The counter the original and the package both kept: one subscription moves it by one.
    const [sub] = await session.query<{ id: string; listing_id: string }>(
      'select id, listing_id from fluxcore_marketplace_subscriptions limit 1',
    );
    if (!sub) throw new Error('the generator wrote no subscription');
    const total = async () => {
      const [l] = await session.query<{ n: number }>(
        'select total_subscribers::int as n from fluxcore_marketplace_listings where id = $1',
        [sub.listing_id],
      );
      return Number(l?.n);
    };
    const before = await total();
    await session.exec('begin');
    try {
      await session.exec(
        `create temp table fixture_sub on commit drop as select * from fluxcore_marketplace_subscriptions where id = '${sub.id}'`,
      );
      await session.exec(`delete from fluxcore_marketplace_subscriptions where id = '${sub.id}'`);
      expect(await total()).toBe(before - 1);
      await session.exec(
        'insert into fluxcore_marketplace_subscriptions select * from fixture_sub',
      );
      expect(await total()).toBe(before);
    } finally {
      await session.exec('rollback');
    }
  });
});
