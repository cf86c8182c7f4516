/**
 * Every kind of step, one module each (steps/kind.ts says what they share), in the order of
 * `stepKindNames`; and the data check of every kind of CheckSpec, run by the kind that owns it.
 */
import { addCheck } from './add-check.ts';
import { addColumn } from './add-column.ts';
import { addForeignKey } from './add-foreign-key.ts';
import { addUnique } from './add-unique.ts';
import { backfill } from './backfill.ts';
import { changeForeignKey } from './change-foreign-key.ts';
import { createEnum } from './create-enum.ts';
import { createExtension } from './create-extension.ts';
import { createIndex } from './create-index.ts';
import { createSchema } from './create-schema.ts';
import { createTable } from './create-table.ts';
import { dropColumn } from './drop-column.ts';
import { dropConstraint } from './drop-constraint.ts';
import { dropEnum } from './drop-enum.ts';
import { dropIndex } from './drop-index.ts';
import { dropSchema } from './drop-schema.ts';
import { dropTable } from './drop-table.ts';
import type { CheckRunners, StepKind, StepKindName } from './kind.ts';
import { moveAside } from './move-aside.ts';
import { renameColumn } from './rename-column.ts';
import { renameConstraint } from './rename-constraint.ts';
import { replaceLogic } from './replace-logic.ts';
import { retype } from './retype.ts';
import { secure } from './secure.ts';
import { setNotNull } from './set-not-null.ts';
import { validateConstraint } from './validate-constraint.ts';

// biome-ignore lint/suspicious/noExplicitAny: each kind takes its own input
type AnyStepKind = StepKind<any, any>;

export const stepKinds: Record<StepKindName, AnyStepKind> = {
  'move-aside': moveAside,
  'create-schema': createSchema,
  secure,
  'create-extension': createExtension,
  'create-enum': createEnum,
  'create-table': createTable,
  'add-column': addColumn,
  backfill,
  'rename-column': renameColumn,
  'rename-constraint': renameConstraint,
  retype,
  'set-not-null': setNotNull,
  'add-unique': addUnique,
  'add-check': addCheck,
  'add-foreign-key': addForeignKey,
  'change-foreign-key': changeForeignKey,
  'validate-constraint': validateConstraint,
  'create-index': createIndex,
  'drop-constraint': dropConstraint,
  'drop-index': dropIndex,
  'replace-logic': replaceLogic,
  'drop-column': dropColumn,
  'drop-table': dropTable,
  'drop-schema': dropSchema,
  'drop-enum': dropEnum,
};

/** Typed whole: a CheckSpec kind no step kind checks is a type error here. */
export const checkRunners: CheckRunners = {
  ...setNotNull.checks,
  ...addColumn.checks,
  ...retype.checks,
  ...addUnique.checks,
  ...addForeignKey.checks,
  ...addCheck.checks,
  ...dropTable.checks,
  ...dropColumn.checks,
  ...dropSchema.checks,
  ...replaceLogic.checks,
};
