/**
 * The queue that lets several PostgreSQL connections share PGlite's one session (db:serve).
 *
 * pglite-socket's own queue (0.2.17) keeps a connection only while a transaction is open, so
 * nothing holds an extended-protocol batch (Parse … Sync) together against another client's
 * Parse, and one failed message leaves it stopped for good (electric-sql/pglite #1046).
 * This queue keeps the session with one connection for a whole unit: a simple query, an
 * extended-protocol batch up to its Sync, and a transaction up to its end. It also remembers
 * which connection took a session-level advisory lock (the migrator's), and releases it when
 * that connection goes away, as a server does when a backend exits; the same for the named
 * statements it prepared, which carry a prefix of their own (statement-names.ts) so that two
 * clients may use the same name.
 *
 * It is handed to pglite-socket's PGLiteSocketHandler in place of its own queue, and has the
 * same three methods.
 */
import type { PGlite } from '@electric-sql/pglite';
import { renameStatements } from './statement-names.ts';

interface Job {
  handlerId: number;
  run(): Promise<void>;
}

/** Frontend messages of the extended protocol that belong to a batch ended by Sync ('S'). */
const extendedProtocol = new Set(['P', 'B', 'D', 'E', 'C', 'H'].map((c) => c.charCodeAt(0)));
const simpleQuery = 'Q'.charCodeAt(0);
const sync = 'S'.charCodeAt(0);
const terminate = 'X'.charCodeAt(0);
const advisoryWord = new TextEncoder().encode('advisory');

function mentionsAdvisory(message: Uint8Array): boolean {
  // Cheap scan of the SQL text of a Query or Parse message (ASCII, case-insensitive).
  outer: for (let i = 0; i + advisoryWord.length <= message.length; i++) {
    for (let j = 0; j < advisoryWord.length; j++) {
      if (((message[i + j] ?? 0) | 0x20) !== advisoryWord[j]) continue outer;
    }
    return true;
  }
  return false;
}

interface AdvisoryKey {
  classid: number;
  objid: number;
  objsubid: number;
}

const keyOf = (k: AdvisoryKey) => `${k.classid}:${k.objid}:${k.objsubid}`;

const readyForQuery = 'Z'.charCodeAt(0);
const protocol3 = 196608;

/** A StartupMessage: length, then protocol version 3.0 (no type byte). */
function isStartup(message: Uint8Array): boolean {
  if (message.length < 8) return false;
  return new DataView(message.buffer, message.byteOffset).getInt32(4) === protocol3;
}

/** A ParameterStatus ('S') message. */
function parameterStatus(name: string, value: string): Uint8Array {
  const body = Buffer.from(`${name}\0${value}\0`);
  const out = Buffer.alloc(5 + body.length);
  out[0] = 'S'.charCodeAt(0);
  out.writeInt32BE(4 + body.length, 1);
  body.copy(out, 5);
  return out;
}

export class SessionQueue {
  private jobs: Job[] = [];
  private running = false;
  /** The connection that has the session now (mid-batch or in a transaction), if any. */
  private owner: number | null = null;
  /** Connections whose current unit mentioned an advisory lock. */
  private touchedAdvisory = new Set<number>();
  /** Session-level advisory locks, by the connection that took them. */
  private advisory = new Map<string, { handlerId: number; key: AdvisoryKey }>();
  /** Named prepared statements (renamed: statement-names.ts), by the connection that made them. */
  private statements = new Map<number, Set<string>>();

  /**
   * `report`: parameters added to every startup reply (db:serve's folder id: a client checks
   * it to know which folder it reached; see served-client.ts).
   */
  constructor(
    private readonly db: PGlite,
    private readonly report: Record<string, string> = {},
  ) {}

  enqueue(handlerId: number, original: Uint8Array, onData: (data: Uint8Array) => void) {
    if (isStartup(original)) return this.enqueueStartup(handlerId, original, onData);
    return this.enqueueRaw(handlerId, original, onData);
  }

