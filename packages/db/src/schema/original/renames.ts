/**
 * The columns this schema renames in the original FluxCore database (harvan88/FluxCoreChat, the
 * state recorded in shared/reference/fluxcore-2026-02/), read by db:converge, the audit and the
 * docs. Every other table and column keeps its original SQL and property name.
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
  {
    table: 'workspace_invitations',
    from: 'token',
    to: 'token_hash',
    transform: {
      using: "encode(sha256(convert_to({from}, 'UTF8')), 'hex')",
      description: 'sha256 of the plaintext invitation token, hex',
    },
    reason:
      'an invitation token lets whoever holds it join a workspace: a leaked database must not leak live ones, so store a hash and compare hashes',
  },
];
