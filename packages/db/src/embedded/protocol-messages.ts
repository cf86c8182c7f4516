/** The few PostgreSQL protocol messages db:serve reads or writes itself. */

const protocol3 = 196608;

/** A StartupMessage: length, then protocol version 3.0 (no type byte). */
export function isStartup(message: Uint8Array): boolean {
  if (message.length < 8) return false;
  return new DataView(message.buffer, message.byteOffset).getInt32(4) === protocol3;
}

/** The name/value pairs of a StartupMessage. */
export function startupParameters(message: Uint8Array): Record<string, string> {
  const parts = Buffer.from(message.subarray(8)).toString('utf8').split('\0');
  const out: Record<string, string> = {};
  for (let i = 0; i + 1 < parts.length && parts[i]; i += 2)
    out[parts[i] as string] = parts[i + 1] ?? '';
  return out;
}

/** The SQL text of a Query ('Q') or Parse ('P') message. */
export function sqlText(message: Uint8Array): string {
  const body = message.subarray(5);
  const start = message[0] === 'P'.charCodeAt(0) ? body.indexOf(0) + 1 : 0;
  const end = body.indexOf(0, start);
  return Buffer.from(body.subarray(start, end < 0 ? body.length : end)).toString('utf8');
}

function frame(type: string, body: Buffer): Uint8Array {
  const out = Buffer.alloc(5 + body.length);
  out[0] = type.charCodeAt(0);
  out.writeInt32BE(4 + body.length, 1);
  body.copy(out, 5);
  return out;
}

export function parameterStatus(name: string, value: string): Uint8Array {
  return frame('S', Buffer.from(`${name}\0${value}\0`));
}

/** An ErrorResponse: severity, SQLSTATE and the message (one line). */
export function errorResponse(severity: 'ERROR' | 'FATAL', code: string, message: string) {
  const fields = [`S${severity}`, `V${severity}`, `C${code}`, `M${message}`];
  return frame('E', Buffer.from(`${fields.join('\0')}\0\0`));
}

/** ReadyForQuery: 'I' idle, 'T' in a transaction. */
export function readyForQuery(status: 'I' | 'T'): Uint8Array {
  return frame('Z', Buffer.from(status));
}
