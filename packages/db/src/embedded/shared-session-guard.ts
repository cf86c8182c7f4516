/**
 * What db:serve refuses because every client shares PGlite's one session: a statement whose
 * effect would outlive its own transaction and reach the other clients, or end the session
 * for all of them. Checked on the SQL text of a Query or Parse message, outside string
 * literals, quoted names and comments:
 * - a session-level SET (or set_config(…, false)): it would change every client's setting.
 *   SET LOCAL, set_config(…, true), SET TRANSACTION and SET CONSTRAINTS end with their
 *   transaction, which db:serve keeps with its one connection, so they stay allowed;
 * - a setting that ends sessions (idle_in_transaction_session_timeout, idle_session_timeout,
 *   transaction_timeout) to anything but 0, even LOCAL: it would end the one session;
 * - ALTER SYSTEM (DATABASE, ROLE) … SET of such a setting: the next start would end too;
 * - DISCARD (drops every client's prepared statements), LISTEN (a notification would go to
 *   whichever client runs next, not the listener) and pg_terminate_backend.
 * Returns the one line to answer with, or undefined when the text may run.
 */

const sessionEnding = new Set([
  'idle_in_transaction_session_timeout',
  'idle_session_timeout',
  'transaction_timeout',
]);

type Token = { kind: 'word' | 'literal' | 'symbol'; text: string };

/** Splits SQL into words, literals and symbols; comments are dropped. */
function tokens(sql: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < sql.length) {
    const c = sql[i] as string;
    const next = sql[i + 1];
    if (/\s/.test(c)) {
      i++;
    } else if (c === '-' && next === '-') {
      const end = sql.indexOf('\n', i);
      i = end < 0 ? sql.length : end + 1;
    } else if (c === '/' && next === '*') {
      let depth = 1;
      i += 2;
      while (i < sql.length && depth > 0) {
        const pair = sql.slice(i, i + 2);
        depth += pair === '/*' ? 1 : pair === '*/' ? -1 : 0;
        i += pair === '/*' || pair === '*/' ? 2 : 1;
      }
    } else if (c === "'" || ((c === 'e' || c === 'E') && next === "'")) {
      const backslashes = c !== "'";
      let j = backslashes ? i + 2 : i + 1;
      for (; j < sql.length; j++) {
        if (backslashes && sql[j] === '\\') j++;
        else if (sql[j] === "'") {
          if (sql[j + 1] === "'") j++;
          else break;
        }
      }
      out.push({ kind: 'literal', text: sql.slice(backslashes ? i + 2 : i + 1, j) });
      i = j + 1;
    } else if (c === '"') {
      const end = sql.indexOf('"', i + 1);
      out.push({ kind: 'word', text: sql.slice(i + 1, end < 0 ? sql.length : end) });
      i = end < 0 ? sql.length : end + 1;
    } else if (c === '$' && /^\$([A-Za-z_]\w*)?\$/.test(sql.slice(i))) {
      const tag = (sql.slice(i).match(/^\$([A-Za-z_]\w*)?\$/) as RegExpMatchArray)[0];
      const end = sql.indexOf(tag, i + tag.length);
      out.push({ kind: 'literal', text: sql.slice(i + tag.length, end < 0 ? sql.length : end) });
      i = end < 0 ? sql.length : end + tag.length;
    } else if (/[A-Za-z_]/.test(c)) {
      const word = (sql.slice(i).match(/^[A-Za-z_][\w$.]*/) as RegExpMatchArray)[0];
      out.push({ kind: 'word', text: word.toLowerCase() });
      i += word.length;
    } else {
      out.push({ kind: 'symbol', text: c });
      i++;
    }
  }
  return out;
}

function statements(list: Token[]): Token[][] {
  const out: Token[][] = [[]];
  for (const token of list) {
    if (token.kind === 'symbol' && token.text === ';') out.push([]);
    else out.at(-1)?.push(token);
  }
  return out.filter((statement) => statement.length > 0);
}

const isZero = (value: Token | undefined) =>
  value !== undefined && /^\s*0\s*(ms|s|min)?\s*$/i.test(value.text);

const word = (token: Token | undefined) => (token?.kind === 'word' ? token.text : '');

const advice =
  'use SET LOCAL (or set_config(…, true)) inside a transaction, or a PostgreSQL server';

