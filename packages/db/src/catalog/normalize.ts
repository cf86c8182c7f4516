/**
 * Puts drizzle-kit's rendering of a type or an expression and PostgreSQL's rendering of the
 * same thing into one form, so they compare equal when they mean the same.
 */

const typeNames: [RegExp, string][] = [
  [/^varchar\((\d+)\)/, 'character varying($1)'],
  [/^varchar\b/, 'character varying'],
  [/^char\((\d+)\)/, 'character($1)'],
  [/^char\b/, 'character'],
  [/^numeric\((\d+),\s*(\d+)\)/, 'numeric($1,$2)'],
  [/^decimal\b/, 'numeric'],
  [/^timestamp(\(\d\))?$/, 'timestamp$1 without time zone'],
  [/^timestamp(\(\d\))? with time zone$/, 'timestamp$1 with time zone'],
  [/^time(\(\d\))?$/, 'time$1 without time zone'],
  [/^serial$/, 'integer'],
  [/^bigserial$/, 'bigint'],
  [/^smallserial$/, 'smallint'],
  [/^int4?$/, 'integer'],
  [/^int8$/, 'bigint'],
  [/^float8$/, 'double precision'],
  [/^bool$/, 'boolean'],
];

/**
 * Each text is normalised once per process: a schema repeats the same few types and defaults
 * hundreds of times, and every normalisation runs a dozen regular expressions.
 */
function memoized(normalize: (text: string) => string): (text: string) => string {
  const seen = new Map<string, string>();
  return (text) => {
    let normal = seen.get(text);
    if (normal === undefined) {
      normal = normalize(text);
      seen.set(text, normal);
    }
    return normal;
  };
}

const normalTypes = memoized((type) => {
  const array = /(\[\])+$/.exec(type)?.[0] ?? '';
  // drizzle-kit writes `timestamp (3) with time zone`; PostgreSQL `timestamp(3) with time zone`.
  let base = type
    .slice(0, type.length - array.length)
    .trim()
    .replace(/^(timestamp|time) \((\d+)\)/, '$1($2)');
  for (const [pattern, replacement] of typeNames) {
    if (pattern.test(base)) {
      base = base.replace(pattern, replacement);
      break;
    }
  }
  return `${base}${array}`;
});

/** drizzle-kit's type name as PostgreSQL's format_type writes it. */
export function normalizeType(type: string): string {
  return normalTypes(type);
}

const castType =
  /::(character varying|character|timestamp with time zone|timestamp without time zone|time with time zone|time without time zone|double precision|bit varying|[a-z_][a-z0-9_]*)(\(\d+(,\s*\d+)?\))?(\[\])*/g;

/** JSON with every object's keys in one order, so key order and spacing do not count. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) =>
      a < b ? -1 : a > b ? 1 : 0,
    );
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** A `'…'::jsonb` literal in canonical form: PostgreSQL reorders keys drizzle-kit wrote. */
function canonicalJsonLiterals(expression: string): string {
  return expression.replace(/'((?:[^']|'')*)'::jsonb/g, (literal, body: string) => {
    try {
      return `'${canonicalJson(JSON.parse(body.replace(/''/g, "'"))).replace(/'/g, "''")}'::jsonb`;
    } catch {
      return literal;
    }
  });
}

/**
 * Each rewrite runs only on a text that holds what its pattern needs (a cast's `::`, a
 * qualifier's `.`, …): the same result, without scanning every text with every pattern (the
 * audit runs this on the whole live catalog, while its user waits).
 */
const normalExpressions = memoized((expression) => {
  let text = (
    expression.includes('::jsonb') ? canonicalJsonLiterals(expression.trim()) : expression.trim()
  ).toLowerCase();
  if (text.startsWith('check')) text = text.replace(/^check\s*(?=\()/, '');
  if (text.includes('"')) text = text.replace(/"/g, '');
  if (text.includes('.')) text = text.replace(/\b[a-z_][a-z0-9_]*\.(?=[a-z_])/g, '');
  if (text.includes('::')) text = text.replace(castType, '');
  // A quoted number is the number: drizzle-kit quotes numeric defaults ('0.300').
  if (text.includes("'")) text = text.replace(/'(-?\d+(?:\.\d+)?)'/g, '$1');
  if (text.includes('any'))
    text = text.replace(/=\s*any\s*\(\s*array\[([^\]]*)\]\s*\)/g, ' in ($1)');
  if (text.includes('all')) {
    text = text.replace(/<>\s*all\s*\(\s*array\[([^\]]*)\]\s*\)/g, ' not in ($1)');
  }
  if (text.includes('between')) {
    text = text.replace(
      /([a-z_][a-z0-9_]*)\s+between\s+([^\s()]+)\s+and\s+([^\s()]+)/g,
      '$1 >= $2 and $1 <= $3',
    );
  }
  return text.replace(/[()\s]/g, '');
});

/**
 * An expression (default, check, index key, predicate) reduced to what it means: lower case,
 * no quotes, no table qualifiers, no casts, IN and BETWEEN written one way, no parentheses
 * or spaces.
 */
export function normalizeExpression(expression: string | null | undefined): string {
  if (expression === null || expression === undefined) return '';
  // A plain lower-case name (an index key, mostly) is its own normal form: no step above
  // changes it, except the `check` prefix's.
  if (plainName.test(expression) && !expression.startsWith('check')) return expression;
  // `c = ANY ((ARRAY['a'::varchar])::text[])`, as PostgreSQL prints an IN list written on a
  // varchar column, is the IN list it was (the other printed form reduces to IN already).
  return normalExpressions(expression)
    .replace(/=anyarray\[([^\]]*)\]/g, 'in$1')
    .replace(/<>allarray\[([^\]]*)\]/g, 'notin$1');
}

const plainName = /^[a-z_][a-z0-9_]*$/;
