import { describe, expect, test } from 'bun:test';
import type { LiveTable } from '../../src/catalog/introspect.ts';
import { createTable } from '../../src/converge/steps/create-table.ts';
import { useStepDatabase } from './support.ts';

describe('steps/create-table', () => {
  const db = useStepDatabase(
    `create table ctb (id serial, name text not null default 'x', at timestamptz);`,
  );

  test('read, dropped, and created again with the sequence its serial column draws from', async () => {
    const table = (await db.catalog()).schema.tables.get('ctb') as LiveTable;
    await db.session.exec('drop table ctb');
    const steps = createTable.build({ table });
    expect(steps.map((s) => [s.kind, s.phase, s.summary, s.checks])).toEqual([
      ['create-table', 'create', 'create table ctb', []],
    ]);
    expect(steps[0]?.sql).toEqual([
      'create sequence if not exists ctb_id_seq as integer',
      `create table "ctb" (\n  "id" integer default nextval('ctb_id_seq'::regclass) not null,\n  "name" text default 'x'::text not null,\n  "at" timestamp with time zone\n)`,
      'alter sequence ctb_id_seq owned by "ctb"."id"',
    ]);
    await db.apply(steps);
    await db.session.exec('insert into ctb (at) values (now()), (now())');
    expect(await db.value(`select string_agg(id || name, ',' order by id) from ctb`)).toBe('1x,2x');
    await db.rollbackOnline(steps);
    expect(await db.value(`select to_regclass('ctb_id_seq') is null`)).toBe(true);
  });
});
