/**
 * A column this schema adds, with no default, whose value existing rows of the original can be
 * given. db:converge adds the column nullable and fills it with `using`; where the column is NOT
 * NULL it checks no row is left null and only then sets NOT NULL. `using` is a SQL expression over the original's
 * row, by its original column names (none of them renamed), and may read other tables.
 */
export interface OriginalBackfill {
  readonly table: string;
  /** This schema's new column. */
  readonly column: string;
  readonly using: string;
  /** One line for the docs and the converge plan. */
  readonly description: string;
  /** Why the value is right for every row the original wrote. */
  readonly reason: string;
}

/**
 * Each new column without a default that the original's rows can be given, and each column
 * that becomes NOT NULL here whose nulls the original's rows can be given (converge fills the
 * nulls with `using` before it sets NOT NULL).
 */
export const originalBackfills: readonly OriginalBackfill[] = [
  {
    table: 'accounts',
    column: 'alias',
    using: 'username',
    description: 'its username',
    reason:
      "May's 045 filled every alias from its username and made it NOT NULL; a February account has none, and the trigger accounts_alias_from_username (0042) gives a row written without one its username the same way",
  },
  {
    table: 'credits_ledger',
    column: 'wallet_id',
    using: '(select w.id from credits_wallets as w where w.account_id = credits_ledger.account_id)',
    description: "the account's wallet",
    reason:
      'the original keeps one wallet per account (credits_wallets_account_unique), and every entry moved that wallet; an entry whose account has no wallet keeps null, as the original writes it',
  },
  {
    table: 'asset_upload_sessions',
    column: 'chunks_total',
    using:
      'greatest(ceil(coalesce(total_bytes, 0) / 5242880.0), coalesce(chunks_received, 0))::integer',
    description:
      'the chunks its declared size takes at the default chunk size, never fewer than it received',
    reason:
      "the original never stored the chunk count; every original session uses this schema's default chunk size (5 MiB), so its size gives the count, and a session without a declared size has received all its chunks so far",
  },
  ...(['a', 'b'] as const).map(
    (side): OriginalBackfill => ({
      table: 'messages',
      column: `tenant_${side}_id`,
      using: `(select r.account_${side}_id from conversations as c join relationships as r on r.id = c.relationship_id where c.id = messages.conversation_id)`,
      description: `its conversation's relationship's account_${side}_id`,
      reason:
        "row-level security reads a message's tenants here (0059); the original wrote none, and its relationships hold them: a message of a conversation with no relationship keeps null, which no tenant sees, as before",
    }),
  ),
];
