/**
 * ADD CONSTRAINT … FOREIGN KEY / CHECK scans the whole table under its lock. Online: add it
 * NOT VALID (new rows are checked at once, the lock is brief), then VALIDATE in a step of its
 * own, which locks only SHARE UPDATE EXCLUSIVE: reads and writes go on meanwhile.
 * ADD CONSTRAINT … UNIQUE builds its index under the lock: online, the index is built
 * CONCURRENTLY and the constraint adopts it.
 */
import type { SqlSession } from '../../connection/client.ts';
import { offenders, refuseOffenders } from '../data-check.ts';
import {
  codeOf,
  ident,
  nameFrom,
  type OnlineForm,
  type StatementKind,
  tableName,
} from '../model.ts';

const pattern = new RegExp(
  String.raw`^alter\s+table\s+(?:only\s+)?${tableName}\s+add\s+constraint\s+"((?:[^"]|"")+)"\s+(foreign\s+key|check|unique)\s*([\s\S]*)$`,
  'i',
);

const columnList = (text: string) =>
  [...text.matchAll(/"((?:[^"]|"")+)"/g)].map((m) => (m[1] ?? '').replaceAll('""', '"'));

function foreignKeyCheck(rest: string) {
  const match = new RegExp(
    String.raw`^\(([^)]*)\)\s+references\s+${tableName}\s*\(([^)]*)\)`,
    'i',
  ).exec(rest);
  if (!match) return undefined;
  const from = columnList(match[1] ?? '');
  const parent = nameFrom(match[2], match[3]);
  const to = columnList(match[4] ?? '');
  const present = from.map((c) => `t.${ident(c)} is not null`).join(' and ');
  const joined = from.map((c, i) => `p.${ident(to[i] ?? c)} = t.${ident(c)}`).join(' and ');
  const where = `${present} and not exists (select 1 from ${ident(parent)} p where ${joined})`;
  return { from, parent, where };
}

function form(statement: string): OnlineForm | undefined {
  const code = codeOf(statement);
  const match = pattern.exec(code);
  if (!match || /\bnot\s+valid\s*$/i.test(code)) return undefined;
  const table = nameFrom(match[1], match[2]);
  const name = (match[3] ?? '').replaceAll('""', '"');
  const type = (match[4] ?? '').toLowerCase().replace(/\s+/g, ' ');
  const rest = match[5] ?? '';
  const t = ident(table);
  const dropIt = [`alter table ${t} drop constraint if exists ${ident(name)}`];
  if (type === 'unique') return uniqueForm(table, name, rest);
  const fk = type === 'foreign key' ? foreignKeyCheck(rest) : undefined;
  return {
    kind: type === 'check' ? 'add check constraint' : 'add foreign key',
    table,
    form: 'ADD CONSTRAINT … NOT VALID, then VALIDATE CONSTRAINT in a step of its own',
    check: (session) => checkRows(session, { table, name, type, rest, fk }),
    async steps() {
      return [
        {
          what: `add constraint ${name} on ${table} not valid`,
          action: { kind: 'transaction', sql: [`${code} not valid`] },
          undo: dropIt,
        },
        {
          what: `validate constraint ${name} on ${table}`,
          action: {
            kind: 'transaction',
            sql: [`alter table ${t} validate constraint ${ident(name)}`],
          },
          undo: [],
        },
      ];
    },
  };
}

/** ADD CONSTRAINT … UNIQUE: its index built CONCURRENTLY first, then adopted. */
function uniqueForm(table: string, name: string, rest: string): OnlineForm | undefined {
  const t = ident(table);
  const dropIt = [`alter table ${t} drop constraint if exists ${ident(name)}`];
  const columns = /^\(([^)]*)\)/.exec(rest.replace(/^nulls\s+not\s+distinct\s*/i, ''));
  if (!columns || /nulls\s+not\s+distinct/i.test(rest)) return undefined;
  return {
    kind: 'add unique constraint',
    table,
    form: `CREATE UNIQUE INDEX CONCURRENTLY, then ADD CONSTRAINT … UNIQUE USING INDEX`,
    async steps() {
      return [
        {
          what: `build unique index ${name} on ${table} concurrently`,
          action: {
            kind: 'concurrent-index',
            index: name,
            sql: `create unique index concurrently if not exists ${ident(name)} on ${t} (${columns[1]})`,
          },
          undo: [`drop index concurrently if exists ${ident(name)}`],
        },
        {
          what: `add constraint ${name} on ${table} using its index`,
          action: {
            kind: 'transaction',
            sql: [
              `alter table ${t} add constraint ${ident(name)} unique using index ${ident(name)}`,
            ],
          },
          undo: dropIt,
        },
      ];
    },
  };
}

interface ConstraintRows {
  table: string;
  name: string;
  type: string;
  rest: string;
  fk: ReturnType<typeof foreignKeyCheck>;
}

/** The rows that would make VALIDATE fail: refused before any DDL. */
async function checkRows(session: SqlSession, c: ConstraintRows): Promise<void> {
  const { table, name, rest, fk } = c;
  if (c.type === 'check') {
    const found = await offenders(session, table, `not (${rest})`, `row_to_json(${ident(table)})`);
    refuseOffenders(
      found,
      `${table} (constraint ${name})`,
      `break the check ${rest}`,
      `correct them (update ${table} set … where not (${rest})), and run again`,
    );
  } else if (fk) {
    const shown = fk.from.map((col) => `t.${ident(col)}::text`).join(` || ', ' || `);
    const orphans = await offenders(session, table, fk.where, shown, 't');
    refuseOffenders(
      orphans,
      `${table}.${fk.from.join(', ')} (constraint ${name})`,
      `point to no row of ${fk.parent}`,
      `set them to null or to an existing ${fk.parent} row, or delete those rows, and run again`,
    );
  }
}

export const addConstraint: StatementKind = { name: 'add constraint', match: form };
