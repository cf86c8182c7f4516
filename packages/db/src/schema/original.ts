/**
 * What this schema changes about the original FluxCore database (harvan88/FluxCoreChat, the
 * state recorded in shared/reference/fluxcore-2026-02/). One place, read by db:converge, the
 * audit and the docs. Every other table and column keeps its original SQL and property name.
 */

/**
 * How a renamed column's data changes form. `using` is a SQL expression over the row being
 * converged; `{from}` stands for the original column (already quoted by the reader).
 */
export interface RenameTransform {
  readonly using: string;
  /** One line for the docs and the converge plan. */
  readonly description: string;
}

export interface OriginalRename {
  /** SQL table name (the same in both). */
  readonly table: string;
  /** The original's SQL column name. */
  readonly from: string;
  /** This schema's SQL column name. */
  readonly to: string;
  /** Present where the data changes form; absent for a plain rename. */
  readonly transform?: RenameTransform;
  /** Why this is worth breaking the original app's code for. */
  readonly reason: string;
}

/** Each rename must be worth breaking the original app's code: a tidier name is not. */
export const originalRenames: readonly OriginalRename[] = [
  {
    table: 'password_reset_tokens',
    from: 'token',
    to: 'token_hash',
    transform: {
      using: "encode(sha256(convert_to({from}, 'UTF8')), 'hex')",
      description: 'sha256 of the plaintext token, hex',
    },
    reason: 'a leaked database must not leak live reset tokens: store a hash and compare hashes',
  },
  {
    table: 'password_reset_tokens',
    from: 'used',
    to: 'used_at',
    transform: {
      using: 'case when {from} then created_at end',
      description:
        'true becomes the token creation time (the real moment was never stored); false becomes null',
    },
    reason: 'a single-use token needs to record when it was spent, for audit and replay checks',
  },
];

/**
 * A column whose type this schema tightens (an enum instead of a varchar, timestamptz instead
 * of timestamp, a shorter length). db:converge checks every value fits before it retypes.
 */
export interface OriginalTypeChange {
  readonly table: string;
  readonly column: string;
  /** The original's type, as pg_dump renders it. */
  readonly from: string;
  /** This schema's type, as pg_dump renders it. */
  readonly to: string;
  readonly reason: string;
}

/** Filled by the schema-of-record work: every non-widening type change, with its reason. */
export const originalTypeChanges: readonly OriginalTypeChange[] = [];

/**
 * The logic the original keeps in the database (triggers and functions, see the reference
 * README). For each one: the package provides it (a migration it owns, or a typed operation
 * that replaces it), or it belongs to the deployment. The audit reads this list: a declared
 * object is reported as such, an undeclared one as unexpected.
 */
export interface DatabaseLogicDecision {
  readonly kind: 'function' | 'trigger' | 'view' | 'schema';
  /** Schema-qualified for functions and views (`public.get_monthly_usage`); for triggers, the trigger name. */
  readonly name: string;
  /** For triggers: the table it is on. */
  readonly table?: string;
  /** `package`: this package ships it (migration) or replaces it (operation). `deployment`: kept by whoever runs the database. */
  readonly owner: 'package' | 'deployment';
  /** Where the package provides it (migration tag or operation name), or why it is the deployment's. */
  readonly how: string;
}

/** Filled by the schema-of-record work. */
export const originalDatabaseLogic: readonly DatabaseLogicDecision[] = [];
