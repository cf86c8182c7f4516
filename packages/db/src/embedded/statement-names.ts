/**
 * Named prepared statements and portals for db:serve. Every client of db:serve shares PGlite's
 * one session, so two clients that prepare a statement of the same name (node-postgres's
 * `{ name }`, this package's hot reads) would collide ("prepared statement … already exists"),
 * and one could run the other's. Each client's names are given its own prefix on the way in
 * (Parse, Bind, Describe, Close, Execute); the replies never carry a name, so nothing changes
 * on the way out. The unnamed statement and portal stay unnamed: a batch keeps the session
 * to itself up to its Sync, so they never mix.
 */

const code = (c: string) => c.charCodeAt(0);
const parse = code('P');
const bind = code('B');
const describe = code('D');
const close = code('C');
const execute = code('E');
const statementKind = code('S');

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** The NUL-terminated string at `at`, and where the next field starts. */
function cString(body: Uint8Array, at: number): [string, number] {
  const end = body.indexOf(0, at);
  const stop = end < 0 ? body.length : end;
  return [decoder.decode(body.subarray(at, stop)), stop + 1];
}

function frame(type: number, parts: Uint8Array[]): Uint8Array {
  const length = 4 + parts.reduce((sum, part) => sum + part.length, 0);
  const out = new Uint8Array(1 + length);
  out[0] = type;
  new DataView(out.buffer).setInt32(1, length);
  let at = 5;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

const named = (prefix: string, name: string) =>
  encoder.encode(`${name === '' ? '' : prefix + name}\0`);

export interface RenamedMessage {
  message: Uint8Array;
  /** A statement this message prepares (Parse) or closes (Close 'S'), as renamed. */
  prepared?: string;
  closed?: string;
}

/** `message` with the client's statement and portal names given `prefix`. */
export function renameStatements(message: Uint8Array, prefix: string): RenamedMessage {
  const type = message[0] ?? 0;
  const body = message.subarray(5);
  if (type === parse) {
    const [name, rest] = cString(body, 0);
    if (name === '') return { message };
    return {
      message: frame(type, [named(prefix, name), body.subarray(rest)]),
      prepared: prefix + name,
    };
  }
  if (type === bind) {
    const [portal, next] = cString(body, 0);
    const [statement, rest] = cString(body, next);
    if (portal === '' && statement === '') return { message };
    return {
      message: frame(type, [named(prefix, portal), named(prefix, statement), body.subarray(rest)]),
    };
  }
  if (type === describe || type === close) {
    const kind = body[0] ?? 0;
    const [name, rest] = cString(body, 1);
    if (name === '') return { message };
    const renamed = frame(type, [Uint8Array.of(kind), named(prefix, name), body.subarray(rest)]);
    return type === close && kind === statementKind
      ? { message: renamed, closed: prefix + name }
      : { message: renamed };
  }
  if (type === execute) {
    const [portal, rest] = cString(body, 0);
    if (portal === '') return { message };
    return { message: frame(type, [named(prefix, portal), body.subarray(rest)]) };
  }
  return { message };
}
