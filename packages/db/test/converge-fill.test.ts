/**
 * What the schema defines fills the rows, on the reference database, on both databases:
 * - a column that becomes NOT NULL with a default gets that default in its nulls, and the plan
 *   says how many;
 * - a timestamp that becomes timestamptz is read in the database's TimeZone, or --time-zone,
 *   and the plan says which zone;
 * - applying says where it is: a line per phase, and per large table a step rewrites.
 */
import { describe, expect, test } from 'bun:test';
import { databaseKinds } from '@fluxcore/db/testing';
import { renderPlan, renderSummary } from '../src/converge/render.ts';
import { quote, useConvergeFixture } from './support/converge-fixture.ts';

describe.each(databaseKinds)('db:converge fills what the schema defines (%s)', (kind) => {
  const fixture = useConvergeFixture(kind);

  test('the zone is the database setting unless --time-zone says another; an unknown zone is refused in one line', async () => {
    const session = fixture.ref.session;
    await session.exec(`set timezone = 'Asia/Tokyo'`);
    try {
      const planned = await fixture.run();
      expect(planned.plan.timeZone).toEqual({
        zone: 'Asia/Tokyo',
        source: "the database's TimeZone setting",
      });
      expect(renderPlan(planned.plan, 'x')).toContain(
        "-- time zone: a timestamp column that becomes timestamptz is read in Asia/Tokyo (the database's TimeZone setting; --time-zone ZONE says otherwise)",
      );
      const retypes = planned.plan.steps.flatMap((s) => s.sql).join('\n');
      expect(retypes).toContain(" at time zone 'Asia/Tokyo'");
      expect(retypes).not.toContain(" at time zone 'UTC'");
    } finally {
      await session.exec('reset timezone');
    }
    await expect(fixture.run({ timeZone: 'Mars/Olympus' })).rejects.toThrow(
      '--time-zone Mars/Olympus: not a time zone PostgreSQL knows',
    );
  });

  test('nulls get the default and timestamps are read in the zone given; every other row is kept', async () => {
    const session = fixture.ref.session;
    const planned = await fixture.run();
    const fills = planned.plan.steps.flatMap((s) =>
      s.checks.flatMap((c) => (c.kind === 'not-null' && c.fill !== undefined ? [c] : [])),
    );
    expect(fills.length).toBeGreaterThan(0);
    // A boolean or integer column with a literal default, where a null is plausible.
    const fill = fills.find((c) => /^(true|false|0|\d+)$/.test(c.fill ?? ''));
    if (!fill) throw new Error(`no literal default among ${fills.map((c) => c.fill).join(', ')}`);
    const retype = planned.plan.steps
      .flatMap((s) => s.summary.split('\n'))
      .map((line) =>
        /^retype (\w+)\.(\w+) timestamp without time zone → timestamp with time zone$/.exec(line),
      )
      .find((m) => m && m[1] !== fill.table);
    if (!retype) throw new Error('no timestamp retype');
    const [, tsTable = '', tsColumn = ''] = retype;

    const [nulled] = await session.query<{ n: number }>(
      `with t as (update ${quote(fill.table)} set ${quote(fill.column)} = null
         where ctid in (select ctid from ${quote(fill.table)} limit 2) returning 1)
       select count(*)::int as n from t`,
    );
    expect(Number(nulled?.n)).toBe(2);
    const [stamped] = await session.query<{ ctid: string }>(
      `update ${quote(tsTable)} set ${quote(tsColumn)} = '2026-01-01 12:00:00'
       where ctid = (select ctid from ${quote(tsTable)} limit 1) returning ctid::text`,
    );
    if (!stamped) throw new Error(`${tsTable} has no row`);
    const [marker] = await session.query<{ n: number }>(
      `select count(*)::int as n from ${quote(tsTable)} where ${quote(tsColumn)} = '2026-01-01 12:00:00'`,
    );
    const rowsBefore = await fixture.rowsOf(fill.table);
    await session.exec(
      'update accounts set alias = null where ctid in (select ctid from accounts limit 2)',
    );

    const again = await fixture.run({ timeZone: 'America/Argentina/Buenos_Aires' });
    const result = [...again.plan.results.values()]
      .flat()
      .find(
        (r) => r.spec.kind === 'not-null' && r.table === fill.table && r.column === fill.column,
      );
    expect(result?.ok).toBe(true);
    expect(result?.summary).toStartWith(
      `ok: 2 null(s) filled with the schema's default ${fill.fill}`,
    );
    const progress: string[] = [];
    const applied = await fixture.run({
      apply: true,
      timeZone: 'America/Argentina/Buenos_Aires',
      progressRows: 1,
      log: (line) => progress.push(line),
    });
    expect(applied.status).toBe('applied');
    // Progress: a line as each phase starts and ends, and around each table a step rewrites.
    expect(progress).toContainEqual(
      expect.stringMatching(/^phase retype: \d+ step\(s\) \(step \d+ of \d+\)$/),
    );
    expect(progress).toContainEqual(expect.stringMatching(/^ {2}phase retype done in \d+\.\d s$/));
    const [table, rows] = [...applied.rewritten].find(([, n]) => n > 0) ?? [];
    expect(progress).toContainEqual(
      expect.stringMatching(new RegExp(`^  ${table}: rewriting ${rows} rows \\(`)),
    );
    expect(progress).toContainEqual(
      expect.stringMatching(
        new RegExp(`^  ${table}: ${rows} of ${rows} rows done in \\d+\\.\\d s$`),
      ),
    );
    expect(renderSummary(applied)).toContain(
      `  ${fill.table}.${fill.column}: 2 null(s) filled with the schema's default ${fill.fill}`,
    );
    expect(renderSummary(applied)).toContain(
      '  timestamps read in America/Argentina/Buenos_Aires (--time-zone)',
    );
    // accounts.alias (nullable in February, NOT NULL here): its nulls take the username, as
    // its declared backfill says and its trigger does for later writes.
    expect(renderSummary(applied)).toMatch(
      / {2}accounts\.alias: 2 null\(s\) filled with its username \(username\)/,
    );
    const [alias] = await session.query<{ n: number }>(
      'select count(*)::int as n from accounts where alias = username',
    );
    expect(Number(alias?.n)).toBeGreaterThanOrEqual(2);
    const [left] = await session.query<{ n: number }>(
      `select count(*)::int as n from ${quote(fill.table)} where ${quote(fill.column)} is null`,
    );
    expect(Number(left?.n)).toBe(0);
    expect(await fixture.rowsOf(fill.table)).toBe(rowsBefore);
    // 12:00 in Buenos Aires (UTC-3) is 15:00 UTC.
    const [read] = await session.query<{ n: number }>(
      `select count(*)::int as n from ${quote(tsTable)} where ${quote(tsColumn)} = '2026-01-01 15:00:00+00'`,
    );
    expect(Number(read?.n)).toBe(Number(marker?.n));
  });
});
