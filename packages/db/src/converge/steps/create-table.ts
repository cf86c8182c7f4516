/**
 * A table the schema declares that the database lacks: created with its columns (constraints
 * and indexes are their own steps), and the sequences its serial columns draw from. It holds
 * no row yet, so no data check, and online as it is.
 */
import type { LiveTable } from '../../catalog/introspect.ts';
import { quote } from '../pair.ts';
import { asIs, makeStep, type StepKind } from './kind.ts';

/**
 * A new table, with the sequences its serial columns draw from (a default of
 * `nextval('t_id_seq'::regclass)`): created first, then owned by the column, as serial does.
 */
function createTableSql(want: LiveTable): string[] {
  const columns = [...want.columns.values()].sort((a, b) => a.position - b.position);
  const sequences = columns.flatMap((c) => {
    const match = /^nextval\('([^']+)'::regclass\)$/.exec(c.default ?? '');
    return match ? [{ column: c, sequence: match[1] as string }] : [];
  });
  return [
    ...sequences.map(
      ({ column, sequence }) =>
        `create sequence if not exists ${sequence}${/^(integer|smallint|bigint)$/.test(column.type) ? ` as ${column.type}` : ''}`,
    ),
    `create table ${quote(want.name)} (\n${columns.map((c) => `  ${quote(c.name)} ${c.type}${c.default === null ? '' : ` default ${c.default}`}${c.notNull ? ' not null' : ''}`).join(',\n')}\n)`,
    ...sequences.map(
      ({ column, sequence }) =>
        `alter sequence ${sequence} owned by ${quote(want.name)}.${quote(column.name)}`,
    ),
  ];
}

export const createTable: StepKind<{ table: LiveTable }> = {
  name: 'create-table',
  checks: {},
  build({ table }) {
    const sql = createTableSql(table);
    return [
      makeStep('create-table', 'create', table.name, `create table ${table.name}`, sql, {
        online: asIs(sql, [`drop table if exists ${quote(table.name)}`]),
      }),
    ];
  },
};