function checkSet(statement: Token[]): string | undefined {
  const second = word(statement[1]);
  if (second === 'transaction' || second === 'constraints') return undefined;
  const local = second === 'local';
  const nameAt = local || second === 'session' ? 2 : 1;
  const name = word(statement[nameAt]);
  const valueAt = statement[nameAt + 1]?.text === '=' || word(statement[nameAt + 1]) === 'to';
  const value = statement[nameAt + (valueAt ? 2 : 1)];
  if (sessionEnding.has(name) && !isZero(value)) {
    return `db:serve refuses SET ${name}: it would end the session every client of db:serve shares (db:serve ends idle transactions itself, see its --idle-in-transaction)`;
  }
  if (local) return undefined;
  return `db:serve refuses a session-level SET${name ? ` of ${name}` : ''}: every client of db:serve shares one session, so it would change the setting for all of them; ${advice}`;
}

/** set_config(name, value, is_local) calls: refused unless local (and never session-ending). */
function checkSetConfig(statement: Token[]): string | undefined {
  for (let i = 0; i < statement.length; i++) {
    if (!/(^|\.)set_config$/.test(word(statement[i])) || statement[i + 1]?.text !== '(') continue;
    let depth = 0;
    const args: Token[][] = [[]];
    for (let j = i + 1; j < statement.length; j++) {
      const token = statement[j] as Token;
      if (token.text === '(' && token.kind === 'symbol') depth++;
      else if (token.text === ')' && token.kind === 'symbol') {
        if (--depth === 0) break;
      } else if (token.text === ',' && token.kind === 'symbol' && depth === 1) {
        args.push([]);
        continue;
      }
      if (depth >= 1 && !(depth === 1 && token.text === '(')) args.at(-1)?.push(token);
    }
    const name = args[0]?.[0];
    const value = args[1];
    const local = args[2]?.length === 1 && word(args[2][0]) === 'true';
    if (
      (name?.kind !== 'literal' || sessionEnding.has(name.text.toLowerCase())) &&
      !(value?.length === 1 && isZero(value[0]))
    ) {
      return `db:serve refuses set_config of ${name?.kind === 'literal' ? name.text : 'a setting it cannot name'}: it could end the session every client of db:serve shares`;
    }
    if (!local) {
      return `db:serve refuses set_config(…, false): every client of db:serve shares one session, so it would change the setting for all of them; ${advice}`;
    }
  }
  return undefined;
}

/** ALTER SYSTEM / DATABASE / ROLE … SET of a session-ending setting: the next start would end. */
function checkAlterSet(statement: Token[]): string | undefined {
  for (let i = 1; i + 1 < statement.length; i++) {
    if (word(statement[i]) !== 'set') continue;
    const name = word(statement[i + 1]);
    if (!sessionEnding.has(name)) continue;
    const valueAt = statement[i + 2]?.text === '=' || word(statement[i + 2]) === 'to' ? 3 : 2;
    if (isZero(statement[i + valueAt])) continue;
    return `db:serve refuses setting ${name} for later sessions: PGlite's one session would end when it next starts, and with it every client of db:serve`;
  }
  return undefined;
}

function checkStatement(statement: Token[]): string | undefined {
  const first = word(statement[0]);
  if (first === 'set') return checkSet(statement);
  if (first === 'alter') return checkAlterSet(statement);
  if (first === 'discard') {
    return "db:serve refuses DISCARD: it would drop every client's prepared statements and temporary tables, since they all share one session";
  }
  if (first === 'listen') {
    return 'db:serve refuses LISTEN: its clients share one session, so a notification would reach whichever client runs next, not the listener; use a PostgreSQL server (DATABASE_URL) for LISTEN/NOTIFY';
  }
  if (statement.some((token) => /(^|\.)pg_terminate_backend$/.test(word(token)))) {
    return 'db:serve refuses pg_terminate_backend: its clients share one session, which would end for all of them; stop db:serve instead';
  }
  return checkSetConfig(statement);
}

/** The refusal for `sql`, or undefined when db:serve may run it. */
export function refusalOf(sql: string): string | undefined {
  const lower = sql.toLowerCase();
  // Most statements name none of these: skip the tokenizer for them.
  if (!/\b(set|discard|listen|pg_terminate_backend|set_config)\b/.test(lower)) return undefined;
  for (const statement of statements(tokens(sql))) {
    const refusal = checkStatement(statement);
    if (refusal) return refusal;
  }
  return undefined;
}