  private enqueueRaw(handlerId: number, original: Uint8Array, onData: (data: Uint8Array) => void) {
    const renamed = renameStatements(original, `fluxcore_c${handlerId}_`);
    const message = renamed.message;
    if (renamed.prepared) {
      const own = this.statements.get(handlerId) ?? new Set<string>();
      this.statements.set(handlerId, own.add(renamed.prepared));
    }
    if (renamed.closed) this.statements.get(handlerId)?.delete(renamed.closed);
    return new Promise<number>((resolve, reject) => {
      this.jobs.push({
        handlerId,
        run: async () => {
          const type = message[0] ?? 0;
          if (type === terminate) {
            // The shared session must outlive one client's goodbye.
            resolve(0);
            return;
          }
          if (mentionsAdvisory(message)) this.touchedAdvisory.add(handlerId);
          let bytes = 0;
          try {
            await this.db.runExclusive(() =>
              this.db.execProtocolRawStream(message, {
                onRawData: (data) => {
                  bytes += data.length;
                  onData(data);
                },
              }),
            );
          } catch (error) {
            reject(error as Error);
          }
          if (extendedProtocol.has(type)) {
            this.owner = handlerId;
          } else if (type === sync || type === simpleQuery) {
            this.owner = this.db.isInTransaction() ? handlerId : null;
            if (this.touchedAdvisory.delete(handlerId)) await this.attributeAdvisory(handlerId);
          }
          resolve(bytes);
        },
      });
      void this.pump();
    });
  }

  /** The startup reply with this serve's own parameters before its ReadyForQuery. */
  private enqueueStartup(handlerId: number, message: Uint8Array, onData: (d: Uint8Array) => void) {
    const chunks: Uint8Array[] = [];
    return this.enqueueRaw(handlerId, message, (data) => chunks.push(data)).then((bytes) => {
      const reply = Buffer.concat(chunks);
      const ready = reply.length >= 6 && reply[reply.length - 6] === readyForQuery;
      const cut = ready ? reply.length - 6 : reply.length;
      const extra = Object.entries(this.report).map(([name, value]) =>
        parameterStatus(name, value),
      );
      onData(Buffer.concat([reply.subarray(0, cut), ...extra, reply.subarray(cut)]));
      return bytes;
    });
  }

  /** Rejects what a closed connection still had queued. */
  clearQueueForHandler(handlerId: number): void {
    this.jobs = this.jobs.filter((job) => job.handlerId !== handlerId);
  }

  /** A connection went away: end its transaction and release its advisory locks. */
  clearTransactionIfNeeded(handlerId: number): Promise<void> {
    return new Promise<void>((resolve) => {
      this.jobs.push({
        handlerId,
        run: async () => {
          try {
            if (this.owner === handlerId && this.db.isInTransaction())
              await this.db.exec('rollback');
            // Its prepared statements go with it, as they do with a server's backend.
            for (const name of this.statements.get(handlerId) ?? []) {
              await this.db.exec(`deallocate "${name.replaceAll('"', '""')}"`).catch(() => {});
            }
            this.statements.delete(handlerId);
            for (const [id, held] of this.advisory) {
              if (held.handlerId !== handlerId) continue;
              const { classid, objid, objsubid } = held.key;
              const unlock =
                objsubid === 1
                  ? `select pg_advisory_unlock(((${classid}::bigint << 32) | ${objid}::bigint)) as released`
                  : `select pg_advisory_unlock(${classid | 0}, ${objid | 0}) as released`;
              // Session locks count: release every time it was taken.
              for (let i = 0; i < 1000; i++) {
                const rows = (await this.db.query<{ released: boolean }>(unlock)).rows;
                if (!rows[0]?.released) break;
              }
              this.advisory.delete(id);
            }
          } catch {
            // A session that cannot even roll back has nothing more to clean here.
          } finally {
            if (this.owner === handlerId) this.owner = null;
            resolve();
          }
        },
      });
      void this.pump();
    });
  }

  private next(): Job | undefined {
    const index =
      this.owner === null ? 0 : this.jobs.findIndex((job) => job.handlerId === this.owner);
    if (index < 0 || index >= this.jobs.length) return undefined;
    return this.jobs.splice(index, 1)[0];
  }

  private async pump(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      for (let job = this.next(); job; job = this.next()) await job.run();
    } finally {
      this.running = false;
    }
  }

  /** Records which session-level advisory locks appeared (or went) after a unit of `handlerId`. */
  private async attributeAdvisory(handlerId: number): Promise<void> {
    if (this.db.isInTransaction()) return; // a transaction's own locks end with it
    try {
      const rows = (
        await this.db.query<AdvisoryKey>(
          `select classid::int8::float8 as classid, objid::int8::float8 as objid, objsubid::int as objsubid
             from pg_locks where locktype = 'advisory' and granted and pid = pg_backend_pid()`,
        )
      ).rows;
      const present = new Set(rows.map(keyOf));
      for (const id of this.advisory.keys()) if (!present.has(id)) this.advisory.delete(id);
      for (const key of rows) {
        if (!this.advisory.has(keyOf(key))) this.advisory.set(keyOf(key), { handlerId, key });
      }
    } catch {
      // Attribution is best effort: the lock still works, it is only not released on a crash.
    }
  }
}
