/**
 * How a value of one type becomes another in a retype: the USING expression, and which
 * conversions cannot fail or need no rewrite (read by the retype step and its check).
 */
import type { LiveColumn } from '../catalog/introspect.ts';

export const textual = (type: string) => /^(character varying|character|text)\b/.test(type);
export const lengthOf = (type: string) => {
  const match = /^(?:character varying|character)\((\d+)\)$/.exec(type);
  return match ? Number(match[1]) : null;
};

/** Conversions that cannot fail for any value (a length or enum check covers the rest). */
export function castCannotFail(from: string, to: string, toEnum: boolean): boolean {
  if (toEnum) return true;
  if (to === 'text' || (textual(from) && textual(to))) return true;
  if (from === 'timestamp without time zone' && to === 'timestamp with time zone') return true;
  if (from === 'integer' && to === 'bigint') return true;
  if (from === 'smallint' && (to === 'integer' || to === 'bigint')) return true;
  return false;
}

/**
 * The USING expression that turns a live value (`ref`) into the target type. A stored
 * wall-clock time (timestamp) is read in `timeZone`: the database's TimeZone, or --time-zone.
 */
export function castSql(
  ref: string,
  from: LiveColumn | undefined,
  to: LiveColumn,
  timeZone = 'UTC',
): string {
  const fromType = from?.type ?? 'text';
  if (to.enumType && !to.type.endsWith('[]')) return `(${ref})::text::${to.type}`;
  if (fromType === 'jsonb' && to.type.endsWith('[]'))
    return `translate((${ref})::text, '[]', '{}')::${to.type}`;
  if (fromType === 'timestamp without time zone' && to.type === 'timestamp with time zone')
    return `(${ref}) at time zone '${timeZone.replaceAll("'", "''")}'`;
  return `(${ref})::${to.type}`;
}

/** A retype that PostgreSQL does without rewriting the table (a wider varchar, text). */
export function castCannotFailWithoutRewrite(from: string, to: string): boolean {
  if (to === 'text' && textual(from)) return true;
  const a = lengthOf(from);
  const b = lengthOf(to);
  return (
    from.startsWith('character varying') &&
    to.startsWith('character varying') &&
    (b === null || (a !== null && b >= a))
  );
}
