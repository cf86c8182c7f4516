/**
 * Each kind of step's own test (test/converge-steps/<kind>.ts, beside the others; pgroll keeps
 * op_*_test.go beside each op_*.go): its check refuses bad data with the expected line, its SQL
 * applies, its plan line, and its online phases where it has them. One database for all of
 * them (see converge-steps/support.ts); each kind makes its own tables in it.
 */
import './converge-steps/kinds.ts';
import './converge-steps/move-aside.ts';
import './converge-steps/create-schema.ts';
import './converge-steps/create-extension.ts';
import './converge-steps/create-enum.ts';
import './converge-steps/create-table.ts';
import './converge-steps/add-column.ts';
import './converge-steps/backfill.ts';
import './converge-steps/rename-column.ts';
import './converge-steps/rename-constraint.ts';
import './converge-steps/retype.ts';
import './converge-steps/set-not-null.ts';
import './converge-steps/add-unique.ts';
import './converge-steps/add-check.ts';
import './converge-steps/add-foreign-key.ts';
import './converge-steps/change-foreign-key.ts';
import './converge-steps/validate-constraint.ts';
import './converge-steps/create-index.ts';
import './converge-steps/drop-constraint.ts';
import './converge-steps/drop-index.ts';
import './converge-steps/replace-logic.ts';
import './converge-steps/secure.ts';
import './converge-steps/drop-column.ts';
import './converge-steps/drop-table.ts';
import './converge-steps/drop-schema.ts';
import './converge-steps/drop-enum.ts';
import { dropSharedDatabaseAfterAll } from './converge-steps/support.ts';

dropSharedDatabaseAfterAll();
