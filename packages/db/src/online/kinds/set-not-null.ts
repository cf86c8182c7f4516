/**
 * SET NOT NULL scans the whole table under an ACCESS EXCLUSIVE lock. Online: a CHECK (c IS NOT
 * NULL) added NOT VALID, validated without blocking writes, then SET NOT NULL, which PostgreSQL
 * (12 and later) proves from the validated check without a scan, and the check dropped.
 */
import { offenders, refuseOffenders } from '../data-check.ts';
import {
  codeOf,
  derivedName,
  ident,
  nameFrom,
  type OnlineForm,
  type StatementKind,
  tableName,
} from '../model.ts';

const pattern = new RegExp(
  String.raw`^alter\s+table\s+(?:only\s+)?${tableName}\s+alter\s+column\s+"((?:[^"]|"")+)"\s+set\s+not\s+null$`,
  'i',
);

function form(statement: string): OnlineForm | undefined {
  const match = pattern.exec(codeOf(statement));
  if (!match) return undefined;
  const table = nameFrom(match[1], match[2]);
  const column = (match[3] ?? '').replaceAll('""', '"');
  const t = ident(table);
  const c = ident(column);
  const check = ident(derivedName(`${table}_${column}`, '_flux_not_null'));
  return {
    kind: 'set not null',
    table,
    form: 'CHECK (c IS NOT NULL) NOT VALID, VALIDATE, then SET NOT NULL (no scan) and drop the check',
    async check(session) {
      const found = await offenders(session, table, `${c} is null`, `row_to_json(${t})`);
      refuseOffenders(
        found,
        `${table}.${column}`,
        'are null and the migration sets NOT NULL',
        `fill them (update ${table} set ${column} = … where ${column} is null) or delete those rows, and run again`,
      );
    },
    async steps() {
      return [
        {
          what: `add check ${table}.${column} is not null, not valid`,
          action: {
            kind: 'transaction',
            sql: [
              `alter table ${t} drop constraint if exists ${check}`,
              `alter table ${t} add constraint ${check} check (${c} is not null) not valid`,
            ],
          },
          undo: [`alter table ${t} drop constraint if exists ${check}`],
        },
        {
          what: `validate the not-null check of ${table}.${column}`,
          action: { kind: 'transaction', sql: [`alter table ${t} validate constraint ${check}`] },
          undo: [],
        },
        {
          what: `set ${table}.${column} not null (proven by the check) and drop the check`,
          action: {
            kind: 'transaction',
            sql: [
              `alter table ${t} alter column ${c} set not null`,
              `alter table ${t} drop constraint ${check}`,
            ],
          },
          undo: [`alter table ${t} alter column ${c} drop not null`],
        },
      ];
    },
  };
}

export const setNotNull: StatementKind = { name: 'set not null', match: form };
