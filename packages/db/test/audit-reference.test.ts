/**
 * The audit on the unconverged reference database (the real FluxCore catalog), on both
 * databases: a constraint with an equal definition under another name is one "renamed"
 * finding, a foreign key that differs only in `on delete` is one difference, a declared column
 * rename is one finding, and functions, triggers, views and schemas are reported.
 */
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import {
  createReferenceDatabase,
  databaseKinds,
  projectMigrations,
  type ReferenceDatabase,
} from '@fluxcore/db/testing';
import { auditDatabase } from '../src/audit/audit.ts';
import type { AuditReport } from '../src/audit/compare.ts';
import { type ExpectedConstraint, expectedSchema } from '../src/audit/expect.ts';
import {
  introspectSchema,
  type LiveConstraint,
  type LiveSchema,
} from '../src/catalog/introspect.ts';
import { originalRenames } from '../src/schema/original/renames.ts';

// Written here on their own, not taken from the audit: what makes two constraints the same.
const wanted = (c: ExpectedConstraint, onDelete: boolean) =>
  [
    c.type,
    c.columns.join(),
    c.referencedTable ?? '',
    c.referencedColumns?.join() ?? '',
    onDelete ? (c.onDelete ?? '') : '',
  ].join('|');
const found = (c: LiveConstraint, table: string, onDelete: boolean) =>
  [
    c.type,
    c.columns
      .map((n) => originalRenames.find((r) => r.table === table && r.from === n)?.to ?? n)
      .join(),
    c.referencedTable ?? '',
    c.referencedColumns.join(),
    onDelete ? (c.onDelete ?? '') : '',
  ].join('|');

describe.each(databaseKinds)('the audit of the unconverged reference database (%s)', (kind) => {
  let ref: ReferenceDatabase;
  let report: AuditReport;
  let live: LiveSchema;
  beforeAll(async () => {
    ref = await createReferenceDatabase(kind);
    await ref.session.exec(`
      create function public.fixture_touch() returns trigger language plpgsql as $$ begin new.updated_at = now(); return new; end $$;
      create trigger fixture_touch before update on accounts for each row execute function public.fixture_touch();
      create view public.fixture_active_accounts as select id from accounts;
      create schema fixture_reports;`);
    live = await introspectSchema(ref.session);
    report = await auditDatabase(ref.session, { migrations: projectMigrations });
  }, 300_000);
  afterAll(() => ref?.close());

  test('no missing constraint has an unexpected twin with an equal definition', () => {
    const expected = expectedSchema(projectMigrations);
    let renamed = 0;
    for (const table of report.tables) {
      const missing = table.findings.filter(
        (f) => f.kind === 'constraint' && f.problem === 'missing',
      );
      const extra = table.findings.filter(
        (f) => f.kind === 'constraint' && f.problem === 'unexpected',
      );
      for (const m of missing) {
        const want = expected.tables.get(table.name)?.constraints.get(m.name);
        if (!want || want.type === 'check') continue;
        for (const e of extra) {
          const have = live.tables.get(table.name)?.constraints.get(e.name);
          if (!have) continue;
          expect([
            table.name,
            m.name,
            e.name,
            found(have, table.name, false) === wanted(want, false),
          ]).toEqual([table.name, m.name, e.name, false]);
        }
      }
      renamed += table.findings.filter(
        (f) => f.kind === 'constraint' && f.problem === 'renamed',
      ).length;
    }
    // Every live constraint whose definition the schema holds under another name is one finding.
    let twins = 0;
    for (const [name, table] of expected.tables) {
      for (const want of table.constraints.values()) {
        if (want.type === 'check' || live.tables.get(name)?.constraints.has(want.name)) continue;
        const same = [...(live.tables.get(name)?.constraints.values() ?? [])].some(
          (c) => !table.constraints.has(c.name) && found(c, name, true) === wanted(want, true),
        );
        if (same) twins += 1;
      }
    }
    expect(twins).toBeGreaterThan(0);
    expect(renamed).toBe(twins);
  });

  test('a foreign key that differs only in on delete is one difference', () => {
    const onDelete = report.tables.flatMap((t) =>
      t.findings.filter(
        (f) =>
          f.kind === 'constraint' &&
          f.problem === 'different' &&
          f.expected.startsWith('ON DELETE'),
      ),
    );
    expect(onDelete.length).toBeGreaterThan(0);
    for (const finding of onDelete)
      expect(finding.found).toMatch(/^the same foreign key.* with ON DELETE /);
  });

  test('a declared column rename is one finding', () => {
    const applicable = originalRenames.filter((r) => live.tables.get(r.table)?.columns.has(r.from));
    expect(applicable.length).toBeGreaterThan(0);
    for (const rename of applicable) {
      const findings = report.tables.find((t) => t.name === rename.table)?.findings ?? [];
      expect(findings.find((f) => f.kind === 'column' && f.name === rename.to)?.problem).toBe(
        'renamed',
      );
      expect(findings.some((f) => f.kind === 'column' && f.name === rename.from)).toBe(false);
    }
  });

  test('functions, triggers, views and schemas the schema does not declare are reported', () => {
    const logic = report.logic.map((f) => [f.kind, f.name, f.problem]);
    expect(logic).toContainEqual(['function', 'public.fixture_touch()', 'unexpected']);
    expect(logic).toContainEqual(['trigger', 'accounts.fixture_touch', 'unexpected']);
    expect(logic).toContainEqual(['view', 'public.fixture_active_accounts', 'unexpected']);
    expect(logic).toContainEqual(['schema', 'fixture_reports', 'unexpected']);
    // The original's own schema is one whose fate originalDatabaseLogic decides.
    expect(logic).toContainEqual(['schema', 'monitoring', 'declared']);
    expect(report.clean).toBe(false);
  });
});
