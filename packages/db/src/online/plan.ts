/**
 * A migration's online plan: each statement that would hold a long lock on a table that
 * existed before the migration becomes its online form's steps; the other statements (new
 * tables, new columns, statements on tables the same migration creates) run as they are,
 * consecutive ones together in one short transaction under the online lock_timeout.
 */
import type { SqlSession } from '../connection/client.ts';
import { firstCodeLine, type Migration } from '../migrator/journal.ts';
import { addConstraint } from './kinds/add-constraint.ts';
import { createIndex } from './kinds/create-index.ts';
import { retype } from './kinds/retype.ts';
import { setNotNull } from './kinds/set-not-null.ts';
import {
  codeOf,
  type FormOptions,
  nameFrom,
  type OnlineForm,
  type OnlineStep,
  type StatementKind,
  tableName,
} from './model.ts';

export const onlineKinds: StatementKind[] = [retype, setNotNull, addConstraint, createIndex];

const createTable = new RegExp(
  String.raw`^create\s+(?:unlogged\s+)?table\s+(?:if\s+not\s+exists\s+)?${tableName}`,
  'i',
);
const concurrentIndex =
  /^create\s+(?:unique\s+)?index\s+concurrently\s+(?:if\s+not\s+exists\s+)?"((?:[^"]|"")+)"/i;

const ownLockTimeout = /^set\s+local\s+lock_timeout\b/i;

/** The tables a migration creates: statements on them need no online form (they are new). */
export function createdTables(migration: Migration): Set<string> {
  const created = new Set<string>();
  for (const statement of migration.statements) {
    const match = createTable.exec(codeOf(statement));
    if (match) created.add(nameFrom(match[1], match[2]));
  }
  return created;
}

/** The online form of a statement, or undefined when it runs as it is. */
export function onlineFormOf(statement: string, created: Set<string>): OnlineForm | undefined {
  for (const kind of onlineKinds) {
    const form = kind.match(statement);
    if (form) return created.has(form.table) ? undefined : form;
  }
  return undefined;
}

export interface MigrationPlan {
  forms: OnlineForm[];
  steps: OnlineStep[];
}

/** Undefined column or table: what a statement earlier in the migration creates. */
const notThereYet = (error: unknown) =>
  ['42703', '42P01'].includes((error as { code?: string }).code ?? '');

/**
 * Runs every form's data check: before any step of the migration changes anything. A column
 * or table an earlier statement of the migration creates has no rows to check yet.
 */
export async function checkForms(session: SqlSession, plan: MigrationPlan): Promise<void> {
  for (const form of plan.forms) {
    await form.check?.(session).catch((error) => {
      if (!notThereYet(error)) throw error;
    });
  }
}

function plainStep(migration: Migration, statements: string[]): OnlineStep {
  const first = firstCodeLine(statements[0] ?? '');
  const more = statements.length > 1 ? ` and ${statements.length - 1} more statement(s)` : '';
  return {
    what: `${migration.tag}: ${first}${more}`,
    action: { kind: 'transaction', sql: statements },
    undo: null,
  };
}

/**
 * The steps of `migration`: plain statements grouped, and each statement with an online form
 * as a placeholder planned when the run reaches it (expandForm).
 */
export function planMigration(migration: Migration): MigrationPlan {
  const created = createdTables(migration);
  const forms: OnlineForm[] = [];
  const steps: OnlineStep[] = [];
  let plain: string[] = [];
  const flush = () => {
    if (plain.length > 0) steps.push(plainStep(migration, plain));
    plain = [];
  };
  for (const statement of migration.statements) {
    const form = onlineFormOf(statement, created);
    const concurrent = concurrentIndex.exec(codeOf(statement));
    if (form) {
      flush();
      forms.push(form);
      steps.push({
        what: `${migration.tag}: ${form.kind} on ${form.table} online (${firstCodeLine(statement)})`,
        action: { kind: 'form', statement },
        undo: [],
      });
    } else if (concurrent) {
      flush();
      const index = (concurrent[1] ?? '').replaceAll('""', '"');
      steps.push({
        what: `${migration.tag}: ${firstCodeLine(statement)}`,
        action: { kind: 'concurrent-index', index, sql: codeOf(statement) },
        undo: [`drop index concurrently if exists "${index.replaceAll('"', '""')}"`],
      });
    } else if (ownLockTimeout.test(codeOf(statement))) {
      // The online run sets its own short lock_timeout in every step; a longer one is dropped.
    } else if (migration.transactional) {
      plain.push(statement);
    } else {
      steps.push(plainStep(migration, [statement]));
    }
  }
  flush();
  return { forms, steps };
}

/** The steps a placeholder stands for, planned against the database as it is now. */
export async function expandForm(
  session: SqlSession,
  statement: string,
  options: FormOptions = {},
): Promise<OnlineStep[]> {
  const form = onlineFormOf(statement, new Set());
  if (!form) throw new Error(`no online form recognises ${firstCodeLine(statement)}`);
  return form.steps(session, options);
}
