/**
 * The live database against the schema: every table missing, present, unexpected or legacy,
 * and every difference in columns, constraints, indexes, enums and extensions, with what was
 * expected and what was found.
 */

import type { LiveSchema } from '../catalog/introspect.ts';
import type { DatabaseLogic } from '../catalog/logic.ts';
import { pgvectorMinimum, versionBelow } from '../connection/requirements.ts';
import type { StatusReport } from '../migrator/status.ts';
import type { DatabaseLogicDecision } from '../schema/original/database-logic-decisions.ts';
import type { ExpectedSchema } from './expect.ts';
import type { Finding } from './findings.ts';
import type { IsolationFindings } from './isolation.ts';
import { declaredDatabaseLogic, logicFindings } from './logic.ts';
import { markKept, pairTableFindings } from './pairing.ts';
import { compareTable, describeColumn } from './table.ts';

/** The oldest version of each extension the schema needs that this package accepts. */
const extensionMinimums: Record<string, string> = { vector: pgvectorMinimum };

export type { Finding, FindingKind, Problem } from './findings.ts';

export type TableState = 'ok' | 'missing' | 'unexpected' | 'legacy' | 'different' | 'kept';

export interface TableReport {
  name: string;
  state: TableState;
  /** For legacy tables: where they come from. */
  note?: string;
  findings: Finding[];
}

export interface CriticalField {
  table: string;
  column: string;
  state: 'present' | 'missing' | 'different';
  found: string;
}

export interface AuditReport {
  tables: TableReport[];
  enums: Finding[];
  extensions: {
    name: string;
    /** `outdated`: installed below the version this package needs (a difference). */
    state: 'installed' | 'missing' | 'unexpected' | 'outdated';
    /** The version this database has, or null when missing. */
    version: string | null;
    /** The version the server's files offer (what ALTER EXTENSION … UPDATE would reach). */
    available: string | null;
    /** The oldest version this package accepts, for an extension it needs. */
    minimum?: string;
  }[];
  migrations: Finding[];
  /** Functions, triggers, views and schemas besides the tables. */
  logic: Finding[];
  /** Tenant isolation beyond the tables: views over tenant tables and the runtime roles. */
  isolation: Finding[];
  criticalFields: CriticalField[];
  summary: {
    tables: number;
    ok: number;
    missing: number;
    unexpected: number;
    legacy: number;
    different: number;
    kept: number;
    differences: number;
  };
  /** True when nothing differs (legacy tables do not count). */
  clean: boolean;
}

/**
 * The columns the seed's manual scripts added (007, 008, 009, HITO 16): operators look for
 * these first, so the report lists them by name whatever their state.
 */
export const criticalFields: readonly { table: string; column: string }[] = [
  { table: 'messages', column: 'status' },
  { table: 'messages', column: 'from_actor_id' },
  { table: 'messages', column: 'to_actor_id' },
  { table: 'actors', column: 'actor_type' },
  { table: 'actors', column: 'extension_id' },
  { table: 'actors', column: 'display_name' },
  { table: 'accounts', column: 'alias' },
];

/** What counts as a difference: not what is kept on purpose or declared. */
export const isDifference = (finding: Finding) =>
  finding.problem !== 'kept' && finding.problem !== 'declared' && finding.problem !== 'slow';

