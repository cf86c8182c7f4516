/** db:check's online safety: each long-lock statement has an online form or a note why not. */
import { afterAll, expect, test } from 'bun:test';
import { rmSync } from 'node:fs';
import { loadMigrations } from '../src/migrator/journal.ts';
import { onlineSafety, onlineSafetyLines } from '../src/online/safety.ts';
import { writeMigrationFolder } from './support/migrations.ts';

const folder = writeMigrationFolder([
  {
    tag: '0000_long_locks',
    sql: [
      'CREATE TABLE "fresh" ("id" uuid PRIMARY KEY, "n" integer);',
      'CREATE INDEX "fresh_n_idx" ON "fresh" USING btree ("n");',
      'ALTER TABLE "fresh" ADD CONSTRAINT "fresh_n_check" CHECK ("fresh"."n" > 0);',
      'ALTER TABLE "messages" ALTER COLUMN "status" SET DATA TYPE varchar(30);',
      'ALTER TABLE "messages" ALTER COLUMN "content" SET NOT NULL;',
      'CREATE INDEX "messages_status_idx" ON "messages" USING btree ("status");',
      'ALTER TABLE "messages" ADD CONSTRAINT "messages_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."messages"("id");',
      'ALTER TABLE "messages" ADD CONSTRAINT "messages_pk2" PRIMARY KEY ("id");',
      '-- fluxcore:online-none: the table holds at most 10 rows\nALTER TABLE "settings" ADD COLUMN "salt" uuid DEFAULT gen_random_uuid();',
    ].join('--> statement-breakpoint\n'),
  },
]);
afterAll(() => rmSync(folder, { recursive: true, force: true }));
const [migration] = loadMigrations(folder);

test('statements on a table the migration creates need no online form', () => {
  const findings = onlineSafety(migration!);
  expect(findings.map((f) => f.statement)).toEqual([4, 5, 6, 7, 8, 9]);
  expect(findings.map((f) => f.kind)).toEqual([
    'retype column',
    'set not null',
    'create index',
    'add foreign key',
    'no online form',
    'no online form',
  ]);
});

test('a long-lock statement without an online form is a problem unless a note says why', () => {
  const lines = onlineSafetyLines([migration!]);
  expect(lines.problems).toHaveLength(1);
  expect(lines.problems[0]).toContain(
    'statement 8 (ALTER TABLE "messages" ADD CONSTRAINT "messages_pk2" PRIMARY KEY ("id");)',
  );
  expect(lines.problems[0]).toContain('-- fluxcore:online-none: <why>');
  expect(lines.passed).toContain(
    'online: 0000_long_locks, statement 9: no online form (a volatile default rewrites the table); noted: the table holds at most 10 rows',
  );
  expect(lines.passed[0]).toContain('4 statement(s) would hold a long lock on an existing table');
});
