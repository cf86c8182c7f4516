/**
 * CREATE INDEX blocks every write to its table while it builds. Online: CREATE INDEX
 * CONCURRENTLY, outside a transaction (reads and writes go on; the runner's advisory lock is a
 * session lock so it does not wait on itself). A build that fails or is killed leaves an
 * invalid index behind: the step finds it, drops it and builds it again.
 */
import {
  codeOf,
  ident,
  nameFrom,
  type OnlineForm,
  type StatementKind,
  tableName,
} from '../model.ts';

const pattern = new RegExp(
  String.raw`^create\s+(unique\s+)?index\s+(?!concurrently\b)(if\s+not\s+exists\s+)?"((?:[^"]|"")+)"\s+on\s+(?:only\s+)?${tableName}([\s\S]*)$`,
  'i',
);

function form(statement: string): OnlineForm | undefined {
  const match = pattern.exec(codeOf(statement));
  if (!match) return undefined;
  const unique = match[1] ? 'unique ' : '';
  const name = (match[3] ?? '').replaceAll('""', '"');
  const table = nameFrom(match[4], match[5]);
  const rest = match[6] ?? '';
  return {
    kind: 'create index',
    table,
    form: 'CREATE INDEX CONCURRENTLY (an invalid index left by a failure is rebuilt)',
    async steps() {
      return [
        {
          what: `build index ${name} on ${table} concurrently`,
          action: {
            kind: 'concurrent-index',
            index: name,
            sql: `create ${unique}index concurrently if not exists ${ident(name)} on ${ident(table)}${rest}`,
          },
          undo: [`drop index concurrently if exists ${ident(name)}`],
        },
      ];
    },
  };
}

export const createIndex: StatementKind = { name: 'create index', match: form };
