/**
 * The database logic the audit sees beside the tables: functions, triggers, views and schemas.
 * One the schema declares (`originalDatabaseLogic`) is reported as declared, one db:converge
 * kept on purpose as kept, and any other as unexpected: PostgreSQL does not track what a
 * plpgsql body reads, so an unknown one is a change waiting to break.
 */
import type { DatabaseLogic } from '../catalog/logic.ts';
import type { DatabaseLogicDecision } from '../schema/original/database-logic-decisions.ts';
import {
  originalOnlyDatabaseLogic,
  packageDatabaseLogicFor,
} from '../schema/original/database-logic-decisions.ts';
import type { ExpectedSchema } from './expect.ts';
import type { Finding } from './findings.ts';

/**
 * `originalDatabaseLogic`, built from the snapshot's tables (those with updated_at get the
 * package's touch trigger) rather than from the schema's table objects, which the audit does
 * not load.
 */
export function declaredDatabaseLogic(expected: ExpectedSchema): readonly DatabaseLogicDecision[] {
  const withUpdatedAt = [...expected.tables.values()]
    .filter((table) => table.columns.has('updated_at'))
    .map((table) => table.name)
    .sort();
  return [...originalOnlyDatabaseLogic, ...packageDatabaseLogicFor(withUpdatedAt)];
}

export function logicFindings(
  logic: DatabaseLogic,
  kept: Set<string>,
  declaredLogic: readonly DatabaseLogicDecision[],
): Finding[] {
  const findings: Finding[] = [];
  // Each decision under `kind name` and `kind public.name`, in the list's order: the first one
  // that matches is the answer, as a search of the whole list would find it.
  const byName = new Map<string, DatabaseLogicDecision[]>();
  for (const decision of declaredLogic) {
    for (const name of new Set([decision.name, `public.${decision.name}`])) {
      const key = `${decision.kind} ${name}`;
      byName.set(key, [...(byName.get(key) ?? []), decision]);
    }
  }
  const declared = (kind: string, name: string, table?: string) =>
    byName.get(`${kind} ${name}`)?.find((d) => table === undefined || d.table === table);
  const report = (
    kind: Finding['kind'],
    name: string,
    keptName: string,
    found: string,
    declaration: ReturnType<typeof declared>,
  ) => {
    if (declaration) {
      findings.push({
        kind,
        name,
        problem: 'declared',
        expected: `declared: ${declaration.owner} (${declaration.how})`,
        found,
      });
    } else if (kept.has(`${kind}:${keptName}`)) {
      findings.push({
        kind,
        name,
        problem: 'kept',
        expected: 'kept on purpose by db:converge',
        found,
      });
    } else {
      findings.push({
        kind,
        name,
        problem: 'unexpected',
        expected: 'not declared by the schema (originalDatabaseLogic)',
        found,
      });
    }
  };
  for (const fn of logic.functions.values())
    report(
      'function',
      fn.key,
      fn.key,
      `${fn.language} function`,
      declared('function', `${fn.schema}.${fn.name}`),
    );
  for (const [key, trigger] of logic.triggers)
    report(
      'trigger',
      key,
      key,
      `runs ${trigger.function}`,
      declared('trigger', trigger.name, trigger.table),
    );
  for (const view of logic.views.values())
    report('view', view.key, view.key, 'view', declared('view', view.key));
  for (const schema of logic.schemas)
    report('schema', schema, schema, 'schema', declared('schema', schema));
  return findings;
}
