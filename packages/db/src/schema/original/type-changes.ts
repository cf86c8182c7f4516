import { type TypeChangeReason, typeChangesByTable } from './type-change-data/index.ts';

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
  filledFromUsername:
    "never null, as May's 045 made it: a row written without an alias (February's app writes none) or with alias set to null takes its username (trigger accounts_alias_from_username, 0042); converge fills February's nulls the same way",
  notNullSqlOnly:
    "a table the original's Drizzle schema does not declare (its SQL scripts 015, 019 and 020 made it): its only writers are the original's SQL functions and triggers, which this package replaces, and metrics.service.ts, which writes `dimensions || {}`; the column has a default, and converge fills a stored null with it",
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

/** `varchar(20)!` → `character varying(20) NOT NULL` (see type-change-data/index.ts). */
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

/** Every non-widening type change, with its reason (data: type-change-data/). */
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
  // A vector of N dimensions into a vector of any dimension (pgvector's typmod dropped).
  if (/^vector\(\d+\)$/.test(a.type) && b.type === 'vector') return true;
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
