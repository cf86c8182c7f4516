import { describe, expect, test } from 'bun:test';
import type { FullCatalog } from '../../src/catalog/logic.ts';
import { readCollisions } from '../../src/converge/collisions.ts';
import { moveAside } from '../../src/converge/steps/move-aside.ts';
import { useStepDatabase } from './support.ts';

/** A target that declares the enums and tables named, nothing else (what readCollisions reads). */
const target = (enums: string[], tables: string[]) =>
  ({
    schema: {
      enums: new Map(enums.map((name) => [name, ['a']])),
      tables: new Map(tables.map((name) => [name, {}])),
      extensions: new Map(),
    },
    logic: { schemas: [], functions: new Map(), triggers: new Map(), views: new Map() },
  }) as unknown as FullCatalog;

describe('steps/move-aside', () => {
  const db = useStepDatabase(`
    create type ma_kind as (label text, weight int);
    create table ma_uses (id int primary key, kind ma_kind);
    insert into ma_uses values (1, row('x', 1));
    create type ma_unused as (a int);`);

  test('a composite type with dependents moves aside with them, keeping their values; an unused one is dropped', async () => {
    const collisions = await readCollisions(db.session, target(['ma_kind', 'ma_unused'], []));
    const steps = collisions.flatMap((c) => moveAside.build(c));
    expect(steps.map((s) => [s.kind, s.phase, s.checks])).toEqual([
      ['move-aside', 'aside', []],
      ['move-aside', 'aside', []],
    ]);
    expect(steps.map((s) => s.summary)).toEqual([
      "rename aside composite type ma_kind: a composite type the original never had; the schema's enum takes the name: moved to fluxcore_original.ma_kind, with what depends on it (column kind of table ma_uses)",
      "drop composite type ma_unused: a composite type the original never had; the schema's enum takes the name; nothing depends on it",
    ]);
    await db.apply(steps);
    expect(await db.value(`select (kind).label from ma_uses`)).toBe('x');
    expect(
      await db.value(
        `select format_type(atttypid, null) from pg_attribute where attrelid = 'ma_uses'::regclass and attname = 'kind'`,
      ),
    ).toBe('fluxcore_original.ma_kind');
    expect(
      await db.value(
        `select to_regtype('public.ma_unused') is null and to_regtype('public.ma_kind') is null`,
      ),
    ).toBe(true);
  });
});
