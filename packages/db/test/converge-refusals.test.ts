/**
 * What db:converge refuses on the real FluxCore database, on both databases: each refusal
 * names table, column, rows, example keys and the fix, and changes nothing (catalog dump, row
 * counts and per-column checksums compared); a failure in the middle of applying changes
 * nothing either.
 */
import { describe, expect, test } from 'bun:test';
import { databaseKinds } from '@fluxcore/db/testing';
import { introspectSchema } from '../src/catalog/introspect.ts';
import { renderPlan } from '../src/converge/render.ts';
import { originalRenames } from '../src/schema/original/renames.ts';
import { type ConvergeFixture, quote, useConvergeFixture } from './support/converge-fixture.ts';
import { keyExpression } from './support/fingerprint.ts';

describe.each(databaseKinds)('db:converge refusals on the reference database (%s)', (kind) => {
  const fixture = useConvergeFixture(kind);
  const run: ConvergeFixture['run'] = (options) => fixture.run(options);
  const unchanged: ConvergeFixture['unchanged'] = (action) => fixture.unchanged(action);
  const rowsOf: ConvergeFixture['rowsOf'] = (table) => fixture.rowsOf(table);
  // The plan of the reference as it is (every test puts back what it changes): planned once,
  // read by the tests that look in it for a check to break.
  let baseline: ReturnType<typeof run> | undefined;
  const baselinePlan = () => {
    baseline ??= run();
    return baseline;
  };

  test('a duplicate that blocks a new unique is refused, naming its rows, and nothing changes', async () => {
    const planned = await baselinePlan();
    const live = await introspectSchema(fixture.ref.session);
    const candidates = planned.plan.steps
      .flatMap((step) => step.checks)
      .filter((spec) => spec.kind === 'unique')
      .filter((spec) => spec.columns.every((c) => live.tables.get(spec.table)?.columns.has(c)));
    let broken: { table: string; key: string; restore: string; original: unknown } | undefined;
    for (const spec of candidates) {
      if ((await rowsOf(spec.table)) < 2) continue;
      const key = keyExpression(live, spec.table);
      const rows = await fixture.ref.session.query<{ k: string; row: unknown }>(
        `select ${key} as k, to_jsonb(t) as row from ${quote(spec.table)} t order by 1 limit 2`,
      );
      const [first, second] = rows;
      if (!first || !second) continue;
      const cols = spec.columns.map(quote).join(', ');
      try {
        await fixture.ref.session.query(
          `update ${quote(spec.table)} set (${cols}) = (select ${cols} from ${quote(spec.table)} where ${key} = $1) where ${key} = $2`,
          [first.k, second.k],
        );
      } catch {
        continue;
      }
      broken = {
        table: spec.table,
        key: second.k,
        restore: `update ${quote(spec.table)} t set (${cols}) = (select ${cols} from jsonb_populate_record(null::${quote(spec.table)}, $1::jsonb)) where ${key} = $2`,
        original: second.row,
      };
      break;
    }
    if (!broken) throw new Error('no unique the plan adds could be broken by one row');
    const { table, key, restore, original } = broken;
    try {
      await unchanged(async () => {
        const outcome = await run({ apply: true });
        expect(outcome.status).toBe('refused');
        const refusal = outcome.plan.refusals.find(
          (r) => r.spec.kind === 'unique' && r.table === table,
        );
        expect(refusal?.rows).toBeGreaterThanOrEqual(2);
        expect(refusal?.examples.join(' ')).toContain(key);
        expect(refusal?.summary).toMatch(/^REFUSED: .+duplicate group.+Fix: merge or delete/);
      });
    } finally {
      await fixture.ref.session.query(restore, [JSON.stringify(original), key]);
    }
  });

  test('a duplicate under an expression index (emails equal but for case) is refused, and nothing changes', async () => {
    const planned = await baselinePlan();
    const live = await introspectSchema(fixture.ref.session);
    const spec = planned.plan.steps
      .flatMap((step) => step.checks)
      .find((s) => s.kind === 'unique' && s.keys?.some((key) => /^lower\(/.test(key)));
    if (spec?.kind !== 'unique' || spec.columns.length !== 1)
      throw new Error('no unique on lower()');
    const column = spec.columns[0] as string;
    const key = keyExpression(live, spec.table);
    const [first, second] = await fixture.ref.session.query<{ k: string; v: string }>(
      `select ${key} as k, ${quote(column)}::text as v from ${quote(spec.table)} order by 1 limit 2`,
    );
    if (!first || !second) throw new Error(`${spec.table} has fewer than 2 rows`);
    await fixture.ref.session.query(
      `update ${quote(spec.table)} set ${quote(column)} = upper($2) where ${key} = $1`,
      [second.k, first.v],
    );
    try {
      await unchanged(async () => {
        const outcome = await run();
        expect(outcome.status).toBe('refused');
        const refusal = outcome.plan.refusals.find(
          (r) => r.spec === spec || r.spec.kind === 'unique',
        );
        expect(refusal).toMatchObject({ table: spec.table, rows: 2 });
        expect(refusal?.examples[0]).toContain(first.k);
        expect(refusal?.examples[0]).toContain(second.k);
      });
    } finally {
      await fixture.ref.session.query(
        `update ${quote(spec.table)} set ${quote(column)} = $2 where ${key} = $1`,
        [second.k, second.v],
      );
    }
  });

  test('a value too long for its new type is refused, naming its row, and nothing changes', async () => {
    const planned = await baselinePlan();
    const live = await introspectSchema(fixture.ref.session);
    const spec = planned.plan.steps
      .flatMap((step) => step.checks)
      .find(
        (s) =>
          s.kind === 'retype' &&
          s.maxLength !== null &&
          /^(character varying|text)/.test(s.fromType) &&
          live.tables.get(s.table)?.columns.has(s.column) &&
          Number(/\((\d+)\)$/.exec(s.fromType)?.[1] ?? Number.POSITIVE_INFINITY) > s.maxLength &&
          (fixture.generated.get(s.table) ?? 0) > 0,
      );
    if (spec?.kind !== 'retype' || spec.maxLength === null) throw new Error('no shortened column');
    const key = keyExpression(live, spec.table);
    const [row] = await fixture.ref.session.query<{ k: string; v: string | null }>(
      `select ${key} as k, ${quote(spec.column)}::text as v from ${quote(spec.table)} order by 1 limit 1`,
    );
    if (!row) throw new Error(`${spec.table} is empty`);
    await fixture.ref.session.query(
      `update ${quote(spec.table)} set ${quote(spec.column)} = repeat('x', ${spec.maxLength + 1}) where ${key} = $1`,
      [row.k],
    );
    try {
      await unchanged(async () => {
        const outcome = await run();
        expect(outcome.status).toBe('refused');
        expect(outcome.plan.refusals).toHaveLength(1);
        const [refusal] = outcome.plan.refusals;
        expect(refusal).toMatchObject({
          table: spec.table,
          column: spec.column,
          rows: 1,
          examples: [row.k],
        });
        expect(refusal?.summary).toContain(`longer than ${spec.maxLength} characters`);
        expect(refusal?.fix).toContain('shorten them');
      });
    } finally {
      await fixture.ref.session.query(
        `update ${quote(spec.table)} set ${quote(spec.column)} = $2 where ${key} = $1`,
        [row.k, row.v],
      );
    }
  });

  test('an orphan that blocks a foreign key is refused, naming its row, and nothing changes', async () => {
    const live = await introspectSchema(fixture.ref.session);
    // A database whose operator dropped a foreign key by hand, and a row that went astray.
    const candidate = [...fixture.target.schema.tables.values()]
      .flatMap((table) => [...table.constraints.values()].map((c) => ({ table: table.name, c })))
      .find(
        ({ table, c }) =>
          c.type === 'foreign key' &&
          c.columns.length === 1 &&
          live.tables.get(table)?.columns.get(c.columns[0] as string)?.type === 'uuid' &&
          (fixture.generated.get(table) ?? 0) > 0,
      );
    if (!candidate) throw new Error('no foreign key to break');
    const { table } = candidate;
    const column = candidate.c.columns[0] as string;
    const liveFks = [...(live.tables.get(table)?.constraints.values() ?? [])].filter(
      (c) => c.type === 'foreign key' && c.columns.join() === column,
    );
    const key = keyExpression(live, table);
    const [row] = await fixture.ref.session.query<{ k: string; v: string | null }>(
      `select ${key} as k, ${quote(column)}::text as v from ${quote(table)} where ${quote(column)} is not null order by 1 limit 1`,
    );
    if (!row) throw new Error(`${table}.${column} has no value`);
    for (const fk of liveFks)
      await fixture.ref.session.exec(
        `alter table ${quote(table)} drop constraint ${quote(fk.name)}`,
      );
    const orphan = '0badc0de-0000-4000-8000-000000000001';
    await fixture.ref.session.query(
      `update ${quote(table)} set ${quote(column)} = $2 where ${key} = $1`,
      [row.k, orphan],
    );
    try {
      await unchanged(async () => {
        const outcome = await run();
        expect(outcome.status).toBe('refused');
        const refusal = outcome.plan.refusals.find(
          (r) => r.spec.kind === 'foreign-key' && r.table === table && r.column === column,
        );
        expect(refusal).toMatchObject({ rows: 1, examples: [row.k] });
        expect(refusal?.summary).toContain(`point at no row of ${candidate.c.referencedTable}`);
      });
    } finally {
      await fixture.ref.session.query(
        `update ${quote(table)} set ${quote(column)} = $2 where ${key} = $1`,
        [row.k, row.v],
      );
      for (const fk of liveFks) {
        await fixture.ref.session.exec(
          `alter table ${quote(table)} add constraint ${quote(fk.name)} ${fk.definition}`,
        );
      }
    }
  });

  test('a trigger that reads a column the plan renames is refused until it is dealt with', async () => {
    const live = await introspectSchema(fixture.ref.session);
    const rename = originalRenames.find(
      (r) =>
        live.tables.get(r.table)?.columns.has(r.from) &&
        fixture.target.schema.tables.get(r.table)?.columns.has(r.to),
    );
    if (!rename) throw new Error('no declared rename applies to the reference');
    const fn = `fixture_${rename.table}_touch`;
    // A stand-in for the original's trigger functions: plpgsql, so PostgreSQL tracks nothing.
    await fixture.ref.session.exec(`
      create function public.${fn}() returns trigger language plpgsql as $$
      begin
        if new.${rename.from} is null then raise exception 'missing ${rename.from}'; end if;
        return new;
      end $$;
      create trigger ${fn} before update on ${quote(rename.table)} for each row execute function public.${fn}();`);
    try {
      await unchanged(async () => {
        const outcome = await run();
        expect(outcome.status).toBe('refused');
        expect(outcome.plan.refusals).toHaveLength(1);
        const [refusal] = outcome.plan.refusals;
        expect(refusal).toMatchObject({ table: rename.table, column: rename.from });
        expect(refusal?.summary).toContain(`function public.${fn}()`);
        expect(refusal?.summary).toContain(`trigger ${fn} on ${rename.table}`);
        expect(refusal?.fix).toContain('--drop');
        // The short name is both the function's and the trigger's: refused, naming both.
        const ambiguous = await run({ drop: [fn] }).catch((e: Error) => e);
        expect((ambiguous as Error).message).toBe(
          `--drop ${fn} names 2 objects (${rename.table}.${fn}, public.${fn}())`,
        );
        // Dealing with it: dropping the stand-in with the plan lets the plan apply.
        const fixed = await run({ drop: [`public.${fn}`, `${rename.table}.${fn}`] });
        expect(fixed.status).toBe('planned');
        expect(fixed.plan.kept.filter((k) => k.dropped).map((k) => k.name)).toEqual([
          `${rename.table}.${fn}`,
          `public.${fn}()`,
        ]);
      });
    } finally {
      await fixture.ref.session.exec(
        `drop trigger ${fn} on ${quote(rename.table)}; drop function public.${fn}();`,
      );
    }
  });

  test('a view that reads a column the plan retypes is refused until it is dropped', async () => {
    const planned = await baselinePlan();
    const live = await introspectSchema(fixture.ref.session);
    const spec = planned.plan.steps
      .flatMap((step) => step.checks)
      .find((s) => s.kind === 'retype' && live.tables.get(s.table)?.columns.has(s.column));
    if (spec?.kind !== 'retype') throw new Error('no retyped column');
    await fixture.ref.session.exec(
      `create view public.fixture_report as select ${quote(spec.column)} from ${quote(spec.table)}`,
    );
    try {
      await unchanged(async () => {
        const outcome = await run();
        expect(outcome.status).toBe('refused');
        const refusal = outcome.plan.refusals.find((r) => r.spec.kind === 'logic');
        expect(refusal).toMatchObject({ table: spec.table, column: spec.column });
        expect(refusal?.summary).toContain('view public.fixture_report');
        const dropped = await run({ drop: ['public.fixture_report'] });
        expect(dropped.status).toBe('planned');
        expect(dropped.plan.kept.find((k) => k.name === 'public.fixture_report')?.dropped).toBe(
          true,
        );
      });
    } finally {
      await fixture.ref.session.exec('drop view public.fixture_report');
    }
  });

  test('a row a declared backfill finds no value for keeps a null where the schema allows one (wallet_id), and the plan changes nothing', async () => {
    // A wallet deleted by hand: the ledger entries of its account have no wallet to point at.
    // The schema keeps credits_ledger.wallet_id nullable (never narrower than the original,
    // whose entries need no wallet), so the backfill leaves those null instead of refusing.
    expect(
      fixture.target.schema.tables.get('credits_ledger')?.columns.get('wallet_id')?.notNull,
    ).toBe(false);
    const [entry] = await fixture.ref.session.query<{ id: string; account_id: string }>(
      'select id::text, account_id::text from credits_ledger order by id limit 1',
    );
    if (!entry) throw new Error('credits_ledger is empty');
    const [wallet] = await fixture.ref.session.query<{ id: string; balance: number }>(
      'delete from credits_wallets where account_id = $1 returning id::text, balance',
      [entry.account_id],
    );
    if (!wallet) throw new Error('the entry has no wallet');
    try {
      await unchanged(async () => {
        const outcome = await run();
        expect(outcome.status).toBe('planned');
        expect(outcome.plan.refusals).toEqual([]);
        expect(outcome.plan.steps.map((s) => s.summary)).toContain(
          "backfill credits_ledger.wallet_id: the account's wallet",
        );
        expect(outcome.plan.steps.map((s) => s.summary)).not.toContain(
          'set credits_ledger.wallet_id not null',
        );
      });
    } finally {
      await fixture.ref.session.query(
        'insert into credits_wallets (id, account_id, balance) values ($1, $2, $3)',
        [wallet.id, entry.account_id, wallet.balance],
      );
    }
  });

  test('--drop shows what it would drop with its row count, and only what is kept', async () => {
    // The schema has a home for everything of the original: what is kept is what an operator
    // added by hand, a column with values and a table with rows.
    await fixture.ref.session.exec(`alter table accounts add column fixture_crm_ref text;
      update accounts set fixture_crm_ref = 'crm-' || id::text;
      create table fixture_import_batches (id serial primary key, label text);
      insert into fixture_import_batches (label) values ('a'), ('b'), ('c');`);
    try {
      await dropShowsKept();
    } finally {
      await fixture.ref.session.exec(
        'alter table accounts drop column fixture_crm_ref; drop table fixture_import_batches',
      );
    }
  });

  async function dropShowsKept() {
    await unchanged(async () => {
      const planned = await run();
      const column = planned.plan.kept.find((k) => k.kind === 'column' && (k.rows ?? 0) > 0);
      const table = planned.plan.kept.find((k) => k.kind === 'table');
      if (!column || !table) throw new Error('nothing kept');
      expect([column.name, column.rows, table.name, table.rows]).toEqual([
        'accounts.fixture_crm_ref',
        await fixture.rowsOf('accounts'),
        'fixture_import_batches',
        3,
      ]);
      const outcome = await run({ drop: [column.name, table.name] });
      expect(outcome.status).toBe('planned');
      const dropped = outcome.plan.kept.filter((k) => k.dropped);
      expect(dropped.map((k) => [k.name, k.rows])).toEqual([
        [column.name, column.rows],
        [table.name, table.rows],
      ]);
      expect(outcome.plan.steps.map((s) => s.summary)).toContain(
        `drop column ${column.name} (--drop)`,
      );
      const declared = [...fixture.target.schema.tables.keys()][0] as string;
      const refused = await run({ drop: [declared] }).catch((e: Error) => e);
      expect((refused as Error).message).toBe(
        `--drop ${declared}: no object of that name is kept by the plan (only what the schema does not declare can be dropped)`,
      );
    });
  }

  test('the plan names a large table, the steps that rewrite it and its estimated rows', async () => {
    // The planner's estimate, as ANALYZE would leave it on a table of 250,000 messages.
    await fixture.ref.session.exec(
      `update pg_class set reltuples = 250000 where oid = 'public.messages'::regclass`,
    );
    try {
      const outcome = await run();
      const note = outcome.plan.tables.find((t) => t.table === 'messages');
      expect(note?.estimatedRows).toBe(250000);
      expect(note?.rewrittenBy.length).toBeGreaterThan(0);
      const text = renderPlan(outcome.plan, 'test');
      expect(text).toMatch(
        /^-- LARGE TABLE messages, ~250000 rows \(pg_class.reltuples, or counted when never analysed\): rewritten by .*retype messages\..+ hold its ACCESS EXCLUSIVE lock until commit: plan a window$/m,
      );
      expect(text).toContain('messages (~250000 rows)');
    } finally {
      await fixture.ref.session.exec('analyze messages');
    }
  });

  test('a table never analysed (no estimate) is counted, so a large one is still marked', async () => {
    await fixture.ref.session.exec(
      `update pg_class set reltuples = -1 where oid = 'public.messages'::regclass`,
    );
    try {
      const [count] = await fixture.ref.session.query<{ n: number }>(
        'select count(*)::int as n from messages',
      );
      const outcome = await run();
      const note = outcome.plan.tables.find((t) => t.table === 'messages');
      expect(note?.estimatedRows).toBe(Number(count?.n));
      expect(Number(count?.n)).toBeGreaterThan(0);
    } finally {
      await fixture.ref.session.exec('analyze messages');
    }
  });

  test('a failure in the middle of applying leaves the database as it was', async () => {
    const planned = await baselinePlan();
    const middle = Math.floor(planned.plan.steps.length / 2);
    await unchanged(async () => {
      const error = await run({
        apply: true,
        beforeStep: (_step, index) => {
          if (index === middle) throw new Error('injected failure');
        },
      }).catch((e: Error) => e);
      expect(error).toBeInstanceOf(Error);
      expect((error as Error).message).toBe('injected failure');
    });
  });
});
