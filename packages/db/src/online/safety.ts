/**
 * Which statements of a migration hold a long lock on a table that already has rows, and how
 * --online runs each: db:check reports them for every migration not yet released. A long-lock
 * statement with no online form needs a note saying why, on the line above it:
 *   -- fluxcore:online-none: <why no online form exists, and when it is safe to run>
 */
import { firstCodeLine, type Migration } from '../migrator/journal.ts';
import { codeOf } from './model.ts';
import { createdTables, onlineFormOf } from './plan.ts';

export const onlineNoneMarker = '-- fluxcore:online-none:';

/** Long-lock statements no online form covers, with what makes them long. */
const withoutForm: { pattern: RegExp; why: string }[] = [
  {
    pattern: /\badd\s+(?:constraint\s+"[^"]+"\s+)?primary\s+key\b/i,
    why: 'adding a primary key builds its index under an ACCESS EXCLUSIVE lock',
  },
  {
    pattern: /\badd\s+constraint\s+"[^"]+"\s+exclude\b/i,
    why: 'an exclusion constraint builds its index under the lock',
  },
  {
    pattern: /\bgenerated\s+always\s+as\s*\([\s\S]*\)\s*stored\b/i,
    why: 'a stored generated column rewrites the table',
  },
  {
    pattern:
      /\badd\s+column\b[\s\S]*\bdefault\s+(?:gen_random_uuid|random|uuid_generate_v4|clock_timestamp)\s*\(/i,
    why: 'a volatile default rewrites the table',
  },
  { pattern: /\b(?:set\s+tablespace|vacuum\s+full|cluster\b)/i, why: 'it rewrites the table' },
  {
    pattern: /^refresh\s+materialized\s+view\s+(?!concurrently)/i,
    why: 'REFRESH without CONCURRENTLY blocks every read of the view',
  },
  {
    pattern: /\bnulls\s+not\s+distinct\b/i,
    why: 'a UNIQUE NULLS NOT DISTINCT constraint has no CONCURRENTLY form here',
  },
];

export interface SafetyFinding {
  tag: string;
  statement: number;
  text: string;
  /** How --online runs it; undefined when no form exists. */
  form: string | undefined;
  kind: string;
  /** Why no form exists, when none does. */
  why: string | undefined;
  /** The note the migration gives for it, if any. */
  note: string | undefined;
}

export function onlineSafety(migration: Migration): SafetyFinding[] {
  const created = createdTables(migration);
  const findings: SafetyFinding[] = [];
  for (const [index, statement] of migration.statements.entries()) {
    const code = codeOf(statement);
    const noteLine = statement.split('\n').find((line) => line.trim().startsWith(onlineNoneMarker));
    const note = noteLine?.trim().slice(onlineNoneMarker.length).trim();
    const base = { tag: migration.tag, statement: index + 1, text: firstCodeLine(statement), note };
    const form = onlineFormOf(statement, created);
    if (form) {
      findings.push({ ...base, form: form.form, kind: form.kind, why: undefined });
      continue;
    }
    const table = /^alter\s+table\s+(?:only\s+)?(?:"public"\.)?"([^"]+)"/i.exec(code)?.[1];
    if (table && created.has(table)) continue;
    const long = withoutForm.find((rule) => rule.pattern.test(code));
    if (long) findings.push({ ...base, form: undefined, kind: 'no online form', why: long.why });
  }
  return findings;
}

/** db:check's lines for the unreleased migrations: what passes, and each problem. */
export function onlineSafetyLines(migrations: Migration[]): {
  passed: string[];
  problems: string[];
} {
  const passed: string[] = [];
  const problems: string[] = [];
  for (const migration of migrations) {
    const findings = onlineSafety(migration);
    const formed = findings.filter((f) => f.form);
    if (formed.length > 0) {
      const kinds = new Map<string, number>();
      for (const f of formed) kinds.set(f.kind, (kinds.get(f.kind) ?? 0) + 1);
      const counts = [...kinds].map(([kind, n]) => `${kind} ×${n}`).join(', ');
      passed.push(
        `online: ${migration.tag}: ${formed.length} statement(s) would hold a long lock on an existing table; --online runs each in its online form (${counts})`,
      );
    }
    for (const f of findings.filter((x) => !x.form)) {
      if (f.note) {
        passed.push(
          `online: ${f.tag}, statement ${f.statement}: no online form (${f.why}); noted: ${f.note}`,
        );
      } else {
        problems.push(
          `online: ${f.tag}, statement ${f.statement} (${f.text}) holds a long lock and has no online form: ${f.why}. Split the change, or say why it is safe on the line above it: ${onlineNoneMarker} <why>`,
        );
      }
    }
  }
  if (problems.length === 0 && passed.length === 0)
    passed.push('online: no unreleased migration holds a long lock on an existing table');
  return { passed, problems };
}
