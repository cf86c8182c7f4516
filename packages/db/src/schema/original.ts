/**
 * What this schema changes about the original FluxCore database (harvan88/FluxCoreChat, the
 * state recorded in shared/reference/fluxcore-2026-02/). One place, read by db:converge, the
 * audit and the docs. Every other table and column keeps its original SQL and property name.
 */

import { type TypeChangeReason, typeChangesByTable } from './original-type-changes.ts';

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

/**
 * A column this schema adds, NOT NULL with no default, whose value every existing row of the
 * original can be given. db:converge adds the column nullable, fills it with `using`, checks no
 * row is left null and only then sets NOT NULL. `using` is a SQL expression over the original's
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

/** Each new NOT NULL column without a default that the original's rows can be given. */
export const originalBackfills: readonly OriginalBackfill[] = [
  {
    table: 'credits_ledger',
    column: 'wallet_id',
    using: '(select w.id from credits_wallets as w where w.account_id = credits_ledger.account_id)',
    description: "the account's wallet",
    reason:
      'the original keeps one wallet per account (credits_wallets_account_unique), and every entry moved that wallet; an account with entries but no wallet is refused by the NOT NULL check',
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
];

/**
 * A column whose type this schema tightens (an enum instead of a varchar, timestamptz instead
 * of timestamp, a shorter length, a new NOT NULL). db:converge checks every value fits before
 * it retypes. A widening (a longer varchar, varchar to text, integer to bigint, a wider
 * numeric, NOT NULL dropped) is never listed: see isWidening.
 */
export interface OriginalTypeChange {
  readonly table: string;
  readonly column: string;
  /**
   * The original's type, as pg_dump renders it (`character varying(20)`), followed by
   * ` NOT NULL` when the column has it. parseColumnType splits the two.
   */
  readonly from: string;
  /** This schema's type, rendered the same way. */
  readonly to: string;
  readonly reason: string;
}

const typeChangeReasons: Record<TypeChangeReason, string> = {
  timestamptz:
    'timestamptz: a moment, not a wall-clock reading, so no reader guesses the zone; converge reads the stored values in the zone the original ran in',
  closedSet:
    'a closed set: the enum refuses a value no code knows; converge checks every stored value is one of its labels',
  notNull:
    'every row has a value (its default fills new rows) and the code never handles null here; converge checks there is no null',
  enumRenamed:
    "the original's enum under this package's name, with the same labels; converge maps each value by its label",
  jsonText:
    'JSON kept as text: jsonb validates it and the code reads it typed; converge checks every value parses as JSON of the right kind',
  idTyped: 'an id: uuid, like every key; converge checks every value is a uuid',
  inet: 'an IP address: inet validates it and compares addresses; converge checks every value parses',
  booleanText:
    "a flag kept as the text 'true' or 'false': a boolean; converge checks each value is one of the two",
  providers:
    'the allowed AI providers as an enum array instead of a JSON list, so the default-provider check can read it; converge checks each element is a known provider',
  serviceIds:
    "the staff member's service ids as uuid[] instead of a JSON list; converge checks each element is a uuid",
  currency: 'an ISO 4217 code is exactly three capital letters (a check enforces it)',
  checksum: 'a sha-256 in hex is exactly 64 characters (a check enforces lowercase hex)',
  domainLength: 'a DNS name is at most 253 characters',
};

const shortTypes: Record<string, string> = {
  timestamp: 'timestamp without time zone',
  timestamptz: 'timestamp with time zone',
  'timestamp(3)': 'timestamp(3) without time zone',
  'timestamptz(3)': 'timestamp(3) with time zone',
};

/** `varchar(20)!` → `character varying(20) NOT NULL` (see original-type-changes.ts). */
function renderType(short: string): string {
  const notNull = short.endsWith('!');
  const bare = notNull ? short.slice(0, -1) : short;
  const type =
    shortTypes[bare] ??
    bare
      .replace(/^varchar\((\d+)\)$/, 'character varying($1)')
      .replace(/^char\((\d+)\)$/, 'character($1)');
  return notNull ? `${type} NOT NULL` : type;
}

/** Every non-widening type change, with its reason (data: original-type-changes.ts). */
export const originalTypeChanges: readonly OriginalTypeChange[] = Object.entries(
  typeChangesByTable,
).flatMap(([table, rows]) =>
  rows.map(([column, from, to, reason]) => ({
    table,
    column,
    from: renderType(from),
    to: renderType(to),
    reason: typeChangeReasons[reason],
  })),
);

/** `character varying(20) NOT NULL` → `{ type: 'character varying(20)', notNull: true }`. */
export function parseColumnType(rendered: string): { type: string; notNull: boolean } {
  const notNull = rendered.endsWith(' NOT NULL');
  return { type: notNull ? rendered.slice(0, -' NOT NULL'.length) : rendered, notNull };
}

const varcharLength = (type: string) => /^character varying\((\d+)\)$/.exec(type)?.[1];
const numericSize = (type: string) => /^numeric\((\d+),(\d+)\)$/.exec(type);

/**
 * Whether every value of type `from` fits `to` unchanged, so the change needs no check: the
 * same type, a longer varchar, varchar to text, integer to bigint, a numeric with at least as
 * many digits on both sides of the point, or NOT NULL dropped. Types as pg_dump renders them,
 * with ` NOT NULL` as in OriginalTypeChange.
 */
export function isWidening(from: string, to: string): boolean {
  const a = parseColumnType(from);
  const b = parseColumnType(to);
  if (b.notNull && !a.notNull) return false;
  if (a.type === b.type) return true;
  const [la, lb] = [varcharLength(a.type), varcharLength(b.type)];
  if (la && lb) return Number(lb) >= Number(la);
  if (la && b.type === 'text') return true;
  if (a.type === 'integer' && b.type === 'bigint') return true;
  const [na, nb] = [numericSize(a.type), numericSize(b.type)];
  if (na && nb) {
    const [pa, sa, pb, sb] = [na[1], na[2], nb[1], nb[2]].map(Number) as [
      number,
      number,
      number,
      number,
    ];
    return sb >= sa && pb - sb >= pa - sa;
  }
  return na !== null && b.type === 'numeric';
}

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