export function compareSchema(
  expected: ExpectedSchema,
  live: LiveSchema,
  migrations: StatusReport | undefined,
  options: {
    tables?: string[];
    kept?: Set<string>;
    logic?: DatabaseLogic;
    /** declaredDatabaseLogic(expected), when the caller has it already. */
    declaredLogic?: readonly DatabaseLogicDecision[];
    /** isolationFindings(…): row-level security, checked against the tenancy registry. */
    isolation?: IsolationFindings;
  } = {},
): AuditReport {
  const kept = options.kept ?? new Set<string>();
  const only = options.tables?.length ? new Set(options.tables) : undefined;
  const names = new Set([...expected.tables.keys(), ...live.tables.keys()]);
  const tables: TableReport[] = [];
  for (const name of [...names].sort()) {
    if (only && !only.has(name)) continue;
    const want = expected.tables.get(name);
    const found = live.tables.get(name);
    if (want && found) {
      const findings = pairTableFindings(want, found, compareTable(want, found));
      markKept(name, found, findings, kept);
      findings.push(...(options.isolation?.tables.get(name) ?? []));
      tables.push({
        name,
        state: findings.some(isDifference) ? 'different' : 'ok',
        findings,
      });
    } else if (want) {
      tables.push({
        name,
        state: 'missing',
        findings: [
          { kind: 'table', name, problem: 'missing', expected: 'table', found: 'missing' },
        ],
      });
    } else if (kept.has(`table:${name}`)) {
      tables.push({
        name,
        state: 'kept',
        note: 'not declared by the schema; kept on purpose by db:converge',
        findings: [],
      });
    } else if (expected.legacy.has(name)) {
      tables.push({ name, state: 'legacy', note: expected.legacy.get(name), findings: [] });
    } else {
      tables.push({
        name,
        state: 'unexpected',
        findings: [
          { kind: 'table', name, problem: 'unexpected', expected: 'no such table', found: 'table' },
        ],
      });
    }
  }

  const enums: Finding[] = [];
  const extensions: AuditReport['extensions'] = [];
  const migrationFindings: Finding[] = [];
  if (!only) {
    for (const [name, values] of expected.enums) {
      const found = live.enums.get(name);
      if (!found)
        enums.push({
          kind: 'enum',
          name,
          problem: 'missing',
          expected: values.join(', '),
          found: 'missing',
        });
      else if (found.join() !== values.join()) {
        enums.push({
          kind: 'enum',
          name,
          problem: 'different',
          expected: values.join(', '),
          found: found.join(', '),
        });
      }
    }
    for (const [name, values] of live.enums) {
      if (!expected.enums.has(name)) {
        enums.push({
          kind: 'enum',
          name,
          problem: kept.has(`enum:${name}`) ? 'kept' : 'unexpected',
          expected: 'no such enum',
          found: values.join(', '),
        });
      }
    }
    const available = (name: string) => live.availableExtensions?.get(name) ?? null;
    for (const name of expected.extensions) {
      const version = live.extensions.get(name) ?? null;
      const minimum = extensionMinimums[name];
      const state = !version
        ? 'missing'
        : minimum && versionBelow(version, minimum)
          ? 'outdated'
          : 'installed';
      extensions.push({ name, state, version, available: available(name), minimum });
    }
    for (const [name, version] of live.extensions) {
      if (!expected.extensions.includes(name))
        extensions.push({ name, state: 'unexpected', version, available: available(name) });
    }
    for (const migration of migrations?.migrations ?? []) {
      if (migration.state === 'applied') continue;
      migrationFindings.push({
        kind: 'migration',
        name: migration.tag,
        problem: migration.state === 'pending' ? 'missing' : 'different',
        expected: 'applied',
        found: migration.state,
      });
    }
    for (const duplicate of migrations?.duplicates ?? []) {
      migrationFindings.push({
        kind: 'migration',
        name: duplicate.tag,
        problem: 'unexpected',
        expected: 'recorded once',
        found: `recorded ${duplicate.ids.length} times (ids ${duplicate.ids.join(', ')})`,
      });
    }
    for (const row of migrations?.unknown ?? []) {
      migrationFindings.push({
        kind: 'migration',
        name: `created_at ${row.createdAt}`,
        problem: 'unexpected',
        expected: 'a migration of this folder',
        found: 'unknown to this folder',
      });
    }
  }

  const criticalReport: CriticalField[] = criticalFields
    .filter((field) => !only || only.has(field.table))
    .map((field) => {
      const column = live.tables.get(field.table)?.columns.get(field.column);
      const finding = tables
        .find((table) => table.name === field.table)
        ?.findings.find((f) => f.kind === 'column' && f.name === field.column);
      return {
        ...field,
        state: !column ? 'missing' : finding ? 'different' : 'present',
        found: column ? describeColumn(column.type, column.notNull, column.default) : 'missing',
      };
    });

  const count = (state: TableState) => tables.filter((table) => table.state === state).length;
  const logic =
    options.logic && !only
      ? logicFindings(options.logic, kept, options.declaredLogic ?? declaredDatabaseLogic(expected))
      : [];
  const isolation = only ? [] : (options.isolation?.others ?? []);
  const differences =
    isolation.filter(isDifference).length +
    tables.reduce((sum, table) => sum + table.findings.filter(isDifference).length, 0) +
    enums.filter(isDifference).length +
    logic.filter(isDifference).length +
    extensions.filter(
      (extension) => extension.state === 'missing' || extension.state === 'outdated',
    ).length +
    migrationFindings.length;
  return {
    tables,
    enums,
    extensions,
    migrations: migrationFindings,
    logic,
    isolation,
    criticalFields: criticalReport,
    summary: {
      tables: tables.length,
      ok: count('ok'),
      missing: count('missing'),
      unexpected: count('unexpected'),
      legacy: count('legacy'),
      different: count('different'),
      kept: count('kept'),
      differences,
    },
    clean: differences === 0,
  };
}
